/** Content script for Threads (isolated world). */
import { threadsAdapter } from '../../adapters/threads/index.ts';
import { startContent } from '../runtime.ts';

startContent(threadsAdapter);
