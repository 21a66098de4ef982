/** Content script for X (isolated world). */
import { xAdapter } from '../../adapters/x/index.ts';
import { startContent } from '../runtime.ts';

startContent(xAdapter);
