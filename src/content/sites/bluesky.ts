/** Content script for Bluesky (isolated world). */
import { blueskyAdapter } from '../../adapters/bluesky/index.ts';
import { startContent } from '../runtime.ts';

startContent(blueskyAdapter);
