/**
 * The extension API without webextension-polyfill, for code on a hot path: the popup (first render
 * budget, issue #2) and the strings every context reads. Firefox's own `browser` where it exists, else
 * Chrome's `chrome`: in Manifest V3 both return promises for the calls made through this (storage,
 * runtime.sendMessage, runtime.getURL, i18n), so they behave the same. The polyfill only wraps `chrome`
 * into that same shape, at the cost of ~10 KB to fetch and evaluate on every popup opening.
 *
 * Typed as Chrome's API (@types/chrome); use only calls that Firefox's `browser` has with the same
 * signature. Undefined outside an extension (unit tests under happy-dom or node).
 */
type ExtensionApi = typeof chrome;

const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };

export const extensionApi: ExtensionApi | undefined = scope.browser?.runtime ? scope.browser : scope.chrome?.runtime ? scope.chrome : undefined;

/** The extension API; throws (once, at the first call site) where there is none. */
export function ext(): ExtensionApi {
  if (!extensionApi) throw new Error('Give First: no extension API in this context');
  return extensionApi;
}
