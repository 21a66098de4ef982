/** Content script for Reddit, www (shreddit) and old (isolated world). */
import { redditAdapter } from '../../adapters/reddit/index.ts';
import { startContent } from '../runtime.ts';

startContent(redditAdapter);
