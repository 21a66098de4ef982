/** Content script for YouTube (isolated world), www.youtube.com only. */
import { youtubeAdapter } from '../../adapters/youtube/index.ts';
import { startContent } from '../runtime.ts';

startContent(youtubeAdapter);
