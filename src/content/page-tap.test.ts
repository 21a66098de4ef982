/**
 * The page tap (page-tap.ts) on its three paths — fetch with an init, fetch with a Request, XMLHttpRequest —
 * with fake transports: what it relays, what it drops in the page's world, and what it never reads.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NetworkCall, TapSpec } from '../adapters/types.ts';
import { installPageTap, reduceRequestBody, reduceResponseBody, TAP_MESSAGE_KEY } from './page-tap.ts';

// Wrapped so the tests can tell whether a body was parsed at all (finding: every GraphQL body used to be).
vi.mock('../shared/form-fields.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../shared/form-fields.ts')>();
  return { ...real, keepFormFields: vi.fn(real.keepFormFields), keepFormJson: vi.fn(real.keepFormJson) };
});
const formFields = await import('../shared/form-fields.ts');

const URL_GQL = 'https://site.test/api/graphql/';
const REPLY = '{"data":{"ok":true}}';

/** A Meta-like spec: one endpoint, a body filter, form fields and a JSON field allow-list. */
const META: TapSpec = {
  requests: /^https:\/\/site\.test\/api\/graphql\/$/,
  responses: /^https:\/\/site\.test\/api\/graphql\/$/,
  bodies: /(?:^|&)fb_api_req_friendly_name=(?:LikeMutation|PostMutation)(?:&|$)/,
  formFields: ['fb_api_req_friendly_name', 'variables'],
  formJsonFields: { variables: ['input.feedback_id', 'input.message.text'] },
};
/** A YouTube-like spec: JSON bodies and answers with allow-lists, no body filter. */
const INNERTUBE: TapSpec = {
  requests: /^https:\/\/site\.test\/youtubei\/v1\/comment\/create_comment$/,
  responses: /^https:\/\/site\.test\/youtubei\/v1\/comment\/create_comment$/,
  jsonFields: ['commentText', 'createCommentParams'],
  responseJsonFields: ['actions'],
};
const URL_YT = 'https://site.test/youtubei/v1/comment/create_comment';

const TOKENS = 'av=100004848287494&__user=100004848287494&fb_dtsg=NAfsECRETdtsg&jazoest=25511&lsd=SeCrEtLsD';
const VARIABLES = {
  input: {
    feedback_id: 'ZmVlZGJhY2s6MTIz', message: { text: 'Thanks!', ranges: [] }, actor_id: '100004848287494',
    session_id: 'sess-1', idempotence_token: 'idem-1', attribution_id_v2: 'CometHomeRoot.react',
  },
  scale: 1,
};
const mutation = (name = 'PostMutation'): string =>
  `${TOKENS}&fb_api_req_friendly_name=${name}&variables=${encodeURIComponent(JSON.stringify(VARIABLES))}&doc_id=1`;
const QUERY = `${TOKENS}&fb_api_req_friendly_name=CometNewsFeedPaginationQuery&variables=%7B%7D&doc_id=2`;
const INNERTUBE_BODY = JSON.stringify({
  context: {
    client: { clientName: 'WEB', visitorData: 'CgtWSVNJVE9SREFUQQ', originalUrl: 'https://www.youtube.com/watch?v=x' },
    clickTracking: { clickTrackingParams: 'CNoBCLICKTRACKING' },
  },
  createCommentParams: 'EgtHZjFy', commentText: 'Nice one',
});
const INNERTUBE_REPLY = JSON.stringify({
  responseContext: { visitorData: 'CgtWSVNJVE9SREFUQQ' },
  actions: [{ createCommentAction: { commentId: 'Ugy1' } }],
});

let relayed: NetworkCall[];
let sent: (string | null)[];
const onMessage = (event: MessageEvent): void => {
  const data = event.data as Record<string, NetworkCall> | null;
  if (data && typeof data === 'object' && TAP_MESSAGE_KEY in data) relayed.push(data[TAP_MESSAGE_KEY] as NetworkCall);
};

/** A stand-in for the network: answers after a short delay, as a real answer comes later than the request. */
function fakeFetch(reply: (body: string | null) => string = () => REPLY, delay = 20): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = init?.body !== undefined ? (typeof init.body === 'string' ? init.body : init.body instanceof FormData ? '[form-data]' : String(init.body))
      : input instanceof Request ? await input.text() : null;
    sent.push(body);
    await new Promise((resolve) => setTimeout(resolve, delay));
    return new Response(reply(body), { status: 200 });
  }) as typeof fetch;
}

/** A stand-in XMLHttpRequest: `send` answers on the next tick with `loadend`. */
class FakeXhr extends EventTarget {
  status = 0;
  responseText = '';
  responseType: XMLHttpRequestResponseType = '';
  response: unknown = null;
  open(_method: string, _url: string): void {}
  send(body?: unknown): void {
    sent.push(typeof body === 'string' ? body : body instanceof FormData ? '[form-data]' : null);
    setTimeout(() => {
      this.status = 200;
      this.responseText = typeof body === 'string' && body.startsWith('{') ? INNERTUBE_REPLY : REPLY;
      this.dispatchEvent(new Event('loadend'));
    }, 5);
  }
}

function xhr(url: string, body: unknown): void {
  const request = new XMLHttpRequest();
  request.open('POST', url);
  request.send(body as XMLHttpRequestBodyInit);
}

/** Lets every pending timer and promise run (the fake network answers within 20 ms). */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 80));

beforeEach(() => {
  relayed = [];
  sent = [];
  window.addEventListener('message', onMessage);
  vi.stubGlobal('XMLHttpRequest', class extends FakeXhr {});
  vi.mocked(formFields.keepFormFields).mockClear();
  vi.mocked(formFields.keepFormJson).mockClear();
});
afterEach(() => {
  window.removeEventListener('message', onMessage);
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function install(spec: TapSpec, fetchImpl: typeof fetch = fakeFetch()): void {
  vi.stubGlobal('fetch', fetchImpl);
  installPageTap(spec);
}

/** The keys of a relayed form body, and its variables as JSON. */
const formKeys = (body: string | null | undefined): string[] => [...new URLSearchParams(body ?? '').keys()];
const variablesOf = (body: string | null | undefined): unknown => JSON.parse(new URLSearchParams(body ?? '').get('variables') ?? 'null');
const REDUCED_VARIABLES = { input: { feedback_id: 'ZmVlZGJhY2s6MTIz', message: { text: 'Thanks!' } } };

describe('fetch with an init', () => {
  it('relays a wanted call with its body reduced and the answer the page reads at once; the page sees its own request unchanged', async () => {
    install(META);
    const text = await fetch(URL_GQL, { method: 'POST', body: mutation() }).then((r) => r.text());
    expect(text).toBe(REPLY);
    await vi.waitFor(() => expect(relayed).toHaveLength(1));
    expect(sent).toEqual([mutation()]);
    const [call] = relayed;
    expect(call).toMatchObject({ method: 'POST', url: URL_GQL, status: 200, responseBody: REPLY });
    expect(formKeys(call?.requestBody)).toEqual(['fb_api_req_friendly_name', 'variables']);
    expect(variablesOf(call?.requestBody)).toEqual(REDUCED_VARIABLES);
    for (const secret of ['NAfsECRETdtsg', 'SeCrEtLsD', '100004848287494', 'sess-1', 'idem-1', 'CometHomeRoot']) {
      expect(JSON.stringify(relayed)).not.toContain(secret);
    }
  });

  it('never parses, relays or clones the answer of a body the spec rejects', async () => {
    install(META);
    const clone = vi.spyOn(Response.prototype, 'clone');
    expect(await fetch(URL_GQL, { method: 'POST', body: QUERY }).then((r) => r.text())).toBe(REPLY);
    await settle();
    expect(relayed).toEqual([]);
    expect(clone).not.toHaveBeenCalled();
    expect(formFields.keepFormFields).not.toHaveBeenCalled();
  });

  it('relays a failed wanted call with status 0', async () => {
    install(META, (() => Promise.reject(new TypeError('network'))) as typeof fetch);
    await expect(fetch(URL_GQL, { method: 'POST', body: mutation() })).rejects.toThrow('network');
    await vi.waitFor(() => expect(relayed).toHaveLength(1));
    expect(relayed[0]).toMatchObject({ status: 0, responseBody: null });
    expect(variablesOf(relayed[0]?.requestBody)).toEqual(REDUCED_VARIABLES);
  });

  it('filters bodies only on the URLs of bodiesFor: another wanted URL is relayed whatever its body', async () => {
    const URL_POST = 'https://site.test/api/post/';
    install({ ...META, requests: /^https:\/\/site\.test\/api\/(?:graphql|post)\/$/, bodiesFor: /\/api\/graphql\/$/ });
    await fetch(URL_POST, { method: 'POST', body: 'caption=hi' });
    await fetch(URL_GQL, { method: 'POST', body: QUERY });
    await vi.waitFor(() => expect(relayed).toHaveLength(1));
    await settle();
    expect(relayed.map((c) => c.url)).toEqual([URL_POST]);
  });

  it('leaves GETs and other URLs alone', async () => {
    install(META);
    await fetch(URL_GQL);
    await fetch('https://site.test/other', { method: 'POST', body: mutation() });
    await settle();
    expect(relayed).toEqual([]);
  });
});

describe('fetch with a Request', () => {
  it('relays a wanted call read from the Request, and the page still reads its answer', async () => {
    install(META);
    const text = await fetch(new Request(URL_GQL, { method: 'POST', body: mutation() })).then((r) => r.text());
    expect(text).toBe(REPLY);
    await vi.waitFor(() => expect(relayed).toHaveLength(1));
    expect(sent).toEqual([mutation()]); // the page's request went out with its body
    expect(relayed[0]?.responseBody).toBe(REPLY);
    expect(variablesOf(relayed[0]?.requestBody)).toEqual(REDUCED_VARIABLES);
    expect(JSON.stringify(relayed)).not.toContain('NAfsECRETdtsg');
  });

  it('judges the body before the answer comes and never clones the answer of a rejected one', async () => {
    install(META);
    const clone = vi.spyOn(Response.prototype, 'clone');
    expect(await fetch(new Request(URL_GQL, { method: 'POST', body: QUERY })).then((r) => r.text())).toBe(REPLY);
    await settle();
    expect(relayed).toEqual([]);
    expect(clone).not.toHaveBeenCalled();
    expect(formFields.keepFormFields).not.toHaveBeenCalled();
  });

  it('an answer that comes before the body is judged is copied, then let go when the body is rejected', async () => {
    install(META, fakeFetch(() => REPLY, 0));
    expect(await fetch(new Request(URL_GQL, { method: 'POST', body: QUERY })).then((r) => r.text())).toBe(REPLY);
    await settle();
    expect(relayed).toEqual([]);
  });
});

describe('XMLHttpRequest', () => {
  it('relays a wanted call with its body reduced and its answer', async () => {
    install(META);
    xhr(URL_GQL, mutation('LikeMutation'));
    await vi.waitFor(() => expect(relayed).toHaveLength(1));
    expect(sent).toEqual([mutation('LikeMutation')]);
    expect(relayed[0]).toMatchObject({ method: 'POST', url: URL_GQL, status: 200, responseBody: REPLY });
    expect(formKeys(relayed[0]?.requestBody)).toEqual(['fb_api_req_friendly_name', 'variables']);
    expect(variablesOf(relayed[0]?.requestBody)).toEqual(REDUCED_VARIABLES);
  });

  it('tests a rejected body only: nothing parsed before the page\'s request goes out, nothing relayed', async () => {
    install(META);
    xhr(URL_GQL, QUERY);
    expect(formFields.keepFormFields).not.toHaveBeenCalled();
    expect(formFields.keepFormJson).not.toHaveBeenCalled();
    await settle();
    expect(sent).toEqual([QUERY]);
    expect(relayed).toEqual([]);
  });
});

describe('bodies that are not text', () => {
  it('a FormData body is never read: with a body filter the call is not relayed, without one it is, body null', async () => {
    install(META);
    const data = new FormData();
    data.set('fb_api_req_friendly_name', 'PostMutation');
    data.set('fb_dtsg', 'NAfsECRETdtsg');
    await fetch(URL_GQL, { method: 'POST', body: data });
    xhr(URL_GQL, data);
    await settle();
    expect(sent).toEqual(['[form-data]', '[form-data]']);
    expect(relayed).toEqual([]);

    installPageTap({ requests: META.requests, responses: META.responses });
    await fetch(URL_GQL, { method: 'POST', body: data });
    xhr(URL_GQL, data);
    await vi.waitFor(() => expect(relayed).toHaveLength(2));
    for (const call of relayed) expect(call.requestBody).toBeNull();
    expect(JSON.stringify(relayed)).not.toContain('NAfsECRETdtsg');
  });
});

describe('JSON allow-lists (jsonFields, responseJsonFields)', () => {
  it('visitor data and click tracking never appear in a relayed call, on any path', async () => {
    install(INNERTUBE, fakeFetch(() => INNERTUBE_REPLY));
    await fetch(URL_YT, { method: 'POST', body: INNERTUBE_BODY }).then((r) => r.json());
    await fetch(new Request(URL_YT, { method: 'POST', body: INNERTUBE_BODY })).then((r) => r.json());
    xhr(URL_YT, INNERTUBE_BODY);
    await vi.waitFor(() => expect(relayed).toHaveLength(3));
    for (const call of relayed) {
      expect(JSON.parse(call.requestBody ?? 'null')).toEqual({ commentText: 'Nice one', createCommentParams: 'EgtHZjFy' });
      expect(JSON.parse(call.responseBody ?? 'null')).toEqual({ actions: [{ createCommentAction: { commentId: 'Ugy1' } }] });
    }
    for (const secret of ['visitorData', 'CgtWSVNJVE9SREFUQQ', 'clickTrackingParams', 'CNoBCLICKTRACKING', 'originalUrl', 'responseContext']) {
      expect(JSON.stringify(relayed)).not.toContain(secret);
    }
  });

  it('a body or answer that is not JSON is relayed as null, never as is', () => {
    expect(reduceRequestBody(INNERTUBE, 'visitorData=CgtWSVNJVE9SREFUQQ')).toBeNull();
    expect(reduceResponseBody(INNERTUBE, '<html>visitorData</html>')).toBeNull();
    expect(reduceResponseBody(INNERTUBE, null)).toBeNull();
    expect(reduceResponseBody(META, REPLY)).toBe(REPLY); // no allow-list: as is
  });
});

describe('reduce, then cut', () => {
  it('a body larger than the limit whose tokens come first keeps its variables whole', async () => {
    install(META);
    const big = `__hsdp=${'x'.repeat(300 * 1024)}&${mutation()}`;
    xhr(URL_GQL, big);
    await fetch(URL_GQL, { method: 'POST', body: big });
    await vi.waitFor(() => expect(relayed).toHaveLength(2));
    for (const call of relayed) expect(variablesOf(call.requestBody)).toEqual(REDUCED_VARIABLES);
  });

  it('a relayed body is still cut to the limit', () => {
    const relayedBody = reduceRequestBody({ requests: /x/, responses: /x/ }, 'y'.repeat(300 * 1024));
    expect(relayedBody).toHaveLength(256 * 1024);
  });
});
