/** Content script for Facebook (isolated world). */
import { facebookAdapter } from '../../adapters/facebook/index.ts';
import { startContent } from '../runtime.ts';

startContent(facebookAdapter);
