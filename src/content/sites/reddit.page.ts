/** Page-world tap for Reddit: relays shreddit GraphQL and old reddit /api/* mutations once they complete. */
import { REDDIT_TAP } from '../../adapters/reddit/network.ts';
import { installPageTap } from '../page-tap.ts';

installPageTap(REDDIT_TAP);
