/**
 * Runs in the page's own JavaScript world (MAIN), at document_start, before the site's code. It wraps
 * fetch and XMLHttpRequest to see, for the few requests that mean "the user did something", whether
 * they succeeded, and relays them to the isolated content script with window.postMessage.
 *
 * Kept tiny and passive on purpose: it never delays, alters or blocks a request, reads only requests
 * matching the adapter's pattern (never GETs; and, where the spec says so, only bodies naming an action),
 * and never touches headers, so tokens and cookies are never seen. Form fields the spec does not name
 * (session tokens sent in the body) are dropped before the relay. Any error in here is swallowed: the
 * site must work exactly as without us.
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

/**
 * The body as relayed: null when the spec filters bodies and this one does not match (not relayed at
 * all), else the body, cut down to the spec's form fields when it names some.
 */
function relayedBody(spec: TapSpec, body: string | null): { body: string | null } | null {
  if (spec.bodies && (body === null || !spec.bodies.test(body))) return null;
  if (!spec.formFields || body === null) return { body };
  const kept = new URLSearchParams();
  for (const [key, value] of new URLSearchParams(body)) if (spec.formFields.includes(key)) kept.append(key, value);
  return { body: kept.toString() };
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

  // Downstream, rapid toggles (like, unlike, like) are ordered by `startedAt`, and the ledger ignores an
  // action that is not newer than the last one it applied (that is what makes repeats idempotent). Two
  // requests started in the same millisecond would tie and the later one be dropped, so stamps are kept
  // strictly increasing within the page (at most a few ms off the clock).
  let lastStamp = 0;
  const stamp = (): number => (lastStamp = Math.max(Date.now(), lastStamp + 1));

  const nativeFetch = window.fetch;
  window.fetch = function giveFirstFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    let seen: { method: string; url: string; body: Promise<{ body: string | null } | null>; startedAt: number } | undefined;
    try {
      const request = input instanceof Request ? input : null;
      const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
      const url = absolute(request ? request.url : String(input));
      if (wanted(method, url)) {
        if (init?.body !== undefined) {
          // Known now: a body the spec filters out is let go at once, nothing copied or kept.
          const relayed = relayedBody(spec, bodyToString(init.body));
          if (relayed) seen = { method, url, body: Promise.resolve(relayed), startedAt: stamp() };
        } else {
          // A Request's body is consumed by fetch itself (bodyUsed, clone() then throws), so it is copied
          // before the call. Seen in Chromium 2026-11: `fetch(new Request(url, {method: 'POST', body}))`
          // went unrelayed when the copy was made afterwards.
          const body = request ? request.clone().text().then((t) => t.slice(0, MAX_BODY), () => null) : Promise.resolve(null);
          seen = { method, url, body: body.then((text) => relayedBody(spec, text)), startedAt: stamp() };
        }
      }
    } catch {
      // Fail open: never stand between the page and its request.
    }
    const result = nativeFetch.call(this ?? window, input, init);
    if (seen) {
      const { method, url, body, startedAt } = seen;
      result.then(
        async (response) => {
          // Cloned before any await: the page reads the body as soon as it gets the response, and a
          // consumed response can no longer be cloned.
          const copy = spec.responses.test(url) ? response.clone() : null;
          const relayed = await body;
          if (!relayed) return;
          const responseBody = copy ? await copy.text().then((t) => t.slice(0, MAX_BODY), () => null) : null;
          relay({ method, url, status: response.status, requestBody: relayed.body, responseBody, startedAt });
        },
        async () => {
          const relayed = await body;
          if (relayed) relay({ method, url, status: 0, requestBody: relayed.body, responseBody: null, startedAt });
        },
      ).catch(() => undefined);
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
      const relayed = m && wanted(m.method, m.url) ? relayedBody(spec, bodyToString(body)) : null;
      if (m && relayed) {
        const startedAt = stamp();
        const requestBody = relayed.body;
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
