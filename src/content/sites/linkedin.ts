/** Content script for LinkedIn (isolated world). */
import { linkedinAdapter } from '../../adapters/linkedin/index.ts';
import { startContent } from '../runtime.ts';

startContent(linkedinAdapter);
