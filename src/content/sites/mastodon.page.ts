/** Page-world tap for Mastodon: relays the instance REST calls for favourites, boosts, follows and posts. */
import { MASTODON_TAP } from '../../adapters/mastodon/network.ts';
import { installPageTap } from '../page-tap.ts';

installPageTap(MASTODON_TAP);
