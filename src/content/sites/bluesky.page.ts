/** Page-world tap for Bluesky: relays the XRPC writes bsky.app sends to the user's data server. */
import { BLUESKY_TAP } from '../../adapters/bluesky/network.ts';
import { installPageTap } from '../page-tap.ts';

installPageTap(BLUESKY_TAP);
