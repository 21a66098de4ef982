/** Content script for Hacker News (isolated world). */
import { hackernewsAdapter } from '../../adapters/hackernews/index.ts';
import { startContent } from '../runtime.ts';

startContent(hackernewsAdapter);
