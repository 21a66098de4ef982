/** Page-world tap for Threads: relays the post-creation calls and the few GraphQL mutations the adapter reads, reduced to the fields it reads (no tokens). */
import { THREADS_TAP } from '../../adapters/threads/network.ts';
import { installPageTap } from '../page-tap.ts';

installPageTap(THREADS_TAP);
