import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Observation } from '../../shared/observations.ts';
import { installPageTap, TAP_MESSAGE_KEY } from '../../content/page-tap.ts';
import { ShapeError, type NetworkCall } from '../types.ts';
import { facebookAdapter } from './index.ts';
import { FACEBOOK_TAP, GRAPHQL_RE, OPERATIONS } from './network.ts';
import { isFacebookRefusal, parseFacebookCall, parseFacebookResponse } from './parse.ts';
import { authorFromHref, decodeRelayId, facebookPageKind, postIdFromHref, type FacebookPageKind } from './routes.ts';
import { FacebookSession } from './session.ts';
import { UNREACT_SETTLE_MS, createWatch } from './watch.ts';
import { facebookHome, type FacebookVariant } from '../../../tests/replicas/facebook/home.ts';
import { callFixtures } from '../../../tests/unit/call-fixture.ts';

// ---------------------------------------------------------------------------------------------------
// Fixtures (src/adapters/facebook/fixtures/): each JSON file is one request/response pair with a `_source`;
// `request` holds the form fields (variables as an object, sent as a JSON string), `response` the raw text.

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = callFixtures<Record<string, unknown>, string>(FIXTURES);
const AT = Date.UTC(2026, 10, 23, 10, 15);
const ALICE = '10161234567890123';
const BOB = '10169876543210987';
const CAROL_COMMENT = `${ALICE}_880011223344`;
const DTSG = 'NAfsECRETdtsgT0KEN';

function form(request: Record<string, unknown>): string {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(request)) out.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  return out.toString();
}

/** The NetworkCall the page tap would relay for a fixture (the tap drops fields; the parser must not care). */
function call(name: string, patch: Partial<NetworkCall> = {}, vars?: (v: Record<string, unknown>) => unknown): NetworkCall {
  const f = fixture(name);
  const request = vars ? { ...f.request, variables: vars(structuredClone(f.request.variables) as Record<string, unknown>) } : f.request;
  return { method: f.method, url: f.url, status: f.status, requestBody: form(request), responseBody: f.response, startedAt: AT, ...patch };
}

// Pages: the e2e feed replica itself (tests/replicas/facebook/home.html, one template rendered per variant by
// home.ts), so the unit tests and the end-to-end tests read the same markup rather than copies that drift.
const page = (variant: FacebookVariant = 'en'): Document => new DOMParser().parseFromString(facebookHome(variant), 'text/html');
const blank = (): Document => new DOMParser().parseFromString('<!DOCTYPE html><html><body></body></html>', 'text/html');
const parse = (c: NetworkCall, doc = page(), session = new FacebookSession()): Observation[] =>
  parseFacebookCall(c, doc, session, facebookAdapter.readIdentity(doc));

describe('fixtures', () => {
  it('each says where its shape comes from, and when', () => {
    const names = readdirSync(FIXTURES).filter((n) => n.endsWith('.json'));
    expect(names.length).toBeGreaterThanOrEqual(10);
    for (const name of names) {
      const f = fixture(name.replace(/\.json$/, ''));
      expect(f._source, name).toMatch(/platforms\.md §7\.B/);
      expect(f._date, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.method, name).toBe('POST');
      expect(GRAPHQL_RE.test(f.url), name).toBe(true);
    }
    for (const variant of ['en', 'es', 'broken'] as const) {
      expect(facebookHome(variant)).toMatch(/^<!DOCTYPE html>\n<!--[\s\S]*platforms\.md §7\.A[\s\S]*2026-11-23[\s\S]*-->/);
    }
  });

  it('the feed replica renders each variant from one template, different only where meant to be', () => {
    const [en, es, broken] = (['en', 'es', 'broken'] as const).map((v) => page(v));
    const texts = (doc: Document, selector: string): string[] => [...doc.querySelectorAll(selector)].map((e) => e.getAttribute('aria-label') ?? '');
    for (const doc of [en, es, broken]) {
      expect(doc!.documentElement.outerHTML).not.toContain('{{');
      expect(doc!.querySelectorAll('[aria-posinset] [role="article"][aria-labelledby]')).toHaveLength(3);
      // The action bar and comment box, written once in the template, stand in every post (markers dropped).
      expect(doc!.querySelectorAll('[aria-posinset] .ufi [data-ad-rendering-role="like_button"]')).toHaveLength(3);
      expect(doc!.querySelectorAll('[aria-posinset] form.comment-form [data-lexical-editor]')).toHaveLength(3);
      expect(doc!.documentElement.outerHTML).not.toMatch(/\{\{[#/]/);
    }
    // English: FeedUnit pagelets, the article a direct child of the feed unit.
    expect(en!.documentElement.lang).toBe('en');
    expect(en!.querySelectorAll('[data-pagelet^="FeedUnit"]')).toHaveLength(3);
    expect(en!.querySelectorAll('[aria-posinset] > [role="article"]')).toHaveLength(3);
    expect(texts(en!, '.ufi .react')).toEqual(['Like', 'Like', 'Like']);
    expect(en!.querySelectorAll('[data-ad-rendering-role="profile_name"]')).toHaveLength(3);
    // Spanish: labels, no FeedUnit pagelets, two more wrappers around each article and like control, fetch.
    expect(es!.documentElement.lang).toBe('es');
    expect(es!.querySelectorAll('[data-pagelet^="FeedUnit"]')).toHaveLength(0);
    expect(es!.querySelectorAll('[aria-posinset] > div > div > [role="article"]')).toHaveLength(3);
    expect(es!.querySelectorAll('.ufi > div > span > .react')).toHaveLength(3);
    expect(texts(es!, '.ufi .react')).toEqual(['Me gusta', 'Me gusta', 'Me gusta']);
    expect(es!.body.innerHTML).toMatch(/transport: 'fetch'[\s\S]*"remove":"Quitar Me gusta"/);
    expect(es!.body.textContent).not.toMatch(/\b(Like|Comment|Share|Reply)\b/);
    // Broken: the English page with only the post-header hook renamed.
    expect(broken!.querySelectorAll('[data-ad-rendering-role="profile_name"]')).toHaveLength(0);
    expect(broken!.querySelectorAll('[data-ad-rendering-role="actor_name"]')).toHaveLength(3);
    expect(facebookHome('broken').replaceAll('"actor_name"', '"profile_name"')).toBe(facebookHome('en'));
  });
});

// ---------------------------------------------------------------------------------------------------

describe('parseFacebookCall: reactions', () => {
  it('CometUFIFeedbackReactMutation → a like of the post (feedback:<id>), with the author read from the page', () => {
    // Bob's post shows its numeric id in its permalink.
    expect(parse(call('react', {}, (v) => ({ ...v, input: { ...(v.input as object), feedback_id: btoa(`feedback:${BOB}`) } })))).toEqual([{
      op: 'did', platform: 'facebook', kind: 'like', ref: BOB, at: AT,
      target: { id: BOB, url: `https://www.facebook.com/${BOB}`, author: 'bob.okafor' },
    }]);
  });

  it('a post in a group, whose author links to their group membership, gets the author\'s numeric id', () => {
    const doc = page();
    doc.querySelector('a[href^="https://www.facebook.com/bob.okafor"]')?.setAttribute('href', '/groups/gardeners/user/100009876543210/?__cft__[0]=AZX');
    expect(parse(call('react', {}, (v) => ({ ...v, input: { ...(v.input as object), feedback_id: btoa(`feedback:${BOB}`) } })), doc)[0])
      .toMatchObject({ kind: 'like', target: { id: BOB, author: '100009876543210' } });
  });

  it('a post whose permalink hides its id (pfbid…) gets its author from the post the like was clicked in', () => {
    const doc = page();
    const session = new FacebookSession();
    const [withoutClick] = parse(call('react'), doc, session);
    expect(withoutClick).toMatchObject({ target: { id: ALICE } });
    expect(withoutClick?.op === 'did' ? withoutClick.target?.author : 'not a like').toBeUndefined();
    session.reactClick = { post: doc.querySelector('[data-pagelet="FeedUnit_0"]') as Element, at: AT - 200 };
    expect(parse(call('react'), doc, session)).toEqual([{
      op: 'did', platform: 'facebook', kind: 'like', ref: ALICE, at: AT,
      target: { id: ALICE, url: `https://www.facebook.com/${ALICE}`, author: 'alice.chen' },
    }]);
    // …and remembers which post element that id belongs to (for the page's unreact check).
    expect(session.postRefs.get(doc.querySelector('[data-pagelet="FeedUnit_0"]') as Element)).toBe(ALICE);
  });

  it('a click long before the request explains nothing', () => {
    const doc = page();
    const session = new FacebookSession();
    session.reactClick = { post: doc.querySelector('[data-pagelet="FeedUnit_0"]') as Element, at: AT - 60_000 };
    expect(parse(call('react'), doc, session)[0]).toMatchObject({ target: { id: ALICE } });
    expect(JSON.stringify(parse(call('react'), doc, session))).not.toContain('alice.chen');
  });

  it('the same mutation with no reaction (null, "0", 0) → an undo of the like, and the session remembers it', () => {
    const session = new FacebookSession();
    expect(parse(call('unreact'), page(), session)).toEqual([{ op: 'undid', platform: 'facebook', kinds: ['like'], ref: ALICE, at: AT }]);
    expect(session.unreacts.get(ALICE)).toBe(AT);
    for (const none of ['0', 0, '']) {
      const c = call('unreact', {}, (v) => ({ ...v, input: { ...(v.input as object), feedback_reaction_id: none } }));
      expect(parse(c)).toEqual([{ op: 'undid', platform: 'facebook', kinds: ['like'], ref: ALICE, at: AT }]);
    }
  });

  it('the older UFI2FeedbackReactMutation with a numeric feedback_reaction: 1 likes, 0 undoes', () => {
    expect(parse(call('react-legacy'))).toEqual([{
      op: 'did', platform: 'facebook', kind: 'like', ref: BOB, at: AT, target: { id: BOB, url: `https://www.facebook.com/${BOB}`, author: 'bob.okafor' },
    }]);
    const undo = call('react-legacy', {}, (v) => ({ ...v, input: { ...(v.input as object), feedback_reaction: 0 } }));
    expect(parse(undo)).toEqual([{ op: 'undid', platform: 'facebook', kinds: ['like'], ref: BOB, at: AT }]);
  });

  it('a reaction on a comment → a like of the comment (<post>_<comment>), with the commenter as author', () => {
    expect(parse(call('react-comment'))).toEqual([{
      op: 'did', platform: 'facebook', kind: 'like', ref: CAROL_COMMENT, at: AT,
      target: { id: CAROL_COMMENT, url: `https://www.facebook.com/${ALICE}?comment_id=880011223344`, author: 'carol.diaz' },
    }]);
  });
});

describe('parseFacebookCall: comments and replies', () => {
  it('useCometUFICreateCommentMutation → a reply to the post, keyed by the new comment, with its text', () => {
    expect(parse(call('comment'))).toEqual([{
      op: 'did', platform: 'facebook', kind: 'reply', ref: `${BOB}_990011223301`, at: AT, text: 'Great photos, where was this taken?',
      target: { id: BOB, url: `https://www.facebook.com/${BOB}`, author: 'bob.okafor' },
    }]);
  });

  it('a reply to a comment (reply_comment_parent_fbid) targets the comment; the reply is several JSON documents', () => {
    expect(parse(call('reply-to-comment'))).toEqual([{
      op: 'did', platform: 'facebook', kind: 'reply', ref: `${ALICE}_990011223302`, at: AT, text: 'Same question here!',
      target: { id: CAROL_COMMENT, url: `https://www.facebook.com/${ALICE}?comment_id=880011223344`, author: 'carol.diaz' },
    }]);
  });

  it('a reply that does not say the new id gets a stable local ref', () => {
    const [first] = parse(call('comment', { responseBody: null }));
    const [again] = parse(call('comment', { responseBody: null }));
    expect(first?.ref).toMatch(/^local-/);
    expect(again?.ref).toBe(first?.ref);
  });

  it('a refusal sent with HTTP 200 (errors, no data) counts nothing; so does the legacy {"error":…}', () => {
    expect(parse(call('comment-refused'))).toEqual([]);
    expect(parse(call('comment', { responseBody: 'for (;;);{"__ar":1,"error":1357001,"errorSummary":"Please log in","payload":null}' }))).toEqual([]);
  });

  it('useCometUFIDeleteCommentMutation → an undo of the reply', () => {
    expect(parse(call('comment-delete'))).toEqual([{ op: 'undid', platform: 'facebook', kinds: ['reply'], ref: `${BOB}_990011223301`, at: AT }]);
    const renamed = call('comment-delete');
    renamed.requestBody = (renamed.requestBody ?? '').replace('useCometUFIDeleteCommentMutation', 'CometUFIDeleteCommentMutation');
    expect(parse(renamed)).toHaveLength(1);
  });
});

describe('parseFacebookCall: posts and shares', () => {
  it('ComposerStoryCreateMutation → an own post (a take) with its text, the new story id and the user', () => {
    expect(parse(call('post'))).toEqual([{
      op: 'did', platform: 'facebook', kind: 'post', ref: '10170000000000001', at: AT, text: 'Our community garden opens on Saturday, everyone welcome!',
      target: { id: '10170000000000001', url: 'https://www.facebook.com/10170000000000001', author: 'sam.rivera' },
    }]);
  });

  it('a post on a friend\'s timeline (a birthday wish) → a reply to that person; own-timeline and group posts stay takes', () => {
    const FRIEND = '100007654321098';
    const onWall = (patch: Record<string, unknown>, outer: Record<string, unknown> = {}) => call('post', {}, (v) => ({
      ...v, ...outer, input: { ...(v.input as object), composer_source_surface: 'timeline', ...patch },
    }));
    const pageAt = (url: string): Document => {
      const doc = new Window({ url }).document as unknown as Document;
      doc.body.innerHTML = page().body.innerHTML;
      return doc;
    };
    // Written on the friend's profile page: a reply to them, named as the page names them (as for likes).
    expect(parse(onWall({ audience: { to_id: FRIEND } }, { isTimeline: true, isFeed: false }), pageAt('https://www.facebook.com/dana.lee'))).toEqual([{
      op: 'did', platform: 'facebook', kind: 'reply', ref: '10170000000000001', at: AT, text: 'Our community garden opens on Saturday, everyone welcome!',
      target: { id: FRIEND, url: 'https://www.facebook.com/dana.lee', author: 'dana.lee' },
    }]);
    expect(parse(onWall({ audience: { to_id: FRIEND } }), pageAt(`https://www.facebook.com/profile.php?id=${FRIEND}`))[0])
      .toMatchObject({ kind: 'reply', target: { id: FRIEND, author: FRIEND } });
    // The user's own timeline: on their own profile page, or anywhere else (the tap never relays the
    // writer's own numeric id, so the page is what tells).
    expect(parse(onWall({ audience: { to_id: '100004848287494' } }), pageAt('https://www.facebook.com/sam.rivera'))[0]).toMatchObject({ kind: 'post' });
    expect(parse(onWall({ audience: { to_id: '100004848287494' } }))[0]).toMatchObject({ kind: 'post' });
    expect(parse(onWall({ audience: { to_id: FRIEND } }))[0]).toMatchObject({ kind: 'post' });
    // A group (to_id is the group) is a post.
    expect(parse(onWall({ audience: { to_id: '817850779114525' }, composer_type: 'group', composer_source_surface: 'group' }, { isGroup: true, feedLocation: 'GROUP' }))[0]).toMatchObject({ kind: 'post' });
    expect(parse(call('post', {}, (v) => ({ ...v, isGroup: true, input: { ...(v.input as object), audience: { to_id: '817850779114525' } } })))[0]).toMatchObject({ kind: 'post' });
  });

  it('a share through the composer with the user\'s words → a quote of the shared post (17-digit id kept exact)', () => {
    expect(parse(call('share-with-text'))).toEqual([{
      op: 'did', platform: 'facebook', kind: 'quote', ref: '10170000000000002', at: AT, text: 'This is exactly what our street needs.',
      target: { id: BOB, url: `https://www.facebook.com/${BOB}`, author: 'bob.okafor' },
    }]);
  });

  it('useCometFeedToFeedReshare_FeedToFeedMutation ("Share now") → a repost keyed by the shared post', () => {
    expect(parse(call('reshare'))).toEqual([{
      op: 'did', platform: 'facebook', kind: 'repost', ref: BOB, at: AT, target: { id: BOB, url: `https://www.facebook.com/${BOB}`, author: 'bob.okafor' },
    }]);
  });

  it('a share without words through the composer is a repost too', () => {
    const c = call('share-with-text', {}, (v) => ({ ...v, input: { ...(v.input as object), message: { ranges: [], text: '' } } }));
    expect(parse(c)).toEqual([expect.objectContaining({ kind: 'repost', ref: BOB })]);
  });
});

describe('parseFacebookCall: what it never counts, and shapes it cannot read', () => {
  it('ignores other operations, other URLs and other methods', () => {
    const query = call('react');
    query.requestBody = (query.requestBody ?? '').replace('CometUFIFeedbackReactMutation', 'CometNewsFeedPaginationQuery');
    expect(parse(query)).toEqual([]);
    expect(parse(call('react', { url: 'https://www.facebook.com/ajax/bz' }))).toEqual([]);
    expect(parse(call('react', { method: 'GET' }))).toEqual([]);
  });

  it('never keeps a session field: only the operation and its variables are read', () => {
    for (const name of ['react', 'comment', 'post', 'reshare']) {
      const out = JSON.stringify(parse(call(name)));
      for (const secret of [DTSG, 'SeCrEtLsDtOkEn', '25511', 'AZXtrackingBlob']) expect(out, name).not.toContain(secret);
    }
  });

  it('throws ShapeError for a known operation whose request changed', () => {
    const broken: [string, (v: Record<string, unknown>) => unknown][] = [
      ['react', (v) => ({ ...v, input: { ...(v.input as object), feedback_id: undefined } })],
      ['react', (v) => ({ ...v, input: { ...(v.input as object), feedback_id: btoa('story:123') } })],
      ['react', (v) => { const input = { ...(v.input as Record<string, unknown>) }; delete input.feedback_reaction_id; return { ...v, input }; }],
      ['react', (v) => ({ ...v, input: null })],
      ['comment', (v) => ({ ...v, input: { ...(v.input as object), message: null, attachments: null } })],
      ['comment-delete', (v) => ({ ...v, input: { comment_id: null } })],
      ['reshare', (v) => ({ ...v, input: { ...(v.input as object), attachments: {} } })],
      ['share-with-text', (v) => ({ ...v, input: { ...(v.input as object), attachments: [] } })],
    ];
    for (const [name, change] of broken) expect(() => parse(call(name, {}, change)), name).toThrow(ShapeError);
    const noVariables = call('react');
    noVariables.requestBody = 'fb_api_req_friendly_name=CometUFIFeedbackReactMutation&variables=%7Bnot%20json';
    expect(() => parse(noVariables)).toThrow(ShapeError);
  });
});

describe('responses', () => {
  it('reads the for (;;); guard and one JSON document per line', () => {
    expect(parseFacebookResponse('for (;;);{"a":1}')).toEqual([{ a: 1 }]);
    expect(parseFacebookResponse('{"a":1}\n{"b":2}\n')).toEqual([{ a: 1 }, { b: 2 }]);
    expect(parseFacebookResponse(null)).toEqual([]);
    expect(isFacebookRefusal(fixture('comment-refused').response)).toBe(true);
    expect(isFacebookRefusal(fixture('reply-to-comment').response)).toBe(false);
    expect(isFacebookRefusal('{"errors":[{"message":"partial"}],"data":{"comment_create":{"id":"x"}}}')).toBe(false);
  });
});

describe('the page tap spec', () => {
  it('relays /api/graphql/ only for bodies naming one of the mutations, and keeps two fields', () => {
    expect(FACEBOOK_TAP.requests.test('https://www.facebook.com/api/graphql/')).toBe(true);
    expect(FACEBOOK_TAP.requests.test('https://www.facebook.com/ajax/bulk-route-definitions/')).toBe(false);
    expect(FACEBOOK_TAP.requests.test('https://m.facebook.com/api/graphql/')).toBe(false);
    for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.json'))) {
      expect(FACEBOOK_TAP.bodies?.test(form(fixture(name.replace(/\.json$/, '')).request)), name).toBe(true);
    }
    for (const op of OPERATIONS) expect(FACEBOOK_TAP.bodies?.test(`av=1&fb_api_req_friendly_name=${op}&variables=%7B%7D`)).toBe(true);
    expect(FACEBOOK_TAP.bodies?.test('fb_api_req_friendly_name=CometNewsFeedPaginationQuery&variables=%7B%7D')).toBe(false);
    expect(FACEBOOK_TAP.bodies?.test('fb_api_req_friendly_name=CometUFIFeedbackReactMutationX&variables=%7B%7D')).toBe(false);
    expect(FACEBOOK_TAP.formFields).toEqual(['fb_api_req_friendly_name', 'variables']);
  });
});

describe('the page tap with this spec (src/content/page-tap.ts)', () => {
  it('relays a matching fetch with only its two fields and the reply the page read at once; lets feed queries go untouched', async () => {
    const reply = fixture('comment').response;
    const sent: string[] = [];
    window.fetch = ((_input: RequestInfo | URL, init?: RequestInit) => {
      sent.push(String(init?.body));
      return Promise.resolve(new Response(String(init?.body).includes('Pagination') ? '{"data":{}}' : reply, { status: 200 }));
    }) as typeof fetch;
    installPageTap(FACEBOOK_TAP);
    const relayed: NetworkCall[] = [];
    window.addEventListener('message', (event: MessageEvent) => {
      const data = event.data as Record<string, NetworkCall> | null;
      if (data && TAP_MESSAGE_KEY in data) relayed.push(data[TAP_MESSAGE_KEY] as NetworkCall);
    });
    const post = (body: string) => fetch('https://www.facebook.com/api/graphql/', { method: 'POST', body })
      .then((r) => r.text()); // the page reads the reply at once, as Facebook's client does
    const query = 'av=1&fb_dtsg=NAfsECRETdtsgT0KEN&fb_api_req_friendly_name=CometNewsFeedPaginationQuery&variables=%7B%7D';
    expect(await post(query)).toBe('{"data":{}}');
    const body = form(fixture('comment').request);
    expect(await post(body)).toBe(reply);
    await vi.waitFor(() => expect(relayed).toHaveLength(1), { timeout: 5000 });
    expect(sent).toEqual([query, body]); // the page's own requests went out unchanged
    const [only] = relayed;
    expect(only?.responseBody).toBe(reply);
    expect([...new URLSearchParams(only?.requestBody ?? '').keys()]).toEqual(['fb_api_req_friendly_name', 'variables']);
    expect(JSON.stringify(relayed)).not.toContain(DTSG);
    expect(parseFacebookCall(only as NetworkCall, page(), new FacebookSession(), null)).toEqual([expect.objectContaining({ kind: 'reply' })]);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('routes', () => {
  const cases: [string, FacebookPageKind][] = [
    ['https://www.facebook.com/', 'feed'],
    ['https://www.facebook.com/?sk=h_chr', 'feed'],
    ['https://www.facebook.com/groups/4455667788/', 'group'],
    ['https://www.facebook.com/groups/gardeners/posts/998877/', 'post'],
    ['https://www.facebook.com/alice.chen/posts/1234567890123456', 'post'],
    ['https://www.facebook.com/alice.chen/posts/pfbid02xQvT8mKcA7hUeRzLp1sN4g', 'post'],
    ['https://www.facebook.com/permalink.php?story_fbid=1234&id=42', 'post'],
    ['https://www.facebook.com/alice.chen', 'profile'],
    ['https://www.facebook.com/profile.php?id=100004848287494', 'profile'],
    ['https://www.facebook.com/settings', 'other'],
    ['https://www.facebook.com/messages/t/42', 'other'],
    ['https://www.facebook.com/watch/', 'other'],
  ];
  it.each(cases)('%s → %s', (url, kind) => {
    expect(facebookPageKind(new URL(url))).toBe(kind);
  });

  it('reads authors, relay ids and permalink ids', () => {
    expect(authorFromHref('https://www.facebook.com/Alice.Chen?__cft__[0]=AZX&__tn__=-UC')).toBe('alice.chen');
    expect(authorFromHref('https://www.facebook.com/profile.php?id=100004848287494')).toBe('100004848287494');
    expect(authorFromHref('https://www.facebook.com/groups/feed/')).toBeNull();
    // In a group, authors link to their membership: the numeric user id is the handle.
    expect(authorFromHref('https://www.facebook.com/groups/gardeners/user/100007654321098/?__cft__[0]=AZX')).toBe('100007654321098');
    expect(authorFromHref('/groups/4455667788/user/100007654321098')).toBe('100007654321098');
    expect(authorFromHref('https://www.facebook.com/groups/gardeners/user/')).toBeNull();
    expect(authorFromHref('https://www.facebook.com/groups/gardeners/user/alice/')).toBeNull();
    expect(authorFromHref('https://www.facebook.com/alice.chen/posts/123')).toBeNull();
    expect(authorFromHref('https://example.com/alice')).toBeNull();
    expect(decodeRelayId(btoa('feedback:123_456'), 'feedback')).toBe('123_456');
    expect(decodeRelayId('feedback:123', 'feedback')).toBe('123');
    expect(decodeRelayId(btoa('comment:123_456'), 'feedback')).toBeNull();
    expect(decodeRelayId('not base64!', 'comment')).toBeNull();
    expect(postIdFromHref('https://www.facebook.com/bob/posts/10169876543210987?__cft__')).toBe('10169876543210987');
    expect(postIdFromHref('https://www.facebook.com/permalink.php?story_fbid=123456&id=4')).toBe('123456');
    expect(postIdFromHref('https://www.facebook.com/alice/posts/pfbid02xQ')).toBeNull();
  });
});

describe('identity and health', () => {
  it('reads the signed-in user from the left rail, in both variants', () => {
    expect(facebookAdapter.readIdentity(page())).toBe('sam.rivera');
    expect(facebookAdapter.readIdentity(page('es'))).toBe('sam.rivera');
    expect(facebookAdapter.readIdentity(blank())).toBeNull();
  });

  const FEED = new URL('https://www.facebook.com/');
  it('a rendered feed is healthy, in both variants', () => {
    expect(facebookAdapter.checkHealth(page(), FEED)).toBeNull();
    expect(facebookAdapter.checkHealth(page('es'), FEED)).toBeNull();
  });

  it('says so when the post containers, the like controls or the author hooks are gone', () => {
    const noPosts = page();
    for (const el of noPosts.querySelectorAll('[data-pagelet^="FeedUnit"], [role="article"]')) el.remove();
    expect(facebookAdapter.checkHealth(noPosts, FEED)?.code).toBe('no-posts');
    // A group or post page may legitimately show no post: not judged as broken.
    expect(facebookAdapter.checkHealth(noPosts, new URL('https://www.facebook.com/groups/123/'))).toBeNull();

    const noLike = page();
    for (const el of noLike.querySelectorAll('[data-ad-rendering-role="like_button"]')) el.removeAttribute('data-ad-rendering-role');
    for (const el of noLike.querySelectorAll('[aria-label="Like"]')) el.setAttribute('aria-label', 'Reaccionar');
    expect(facebookAdapter.checkHealth(noLike, FEED)?.code).toBe('no-like-button');

    const noAuthor = page();
    for (const el of noAuthor.querySelectorAll('[data-ad-rendering-role="profile_name"]')) el.removeAttribute('data-ad-rendering-role');
    expect(facebookAdapter.checkHealth(noAuthor, FEED)?.code).toBe('no-author');

    // A page with no main region (signed out, still loading) says nothing.
    expect(facebookAdapter.checkHealth(blank(), FEED)).toBeNull();
  });

  it('judges only feeds, groups and posts', () => {
    expect(facebookAdapter.healthApplies?.(FEED)).toBe(true);
    expect(facebookAdapter.healthApplies?.(new URL('https://www.facebook.com/groups/1/posts/2/'))).toBe(true);
    expect(facebookAdapter.healthApplies?.(new URL('https://www.facebook.com/settings'))).toBe(false);
    expect(facebookAdapter.healthApplies?.(new URL('https://www.facebook.com/alice.chen'))).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------

function withDialog(doc: Document, html: string): Element {
  const dialog = doc.createElement('div');
  dialog.setAttribute('role', 'dialog');
  dialog.innerHTML = html;
  doc.body.append(dialog);
  return dialog;
}
const EDITOR = (text: string): string => `<div contenteditable="true" role="textbox" data-lexical-editor="true"><p>${text}</p></div>`;

describe('composer hooks', () => {
  const hooks = facebookAdapter.composer;
  const url = new URL('https://www.facebook.com/');

  it('the create-post dialog\'s Post button is an original post, with the draft (English and Spanish)', () => {
    for (const label of ['Post', 'Publicar']) {
      const doc = page();
      const dialog = withDialog(doc, `<h2>Create post</h2>${EDITOR('Garden opens Saturday')}<div role="button" aria-label="${label}"><span>${label}</span></div>`);
      const submit = hooks.submitFromClick(dialog.querySelector('span') as Element);
      expect(submit).toBe(dialog.querySelector('[role="button"]'));
      const info = hooks.describe(submit as HTMLElement, url);
      expect(info?.kind).toBe('post');
      expect(info?.anchor).toBe(dialog);
      expect(info?.draft).toContain('Garden opens Saturday');
    }
  });

  it('the create-post dialog on another person\'s profile page writes on their wall: a reply, never nudged; on one\'s own, a post', () => {
    const doc = page();
    const dialog = withDialog(doc, `${EDITOR('Happy birthday!')}<div role="button" aria-label="Post">Post</div>`);
    const submit = dialog.querySelector('[aria-label="Post"]') as HTMLElement;
    expect(hooks.describe(submit, new URL('https://www.facebook.com/dana.lee'))?.kind).toBe('reply');
    expect(hooks.describe(submit, new URL('https://www.facebook.com/profile.php?id=100007654321098'))?.kind).toBe('reply');
    expect(hooks.describe(submit, new URL('https://www.facebook.com/sam.rivera'))?.kind).toBe('post');
  });

  it('a disabled Post button, a comment box and its Comment button are never submit controls', () => {
    const doc = page();
    const dialog = withDialog(doc, `${EDITOR('x')}<div role="button" aria-label="Post" aria-disabled="true">Post</div>`);
    expect(hooks.submitFromClick(dialog.querySelector('[role="button"]') as Element)).toBeNull();
    expect(hooks.submitFromClick(doc.querySelector('.comment-form .send') as Element)).toBeNull();
    expect(hooks.submitFromClick(doc.querySelector('.comment-form [role="textbox"]') as Element)).toBeNull();
    const enter = new KeyboardEvent('keydown', { key: 'Enter' });
    Object.defineProperty(enter, 'target', { value: doc.querySelector('.comment-form [role="textbox"]') });
    expect(hooks.submitFromKey(enter)).toBeNull();
    // A "Post" label outside any composer dialog (a post's own text, a menu) is not a submit.
    const loose = doc.createElement('div');
    loose.setAttribute('role', 'button');
    loose.setAttribute('aria-label', 'Post');
    doc.body.append(loose);
    expect(hooks.submitFromClick(loose)).toBeNull();
    expect(hooks.describe(loose, url)).toBeNull();
  });

  it('the share dialog (a preview of the shared post) is a quote; so is a dialog opened from a share control', () => {
    const doc = page();
    const dialog = withDialog(doc, `${EDITOR('So true')}<div role="article">Bob's post</div><div role="button" aria-label="Post">Post</div>`);
    expect(hooks.describe(dialog.querySelector('[aria-label="Post"]') as HTMLElement, url)?.kind).toBe('quote');

    const plain = page();
    hooks.noteClick(plain.querySelector('[data-ad-rendering-role="share_button"]') as Element, Date.now());
    const shareDialog = withDialog(plain, `${EDITOR('So true')}<div role="button" aria-label="Post">Post</div>`);
    expect(hooks.describe(shareDialog.querySelector('[role="button"]') as HTMLElement, url)?.kind).toBe('quote');
    hooks.noteClick(plain.querySelector('[data-pagelet="FeedComposer"] [role="button"]') as Element, Date.now());
    expect(hooks.describe(shareDialog.querySelector('[role="button"]') as HTMLElement, url)?.kind).toBe('post');
  });

  it('suggests other people\'s posts, never the user\'s own, at most `max`', () => {
    const doc = page();
    const authors = (max: number) => hooks.suggestions(doc, 'sam.rivera', max).map((p) => p.querySelector('[data-ad-rendering-role="profile_name"] a')?.textContent);
    expect(authors(5)).toEqual(['Alice Chen', 'Bob Okafor', 'Acme Bakery']);
    expect(authors(2)).toHaveLength(2);
    expect(hooks.suggestions(doc, 'alice.chen', 5).map((p) => p.querySelector('[data-ad-rendering-role="profile_name"] a')?.textContent)).not.toContain('Alice Chen');
    expect(hooks.suggestions(page('es'), 'sam.rivera', 5)).toHaveLength(3);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('watch: an unreact confirmed in the page', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function setup(variant: FacebookVariant = 'en') {
    vi.useFakeTimers();
    const doc = page(variant);
    const session = new FacebookSession();
    const emitted: Observation[] = [];
    const controller = new AbortController();
    createWatch(session)(doc, (o) => emitted.push(o), controller.signal);
    const control = (pos: string) => doc.querySelector(`[aria-posinset="${pos}"] .ufi [role="button"]`) as HTMLElement;
    return { doc, session, emitted, controller, control };
  }

  it('"Remove Like" clicked and back to "Like" once settled, with no unreact request seen → an undo', () => {
    const { emitted, control } = setup();
    const bob = control('2');
    bob.setAttribute('aria-label', 'Remove Like');
    bob.click();
    bob.setAttribute('aria-label', 'Like');
    vi.advanceTimersByTime(UNREACT_SETTLE_MS + 10);
    expect(emitted).toEqual([{ op: 'undid', platform: 'facebook', kinds: ['like'], ref: BOB, at: expect.any(Number) as number }]);
  });

  it('works in Spanish, and for a post whose id only the earlier like request said', () => {
    const { doc, session, emitted, control } = setup('es');
    const alice = control('1');
    // Without FeedUnit pagelets the post is the article itself; Alice's permalink hides her post's id.
    session.postRefs.set(doc.querySelector('[aria-posinset="1"] [role="article"]') as Element, ALICE);
    alice.setAttribute('aria-label', 'Quitar Me gusta');
    alice.click();
    alice.setAttribute('aria-label', 'Me gusta');
    vi.advanceTimersByTime(UNREACT_SETTLE_MS + 10);
    expect(emitted).toEqual([expect.objectContaining({ op: 'undid', ref: ALICE })]);
  });

  it('nothing when the reaction came back (a failed request) or the request already said it', () => {
    const { session, emitted, control } = setup();
    const bob = control('2');
    bob.setAttribute('aria-label', 'Remove Like');
    bob.click();
    vi.advanceTimersByTime(UNREACT_SETTLE_MS + 10);
    expect(emitted).toEqual([]);

    bob.click();
    bob.setAttribute('aria-label', 'Like');
    session.unreacts.set(BOB, Date.now() + 5);
    vi.advanceTimersByTime(UNREACT_SETTLE_MS + 10);
    expect(emitted).toEqual([]);
  });

  it('a like click is remembered for the request; nothing is emitted for a like', () => {
    const { session, emitted, control } = setup();
    control('1').click();
    expect(session.reactClick?.post).toBe(control('1').closest('[data-pagelet]'));
    vi.advanceTimersByTime(UNREACT_SETTLE_MS + 10);
    expect(emitted).toEqual([]);
  });

  it('clicks add no listener to the abort signal: one listener clears every pending check', () => {
    vi.useFakeTimers();
    const doc = page('en');
    const controller = new AbortController();
    const added = vi.spyOn(controller.signal, 'addEventListener');
    const emitted: Observation[] = [];
    createWatch(new FacebookSession())(doc, (o) => emitted.push(o), controller.signal);
    const before = added.mock.calls.length;
    const bob = doc.querySelector('[aria-posinset="2"] .ufi [role="button"]') as HTMLElement;
    for (let i = 0; i < 5; i++) {
      bob.setAttribute('aria-label', 'Remove Like');
      bob.click();
    }
    expect(added.mock.calls.length).toBe(before);
    bob.setAttribute('aria-label', 'Like');
    controller.abort();
    vi.advanceTimersByTime(UNREACT_SETTLE_MS + 10);
    expect(emitted).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops when aborted', () => {
    const { emitted, controller, control } = setup();
    const bob = control('2');
    bob.setAttribute('aria-label', 'Remove Like');
    bob.click();
    controller.abort();
    bob.setAttribute('aria-label', 'Like');
    vi.advanceTimersByTime(UNREACT_SETTLE_MS + 10);
    bob.setAttribute('aria-label', 'Remove Like');
    bob.click();
    vi.advanceTimersByTime(UNREACT_SETTLE_MS + 10);
    expect(emitted).toEqual([]);
  });
});
