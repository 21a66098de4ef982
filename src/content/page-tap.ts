/**
 * Runs in the page's own JavaScript world (MAIN), at document_start, before the site's code. It wraps
 * fetch and XMLHttpRequest to see, for the few requests that mean "the user did something", whether
 * they succeeded, and relays them to the isolated content script with window.postMessage.
 *
 * Kept tiny and passive on purpose: it never delays, alters or blocks a request, reads only requests
 * matching the adapter's pattern (never GETs), and never touches headers, so tokens and cookies are
 * never seen. Any error in here is swallowed: the site must work exactly as without us.
 */
import type { NetworkCall, TapSpec } from '../adapters/types.ts';

export const TAP_MESSAGE_KEY = 'give-first-tap';
/** Responses longer than this are cut; the fields we read sit near the start of X's and others' replies. */
const MAX_BODY = 256 * 1024;

function bodyToString(body: unknown): string | null {
  if (typeof body === 'string') return body.slice(0, MAX_BODY);
  if (body instanceof URLSearchParams) return body.toString().slice(0, MAX_BODY);
  return null;
}

function relay(call: NetworkCall): void {
  window.postMessage({ [TAP_MESSAGE_KEY]: call }, window.location.origin);
}

export function installPageTap(spec: TapSpec): void {
  const absolute = (url: string): string => {
    try {
      return new URL(url, window.location.href).href;
    } catch {
      return url;
    }
  };
  const wanted = (method: string, url: string): boolean => method !== 'GET' && spec.requests.test(url);

  const nativeFetch = window.fetch;
  window.fetch = function giveFirstFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    const result = nativeFetch.call(this ?? window, input, init);
    try {
      const request = input instanceof Request ? input : null;
      const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
      const url = absolute(request ? request.url : String(input));
      if (wanted(method, url)) {
        const startedAt = Date.now();
        const bodyPromise: Promise<string | null> = init?.body !== undefined
          ? Promise.resolve(bodyToString(init.body))
          : request ? request.clone().text().then((t) => t.slice(0, MAX_BODY), () => null) : Promise.resolve(null);
        result.then(
          async (response) => {
            const responseBody = spec.responses.test(url)
              ? await response.clone().text().then((t) => t.slice(0, MAX_BODY), () => null)
              : null;
            relay({ method, url, status: response.status, requestBody: await bodyPromise, responseBody, startedAt });
          },
          async () => relay({ method, url, status: 0, requestBody: await bodyPromise, responseBody: null, startedAt }),
        ).catch(() => undefined);
      }
    } catch {
      // Fail open: the page's request is already on its way.
    }
    return result;
  };

  const proto = XMLHttpRequest.prototype;
  const nativeOpen = proto.open;
  const nativeSend = proto.send;
  const meta = new WeakMap<XMLHttpRequest, { method: string; url: string }>();
  proto.open = function giveFirstOpen(this: XMLHttpRequest, method: string, url: string | URL, ...rest: unknown[]) {
    try {
      meta.set(this, { method: String(method).toUpperCase(), url: absolute(String(url)) });
    } catch {
      // ignore
    }
    return (nativeOpen as (...args: unknown[]) => void).call(this, method, url, ...rest);
  } as typeof proto.open;
  proto.send = function giveFirstSend(this: XMLHttpRequest, body?: Document | XMLHttpRequestBodyInit | null) {
    try {
      const m = meta.get(this);
      if (m && wanted(m.method, m.url)) {
        const startedAt = Date.now();
        const requestBody = bodyToString(body);
        this.addEventListener('loadend', () => {
          let responseBody: string | null = null;
          try {
            if (spec.responses.test(m.url)) {
              if (this.responseType === '' || this.responseType === 'text') responseBody = this.responseText.slice(0, MAX_BODY);
              else if (this.responseType === 'json') responseBody = JSON.stringify(this.response).slice(0, MAX_BODY);
            }
          } catch {
            responseBody = null;
          }
          relay({ method: m.method, url: m.url, status: this.status, requestBody, responseBody, startedAt });
        });
      }
    } catch {
      // ignore
    }
    return nativeSend.call(this, body);
  };
}
