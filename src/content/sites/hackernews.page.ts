/**
 * Page-world tap for Hacker News. HN's client sends votes, favourites, comments and submissions as
 * links, image beacons and form posts, none of which the tap sees; it is installed so that a move to
 * fetch/XHR is noticed (the adapter then reports a health problem) rather than missed silently.
 */
import { HN_TAP } from '../../adapters/hackernews/network.ts';
import { installPageTap } from '../page-tap.ts';

installPageTap(HN_TAP);
