/** Page-world tap for LinkedIn: relays LinkedIn's own reaction, comment, share and follow requests once they complete. */
import { LINKEDIN_TAP } from '../../adapters/linkedin/network.ts';
import { installPageTap } from '../page-tap.ts';

installPageTap(LINKEDIN_TAP);
