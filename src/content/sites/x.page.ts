/** Page-world tap for X: relays X's own like, post, repost and follow requests once they complete. */
import { X_TAP } from '../../adapters/x/network.ts';
import { installPageTap } from '../page-tap.ts';

installPageTap(X_TAP);
