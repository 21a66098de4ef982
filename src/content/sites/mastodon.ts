/**
 * Content script for Mastodon (isolated world), on the manifest's instances and on any instance the
 * user added (registered at run time by src/background/instances.ts).
 */
import { mastodonAdapter } from '../../adapters/mastodon/index.ts';
import { startContent } from '../runtime.ts';

startContent(mastodonAdapter);
