/**
 * Runs in the page's own JavaScript world (MAIN), at document_start, before the site's code. It wraps
 * fetch and XMLHttpRequest to see, for the few requests that mean "the user did something", whether
 * they succeeded, and relays them to the isolated content script with window.postMessage.
 *
 * Kept tiny and passive on purpose: it never delays, alters or blocks a request, reads only requests
 * matching the adapter's pattern (never GETs) and never touches headers, so the tokens and cookies sent
 * there are never seen. Tokens some sites send in the body itself (Meta's fb_dtsg and lsd form fields,
 * Threads' `_uid` and `device_id`, YouTube's visitor data) are read here only to be dropped: each body
 * and answer is reduced to the fields the adapter's parser reads (TapSpec: formFields, formJsonFields,
 * jsonFields, responseJsonFields) before it is relayed, so they never reach the extension. A body the
 * spec's `bodies` filter rejects is only tested, never parsed or copied, and its answer never cloned.
 * Any error in here is swallowed: the site must work exactly as without us.
 */
import type { NetworkCall, TapSpec } from '../adapters/types.ts';
import { keepFormFields, keepFormJson } from '../shared/form-fields.ts';
import { keepJsonText } from '../shared/json-fields.ts';

export const TAP_MESSAGE_KEY = 'give-first-tap';
/** Relayed bodies longer than this are cut; the fields we read sit near the start of X's and others' replies. */
const MAX_BODY = 256 * 1024;

/** The text of a body fetch or XHR was given; other kinds (FormData, Blob, buffers) are not read. */
function bodyText(body: unknown): string | null {
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) return body.toString();
  return null;
}

/**
 * A request body as relayed: reduced to what the adapter reads, then cut. Reduced first because on Meta's
 * forms the tokens come first: cut first, a large body would lose part of `variables`.
 */
export function reduceRequestBody(spec: TapSpec, raw: string | null): string | null {
  const reduced = keepJsonText(keepFormJson(keepFormFields(raw, spec.formFields), spec.formJsonFields), spec.jsonFields);
  return reduced?.slice(0, MAX_BODY) ?? null;
}

/** An answer as relayed: reduced to what the adapter reads, then cut. */
export function reduceResponseBody(spec: TapSpec, raw: string | null): string | null {
  return keepJsonText(raw, spec.responseJsonFields)?.slice(0, MAX_BODY) ?? null;
}

function relay(call: NetworkCall): void {
  window.postMessage({ [TAP_MESSAGE_KEY]: call }, window.location.origin);
}

/** A request being watched; `wanted` is set once its body has been judged against `bodies`. */
interface Watched {
  method: string;
  url: string;
  startedAt: number;
  /** The relayed body, or undefined when the body is not wanted (the call is then not relayed). */
  body: Promise<string | null | undefined>;
  wanted?: boolean;
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
  const bodyWanted = (url: string, raw: string | null): boolean =>
    !spec.bodies || (spec.bodiesFor !== undefined && !spec.bodiesFor.test(url)) || (raw !== null && spec.bodies.test(raw));
  /** The relayed body of a raw body, or undefined when `bodies` rejects it (then nothing is parsed). */
  const judge = (url: string, raw: string | null): string | null | undefined => (bodyWanted(url, raw) ? reduceRequestBody(spec, raw) : undefined);

  // Downstream, rapid toggles (like, unlike, like) are ordered by `startedAt`, and the ledger ignores an
  // action that is not newer than the last one it applied (that is what makes repeats idempotent). Two
  // requests started in the same millisecond would tie and the later one be dropped, so stamps are kept
  // strictly increasing within the page (at most a few ms off the clock).
  let lastStamp = 0;
  const stamp = (): number => (lastStamp = Math.max(Date.now(), lastStamp + 1));

  const nativeFetch = window.fetch;
  window.fetch = function giveFirstFetch(this: unknown, input: RequestInfo | URL, init?: RequestInit) {
    let seen: Watched | undefined;
    try {
      const request = input instanceof Request ? input : null;
      const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
      const url = absolute(request ? request.url : String(input));
      if (wanted(method, url)) {
        if (init?.body !== undefined || !request) {
          // Known now (init's body wins over a Request's): a body the spec does not want is never looked at again.
          const body = judge(url, bodyText(init?.body));
          if (body !== undefined) seen = { method, url, startedAt: stamp(), body: Promise.resolve(body), wanted: true };
        } else {
          // A Request's body is consumed by fetch itself (bodyUsed, clone() then throws), so it is copied
          // before the call. Seen in Chromium 2026-11: `fetch(new Request(url, {method: 'POST', body}))`
          // went unrelayed when the copy was made afterwards. Its text arrives later; until then the
          // request counts as possibly wanted.
          const watched: Watched = { method, url, startedAt: stamp(), body: request.clone().text().then((raw) => judge(url, raw), () => judge(url, null)) };
          void watched.body.then((body) => (watched.wanted = body !== undefined), () => (watched.wanted = false));
          seen = watched;
        }
      }
    } catch {
      // Fail open: never stand between the page and its request.
    }
    const result = nativeFetch.call(this ?? window, input, init);
    if (seen) {
      const watched = seen;
      const { method, url, startedAt } = watched;
      result.then(
        async (response) => {
          if (watched.wanted === false) return;
          // Cloned before anything is awaited: the page reads the body at once, and a used body cannot be
          // cloned. Only for a request not already rejected by its body (judged by now in practice: the
          // body is read from memory, the answer comes over the network).
          const clone = spec.responses.test(url) ? response.clone() : null;
          const body = await watched.body;
          if (body === undefined) {
            // Judged unwanted after all: let the copy go without reading it.
            void clone?.body?.cancel().catch(() => undefined);
            return;
          }
          const responseBody = clone ? await clone.text().then((t) => reduceResponseBody(spec, t), () => null) : null;
          relay({ method, url, status: response.status, requestBody: body, responseBody, startedAt });
        },
        async () => {
          const body = await watched.body;
          if (body !== undefined) relay({ method, url, status: 0, requestBody: body, responseBody: null, startedAt });
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
      // This runs synchronously before the page's request goes out: the cheap URL and `bodies` tests come
      // first, and only a wanted body is parsed and reduced.
      const requestBody = m && wanted(m.method, m.url) ? judge(m.url, bodyText(body)) : undefined;
      if (m && requestBody !== undefined) {
        const startedAt = stamp();
        this.addEventListener('loadend', () => {
          let responseBody: string | null = null;
          try {
            if (spec.responses.test(m.url)) {
              if (this.responseType === '' || this.responseType === 'text') responseBody = reduceResponseBody(spec, this.responseText);
              else if (this.responseType === 'json') responseBody = reduceResponseBody(spec, JSON.stringify(this.response));
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
