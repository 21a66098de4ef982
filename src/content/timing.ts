/**
 * Timings of the content runtime, in a module of their own (no imports, no browser APIs) so that the
 * end-to-end tests can import them without the runtime and its dependencies.
 */

/** How long after a navigation the page is given to render before its hooks are judged. */
export const HEALTH_DELAY_MS = 4000;
