/** Page-world tap for Facebook: relays only Facebook's own reaction, comment, post and reshare mutations (named in the body) once they complete, without their session fields. */
import { FACEBOOK_TAP } from '../../adapters/facebook/network.ts';
import { installPageTap } from '../page-tap.ts';

installPageTap(FACEBOOK_TAP);
