/**
 * Timings of the content runtime, in a module of their own (no browser APIs) so that tests running
 * outside an extension can import them: runtime.ts pulls in webextension-polyfill, which throws there.
 */

/** How long after a navigation the page is given to render before its hooks are judged. */
export const HEALTH_DELAY_MS = 4000;
