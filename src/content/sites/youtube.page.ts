/**
 * Page-world tap for YouTube: relays only the InnerTube calls for likes, comments, replies, comment
 * actions, subscriptions and community posts (never browse/next/player or the analytics pings).
 */
import { YOUTUBE_TAP } from '../../adapters/youtube/network.ts';
import { installPageTap } from '../page-tap.ts';

installPageTap(YOUTUBE_TAP);
