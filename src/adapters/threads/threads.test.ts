import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { reduceRequestBody } from '../../content/page-tap.ts';
import type { Observation } from '../../shared/observations.ts';
import { ShapeError, type NetworkCall } from '../types.ts';
import { likeState, postIdentity } from './dom.ts';
import { createThreadsComposer } from './composer.ts';
import { threadsAdapter } from './index.ts';
import { mutationAction, tapRelaysLikes, THREADS_TAP } from './network.ts';
import { parseThreadsCall } from './parse.ts';
import { parsePostHref, parseProfileHref, postCodePk, threadsPageKind, type ThreadsPageKind } from './routes.ts';
import { ThreadsSession } from './session.ts';
import { createWatch, LATE_CHECK_MS, POLL_MS, SETTLE_MS } from './watch.ts';
import { threadsHome } from '../../../tests/replicas/threads/home.ts';
import { callFixtures, type CallFixture as Fixture } from '../../../tests/unit/call-fixture.ts';

// Fixtures (src/adapters/threads/fixtures/): one request/response pair per file, with `_source`. The
// request is the whole form as the page sends it, tokens included, so the tests also show what the tap drops.
const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(HERE, 'fixtures');
const AT = Date.UTC(2026, 10, 23, 10, 15);
const ALICE_PK = '3487400011122233344';

type CallFixture = Fixture<{ form: Record<string, string> }>;
const fixture = callFixtures<CallFixture['request']>(FIXTURES);

/** The raw form body the page sends. */
function rawBody(f: CallFixture): string {
  return new URLSearchParams(f.request.form).toString();
}

/** The call as the runtime receives it: the body reduced by the tap, as in src/content/page-tap.ts. */
function call(name: string, patch: Partial<NetworkCall> = {}): NetworkCall {
  const f = fixture(name);
  return {
    method: f.method,
    url: f.url,
    status: f.status,
    requestBody: reduceRequestBody(THREADS_TAP, rawBody(f)),
    responseBody: f.response === null ? null : JSON.stringify(f.response),
    startedAt: AT,
    ...patch,
  };
}

/** Whether the page tap would relay this request (URL, then the raw body, as src/content/page-tap.ts tests them). */
function relayed(f: CallFixture): boolean {
  const filtered = THREADS_TAP.bodies && (!THREADS_TAP.bodiesFor || THREADS_TAP.bodiesFor.test(f.url));
  return THREADS_TAP.requests.test(f.url) && (!filtered || (THREADS_TAP.bodies as RegExp).test(rawBody(f)));
}

function load(html: string): Document {
  document.body.innerHTML = html;
  return document;
}
const feed = (): string => readFileSync(join(FIXTURES, 'feed.html'), 'utf8');

// The e2e replica page (tests/replicas/threads/home.html) is one template for both languages; the e2e
// tests rest on the Spanish page keeping its own labels and the client's wrapped variant.
describe('the replica page', () => {
  it('renders English and Spanish from one template, each with its own labels and default variant', () => {
    const [en, es] = (['en', 'es'] as const).map((language) => new DOMParser().parseFromString(threadsHome(language), 'text/html'));
    const nav = (doc: Document): string[] => [...doc.querySelectorAll('[role="navigation"] svg')].map((svg) => svg.getAttribute('aria-label') ?? '');
    for (const language of ['en', 'es'] as const) expect(threadsHome(language)).not.toMatch(/\{\{\w+\}\}/);
    expect(en!.documentElement.lang).toBe('en');
    expect(nav(en!)).toEqual(['Home', 'Create', 'Profile']);
    expect(threadsHome('en')).toMatch(/\|\| 'current',[\s\S]*like: 'Like', unlike: 'Unlike'/);
    expect(es!.documentElement.lang).toBe('es');
    expect(nav(es!)).toEqual(['Inicio', 'Crear', 'Perfil']);
    expect(es!.querySelector('[data-replica-action="start"]')?.textContent).toBe('¿Qué novedades hay?');
    expect(threadsHome('es')).toMatch(/\|\| 'wrapped',[\s\S]*like: 'Me gusta', unlike: 'Ya no me gusta'[\s\S]*Responder a \$\{u\}/);
  });
});

let session: ThreadsSession;
const parse = (c: NetworkCall, own: string | null = 'givefirst.me'): Observation[] => parseThreadsCall(c, session, own);

beforeEach(() => {
  session = new ThreadsSession();
  document.body.innerHTML = '';
});

describe('routes', () => {
  const cases: [string, ThreadsPageKind][] = [
    ['https://www.threads.com/', 'home'],
    ['https://www.threads.com/following', 'home'],
    ['https://www.threads.com/@alice.chen', 'profile'],
    ['https://www.threads.com/@alice.chen/replies', 'profile'],
    ['https://www.threads.net/@alice.chen/post/DBlu9VEolAA', 'post'],
    ['https://www.threads.com/search', 'other'],
    ['https://www.threads.com/settings/privacy', 'other'],
    ['https://www.example.com/@alice.chen', 'other'],
  ];
  it.each(cases)('%s → %s', (url, kind) => expect(threadsPageKind(new URL(url))).toBe(kind));

  it('reads post and profile links, relative and absolute, on either host', () => {
    expect(parsePostHref('/@Alice.Chen/post/DBlu9VEolAA')).toEqual({ author: 'alice.chen', code: 'DBlu9VEolAA' });
    expect(parsePostHref('https://www.threads.net/@bob.okafor/post/DBlu9AWwq__?xmt=1')).toEqual({ author: 'bob.okafor', code: 'DBlu9AWwq__' });
    expect(parsePostHref('/@alice.chen')).toBeNull();
    expect(parseProfileHref('/@alice.chen')).toBe('alice.chen');
    expect(parseProfileHref('https://www.threads.com/@alice.chen/replies')).toBe('alice.chen');
    expect(parseProfileHref('/@alice.chen/post/DBlu9VEolAA')).toBeNull();
  });
});

describe('the page tap', () => {
  it('relays the mutations and post creations the adapter reads, and nothing else', () => {
    for (const name of ['post', 'reply', 'quote', 'post-refused', 'repost', 'unrepost', 'follow', 'unfollow', 'delete-post', 'repost-refused', 'repost-changed']) {
      expect(relayed(fixture(name)), name).toBe(true);
    }
    // The like too: its answer decides whether a flip counts (watch.ts). Read queries share the endpoint
    // and are never relayed.
    expect(relayed(fixture('like'))).toBe(true);
    // What watch.ts reads to know whether to wait for a like's answer agrees with the spec.
    expect(tapRelaysLikes()).toBe(relayed(fixture('like')));
    expect(relayed(fixture('feed-query'))).toBe(false);
  });

  it('drops every session token from the relayed body', () => {
    for (const name of ['repost', 'follow']) {
      const body = call(name).requestBody ?? '';
      expect(rawBody(fixture(name))).toContain('not_real'); // the fixture carries tokens, so the test means something
      for (const token of ['fb_dtsg', 'lsd', 'jazoest', '__user', '__hs', '__s', 'av', 'doc_id']) {
        expect([...new URLSearchParams(body).keys()], `${name} ${token}`).not.toContain(token);
      }
      expect(body).not.toContain('not_real');
    }
  });

  it('relays of signed_body only the caption and text_post_app_info, without the account and device ids', () => {
    for (const name of ['post', 'reply', 'quote']) {
      const raw = new URLSearchParams(rawBody(fixture(name))).get('signed_body') ?? '';
      expect(raw, name).toContain('"device_id"'); // the fixture carries them, so the test means something
      const signed = new URLSearchParams(call(name).requestBody ?? '').get('signed_body') ?? '';
      expect(signed.startsWith('SIGNATURE.{'), name).toBe(true);
      expect(Object.keys(JSON.parse(signed.slice('SIGNATURE.'.length)) as object).sort(), name).toEqual(['caption', 'text_post_app_info']);
      for (const secret of ['_uid', 'device_id', '63055343223', 'replica-device-not-real', 'upload_id']) expect(signed, `${name} ${secret}`).not.toContain(secret);
    }
  });

  it('matches friendly names by the verb they end in, never a query or a like', () => {
    expect(mutationAction('useBarcelonaCreateRepostMutation')).toBe('repost');
    expect(mutationAction('useTHRepostMutation')).toBe('repost');
    expect(mutationAction('useBarcelonaDeleteRepostMutation')).toBe('unrepost');
    expect(mutationAction('useBarcelonaUnrepostMutation')).toBe('unrepost');
    expect(mutationAction('useBarcelonaFollowMutation')).toBe('follow');
    expect(mutationAction('useBarcelonaUnfollowMutation')).toBe('unfollow');
    expect(mutationAction('useBarcelonaDeletePostMutation')).toBe('delete');
    expect(mutationAction('useBarcelonaRemoveFollowerMutation')).toBeNull();
    expect(mutationAction('useBarcelonaFollowRequestApproveMutation')).toBeNull();
    expect(mutationAction('useBarcelonaLikeMutationLikeMutation')).toBeNull();
    expect(mutationAction('BarcelonaProfileRepostsTabDirectQuery')).toBeNull();
  });

  it('never reads a name that merely contains a verb as that action (the verb must end the name)', () => {
    for (const name of [
      'useBarcelonaDismissFollowSuggestionMutation', 'useBarcelonaFollowHashtagMutation', 'useBarcelonaMuteFollowingFeedMutation',
      'useBarcelonaHideRepostsFromUserMutation', 'useBarcelonaDeletePostDraftMutation', 'useBarcelonaRemoveMediaTagMutation',
      'useBarcelonaHideRepostMutation', 'useBarcelonaHashtagFollowMutation', 'BarcelonaFriendshipsFollowersTabQuery',
    ]) {
      expect(mutationAction(name), name).toBeNull();
    }
    // The hook-then-operation form Relay names take, as in the like's published name.
    expect(mutationAction('useBarcelonaFollowMutationFollowMutation')).toBe('follow');
    expect(mutationAction('useBarcelonaRepostMutationDeleteRepostMutation')).toBe('unrepost');
    expect(mutationAction('useBarcelonaDeleteTextPostMutation')).toBe('delete');
  });
});

describe('posts, replies, quotes', () => {
  it('an original post is a take by the user, named by its media pk, with its URL', () => {
    expect(parse(call('post'))).toEqual([{
      op: 'did', platform: 'threads', kind: 'post', ref: '3487512345678901234', at: AT,
      text: 'Launching my new course on giving first. Link in bio!',
      target: { id: '3487512345678901234', author: 'givefirst.me', url: 'https://www.threads.com/@givefirst.me/post/DBmIgAx-u_y' },
    }]);
    expect(session.me).toBe('givefirst.me');
  });

  it('a reply targets the replied-to post (pk without the user suffix) and, from the click, its author', () => {
    session.replyClick = { code: 'DBlu9VEolAA', author: 'alice.chen', at: AT - 5000 };
    expect(parse(call('reply'))).toEqual([{
      op: 'did', platform: 'threads', kind: 'reply', ref: '3487512345678905555', at: AT, text: 'Tests and a changelog, every time.',
      target: { id: ALICE_PK, author: 'alice.chen', url: 'https://www.threads.com/@alice.chen/post/DBlu9VEolAA' },
    }]);
  });

  it('parts 2+ of the user\'s own thread are replies to their own post, whatever was clicked before', () => {
    // Bob's Reply control was clicked (and the dialog closed) minutes before the user wrote a thread.
    session.replyClick = { code: 'DBlu9AWwq__', author: 'bob.okafor', at: AT - 5 * 60_000 };
    const [first] = parse(call('post'));
    const ownPk = first?.ref ?? '';
    const signed = new URLSearchParams(call('reply').requestBody ?? '').get('signed_body') ?? '';
    const part2 = call('reply', {
      requestBody: new URLSearchParams({ signed_body: signed.replace(`${ALICE_PK}_51234567890`, ownPk) }).toString(),
      startedAt: AT + 2000,
    });
    expect(parse(part2)[0]).toMatchObject({
      kind: 'reply',
      target: { id: ownPk, author: 'givefirst.me', url: 'https://www.threads.com/@givefirst.me/post/DBmIgAx-u_y' },
    });
  });

  it('a click on another post never names a reply\'s target', () => {
    session.replyClick = { code: 'DBlu9AWwq__', author: 'bob.okafor', at: AT - 5000 };
    const [reply] = parse(call('reply'));
    expect(reply?.op === 'did' ? reply.target : undefined).toEqual({ id: ALICE_PK });
  });

  it('a post code is its media pk in base 64 (Instagram shortcodes)', () => {
    expect(postCodePk('CuX_UYABrr7')).toBe('3141257742204189435');
    expect(postCodePk('DBlu9VEolAA')).toBe(ALICE_PK);
    expect(postCodePk('DBlu9VEolAAxyz')).toBe(ALICE_PK);
    expect(postCodePk('not a code')).toBeNull();
  });

  it('a reply without a remembered click still counts, with the post id only', () => {
    const [reply] = parse(call('reply'));
    expect(reply).toMatchObject({ kind: 'reply' });
    expect(reply?.op === 'did' ? reply.target : undefined).toEqual({ id: ALICE_PK });
  });

  it('a quote targets the quoted post', () => {
    session.repostClick = { code: 'DBlu9AWwq__', author: 'bob.okafor', at: AT - 1000 };
    expect(parse(call('quote'))[0]).toMatchObject({
      kind: 'quote', ref: '3487512345678907777', text: 'This is the checklist I wish I had.',
      target: { id: '3487399988877766655', author: 'bob.okafor' },
    });
  });

  it('a refused post (status fail) counts nothing', () => {
    expect(parse(call('post-refused'))).toEqual([]);
  });

  it('deleting a post undoes a post, reply or quote of that pk', () => {
    expect(parse(call('delete-post'))).toEqual([{ op: 'undid', platform: 'threads', kinds: ['post', 'reply', 'quote'], ref: '3487512345678901234', at: AT }]);
  });

  it('an answer without the new id falls back to a local ref', () => {
    expect(parse(call('post', { responseBody: 'for (;;);{"status":"ok"}' }))[0]?.ref).toMatch(/^local-/);
  });
});

describe('reposts and follows', () => {
  it('repost, then undo repost of the same post', () => {
    session.repostClick = { code: 'DBlu9VEolAA', author: 'alice.chen', at: AT - 500 };
    expect(parse(call('repost'))).toEqual([{
      op: 'did', platform: 'threads', kind: 'repost', ref: ALICE_PK, at: AT,
      target: { id: ALICE_PK, author: 'alice.chen', url: 'https://www.threads.com/@alice.chen/post/DBlu9VEolAA' },
    }]);
    expect(parse(call('unrepost'))).toEqual([{ op: 'undid', platform: 'threads', kinds: ['repost'], ref: ALICE_PK, at: AT }]);
  });

  it('follow with the account from the click; unfollow undoes it', () => {
    session.followClick = { code: null, author: 'carol.diaz', at: AT - 100 };
    expect(parse(call('follow'))).toEqual([{
      op: 'did', platform: 'threads', kind: 'follow', ref: '51234567890', at: AT,
      target: { id: '51234567890', author: 'carol.diaz', url: 'https://www.threads.com/@carol.diaz' },
    }]);
    expect(parse(call('unfollow'))).toEqual([{ op: 'undid', platform: 'threads', kinds: ['follow'], ref: '51234567890', at: AT }]);
  });

  it('a follow click is used up by its follow', () => {
    session.followClick = { code: null, author: 'carol.diaz', at: AT - 100 };
    expect(parse(call('follow'))[0]).toMatchObject({ target: { author: 'carol.diaz' } });
    expect(JSON.stringify(parse(call('follow', { startedAt: AT + 60_000 })))).not.toContain('carol');
  });

  it('a click remembered too long ago does not name the target', () => {
    session.followClick = { code: null, author: 'carol.diaz', at: AT - 31 * 60_000 };
    expect(parse(call('follow'))[0]).toMatchObject({ target: { id: '51234567890' } });
    expect(JSON.stringify(parse(call('follow')))).not.toContain('carol');
  });

  it('a mutation refused with errors (HTTP 200) counts nothing', () => {
    expect(parse(call('repost-refused'))).toEqual([]);
  });

  it('a refusal is read from the main document of several, behind the for (;;); guard', () => {
    session.repostClick = { code: 'DBlu9VEolAA', author: 'alice.chen', at: AT - 500 };
    expect(parse(call('repost', { responseBody: 'for (;;);{"errors":[{"message":"x"}],"data":{"create_repost":null}}\n{"extensions":{"is_final":true}}' }))).toEqual([]);
  });

  it('errors beside data (a partial failure) is no refusal: the repost happened and counts', () => {
    session.repostClick = { code: 'DBlu9VEolAA', author: 'alice.chen', at: AT - 500 };
    const body = '{"errors":[{"message":"could not load a field","path":["create_repost","media","owner"]}],"data":{"create_repost":{"repost_id":"1"}}}';
    expect(parse(call('repost', { responseBody: body }))).toMatchObject([{ op: 'did', kind: 'repost', ref: ALICE_PK }]);
  });
});

describe('unknown shapes', () => {
  it('a repost mutation without media_id is a ShapeError naming the operation', () => {
    expect(() => parse(call('repost-changed'))).toThrow(ShapeError);
    expect(() => parse(call('repost-changed'))).toThrow(/useBarcelonaCreateRepostMutation: missing media_id/);
  });

  it('a configure call without signed_body, without JSON, or without caption is a ShapeError', () => {
    const url = 'https://www.threads.com/api/v1/media/configure_text_only_post/';
    const base = { method: 'POST', url, status: 200, responseBody: '{"status":"ok"}', startedAt: AT };
    expect(() => parse({ ...base, requestBody: 'caption=hi' })).toThrow(ShapeError);
    // As the tap relays them: a form without signed_body arrives empty, a body that is no form as null.
    expect(() => parse({ ...base, requestBody: reduceRequestBody(THREADS_TAP, 'caption=hi&text_post_app_info=%7B%7D') })).toThrow(/missing signed_body/);
    expect(() => parse({ ...base, requestBody: null })).toThrow(/configure_text_only_post: request body is not a readable form/);
    expect(() => parse({ ...base, requestBody: 'signed_body=SIGNATURE.not-json' })).toThrow(ShapeError);
    expect(() => parse({ ...base, requestBody: `signed_body=${encodeURIComponent('SIGNATURE.{"text":"hi","text_post_app_info":{}}')}` })).toThrow(/missing caption/);
  });

  it('variables that are not JSON are a ShapeError; unknown mutations and GETs are ignored', () => {
    const url = 'https://www.threads.com/graphql/query';
    expect(() => parse({ method: 'POST', url, status: 200, requestBody: 'fb_api_req_friendly_name=useBarcelonaFollowMutation&variables=%7B', responseBody: null, startedAt: AT })).toThrow(/useBarcelonaFollowMutation: variables is not a JSON object/);
    expect(parse({ method: 'POST', url, status: 200, requestBody: 'fb_api_req_friendly_name=useBarcelonaMuteMutation&variables=%7B%7D', responseBody: null, startedAt: AT })).toEqual([]);
    expect(parse(call('repost', { method: 'GET' }))).toEqual([]);
  });
});

describe('identity and health', () => {
  it('reads the handle from the navigation profile link', () => {
    expect(threadsAdapter.readIdentity(load(feed()))).toBe('givefirst.me');
  });

  it('a normal feed is healthy; posts without like icons or without post containers are not', () => {
    const url = new URL('https://www.threads.com/');
    expect(threadsAdapter.checkHealth(load(feed()), url)).toBeNull();
    expect(threadsAdapter.checkHealth(load(feed().replace(/aria-label="(Un)?like"/gi, 'aria-label="Heart"')), url)).toMatchObject({ code: 'no-like-button' });
    expect(threadsAdapter.checkHealth(load(feed().replaceAll('data-pressable-container="true"', 'data-pressable="1"')), url)).toMatchObject({ code: 'no-posts' });
    expect(threadsAdapter.checkHealth(load(feed().replaceAll('/post/', '/p/')), url)).toMatchObject({ code: 'no-post-link' });
  });

  it('judges feeds, profiles and posts only; a page without a main region is not judged', () => {
    expect(threadsAdapter.healthApplies?.(new URL('https://www.threads.com/'))).toBe(true);
    expect(threadsAdapter.healthApplies?.(new URL('https://www.threads.com/settings'))).toBe(false);
    expect(threadsAdapter.checkHealth(load('<div>login</div>'), new URL('https://www.threads.com/'))).toBeNull();
  });

  it('reads each post\'s code, author and like state', () => {
    const posts = [...load(feed()).querySelectorAll('[data-pressable-container="true"]')];
    expect(posts.map((p) => postIdentity(p))).toEqual([
      { author: 'alice.chen', code: 'DBlu9VEolAA' }, { author: 'givefirst.me', code: 'DBlYOI0KA_U' }, { author: 'bob.okafor', code: 'DBlu9AWwq__' },
    ]);
    expect(posts.map((p) => likeState(p))).toEqual([false, true, false]);
  });
});

describe('likes, confirmed by the icon flip (watch)', () => {
  let emitted: Observation[];
  let controller: AbortController;
  const likeIcon = (code: string) => document.querySelector(`a[href$="/post/${code}"]`)?.closest('[data-pressable-container]')?.querySelector('svg[aria-label="Like"], svg[aria-label="Unlike"], svg[aria-label="Me gusta"], svg[aria-label="Ya no me gusta"]');
  const flip = (code: string, to: string) => likeIcon(code)?.setAttribute('aria-label', to);
  const click = (code: string) => likeIcon(code)?.dispatchEvent(new MouseEvent('click', { bubbles: true }));

  beforeEach(() => {
    vi.useFakeTimers({ now: AT });
    emitted = [];
    controller = new AbortController();
    load(feed());
    // As when the tap relays no like request (the icon alone decides); the answer's part is tested below.
    createWatch(session, false)(document, (o) => emitted.push(o), controller.signal);
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it('a like that holds is one like of the post, by its code and author', () => {
    click('DBlu9VEolAA');
    flip('DBlu9VEolAA', 'Unlike');
    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(emitted).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(emitted).toEqual([{
      op: 'did', platform: 'threads', kind: 'like', ref: 'DBlu9VEolAA', at: AT,
      target: { id: 'DBlu9VEolAA', author: 'alice.chen', url: 'https://www.threads.com/@alice.chen/post/DBlu9VEolAA' },
    }]);
  });

  it('a like the site rolls back (failed request) counts nothing', () => {
    click('DBlu9VEolAA');
    flip('DBlu9VEolAA', 'Unlike');
    vi.advanceTimersByTime(300);
    flip('DBlu9VEolAA', 'Like');
    vi.advanceTimersByTime(SETTLE_MS);
    expect(emitted).toEqual([]);
  });

  it('a like rolled back after the settle time (a slow request that failed) is undone by the late check', () => {
    click('DBlu9VEolAA');
    flip('DBlu9VEolAA', 'Unlike');
    vi.advanceTimersByTime(SETTLE_MS + 3000);
    flip('DBlu9VEolAA', 'Like');
    vi.advanceTimersByTime(LATE_CHECK_MS);
    expect(emitted).toMatchObject([{ op: 'did', ref: 'DBlu9VEolAA' }, { op: 'undid', kinds: ['like'], ref: 'DBlu9VEolAA' }]);
    expect(emitted[1]?.at).toBeGreaterThan(emitted[0]?.at ?? Infinity);
  });

  it('a like that still holds at the late check stays one like', () => {
    click('DBlu9VEolAA');
    flip('DBlu9VEolAA', 'Unlike');
    vi.advanceTimersByTime(LATE_CHECK_MS + SETTLE_MS);
    expect(emitted).toHaveLength(1);
  });

  it('like → unlike → like in quick succession is one like; unliking later undoes it', () => {
    for (const to of ['Unlike', 'Like', 'Unlike']) {
      click('DBlu9AWwq__');
      flip('DBlu9AWwq__', to);
      vi.advanceTimersByTime(200);
    }
    vi.advanceTimersByTime(SETTLE_MS);
    expect(emitted.map((o) => o.op)).toEqual(['did']);
    click('DBlu9AWwq__');
    flip('DBlu9AWwq__', 'Like');
    vi.advanceTimersByTime(SETTLE_MS);
    expect(emitted[1]).toEqual({ op: 'undid', platform: 'threads', kinds: ['like'], ref: 'DBlu9AWwq__', at: AT + 600 + SETTLE_MS });
    // The like's late check sees the unlike as the user's own (a click came after it): nothing more.
    vi.advanceTimersByTime(LATE_CHECK_MS);
    expect(emitted).toHaveLength(2);
  });

  describe('with the like requests relayed (their answers decide)', () => {
    // One earlier like in this page was relayed: the tap relays them.
    beforeEach(() => session.noteLikeCall('1', AT - 60_000, true));

    it('a flip counts once its request is accepted: at the settle time when it already was', () => {
      click('DBlu9VEolAA');
      flip('DBlu9VEolAA', 'Unlike');
      parse(call('like', { startedAt: AT + 5 }));
      vi.advanceTimersByTime(SETTLE_MS);
      expect(emitted).toMatchObject([{ op: 'did', kind: 'like', ref: 'DBlu9VEolAA', at: AT }]);
      vi.advanceTimersByTime(LATE_CHECK_MS);
      expect(emitted).toHaveLength(1);
    });

    it('a slow request: nothing is stored until it is accepted, then the like counts with the click time', () => {
      click('DBlu9VEolAA');
      flip('DBlu9VEolAA', 'Unlike');
      vi.advanceTimersByTime(SETTLE_MS + 2000);
      expect(emitted).toEqual([]);
      parse(call('like', { startedAt: AT + 5 }));
      vi.advanceTimersByTime(POLL_MS);
      expect(emitted).toMatchObject([{ op: 'did', ref: 'DBlu9VEolAA', at: AT }]);
    });

    it('a slow request that fails (the site flips the icon back) never counts, so a reload keeps nothing', () => {
      click('DBlu9VEolAA');
      flip('DBlu9VEolAA', 'Unlike');
      vi.advanceTimersByTime(SETTLE_MS + 3000);
      expect(emitted).toEqual([]);
      flip('DBlu9VEolAA', 'Like');
      vi.advanceTimersByTime(LATE_CHECK_MS);
      expect(emitted).toEqual([]);
    });

    it('a refusal (HTTP 200 with errors) never counts, even if the icon stays flipped', () => {
      click('DBlu9VEolAA');
      flip('DBlu9VEolAA', 'Unlike');
      parse(call('like', { startedAt: AT + 5, responseBody: '{"errors":[{"message":"rate limited"}],"data":null}' }));
      vi.advanceTimersByTime(LATE_CHECK_MS + SETTLE_MS);
      expect(emitted).toEqual([]);
    });

    it('an answer to an earlier request does not confirm a later click; a request never relayed leaves the icon to decide', () => {
      parse(call('like', { startedAt: AT - 10_000 }));
      click('DBlu9VEolAA');
      flip('DBlu9VEolAA', 'Unlike');
      vi.advanceTimersByTime(SETTLE_MS);
      expect(emitted).toEqual([]);
      vi.advanceTimersByTime(LATE_CHECK_MS);
      expect(emitted).toMatchObject([{ op: 'did', ref: 'DBlu9VEolAA', at: AT }]);
    });
  });

  it('works with Spanish labels', () => {
    load(feed().replace(/aria-label="Like"/g, 'aria-label="Me gusta"').replace(/aria-label="Unlike"/g, 'aria-label="Ya no me gusta"'));
    click('DBlu9VEolAA');
    flip('DBlu9VEolAA', 'Ya no me gusta');
    vi.advanceTimersByTime(SETTLE_MS);
    expect(emitted).toMatchObject([{ op: 'did', kind: 'like', ref: 'DBlu9VEolAA' }]);
  });

  it('remembers the post a Reply or Repost control was clicked on', () => {
    document.querySelector('a[href$="/post/DBlu9AWwq__"]')?.closest('[data-pressable-container]')?.querySelector('svg[aria-label="Repost"]')
      ?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(session.repostClick).toEqual({ code: 'DBlu9AWwq__', author: 'bob.okafor', at: AT });
  });

  it('stops when the signal aborts', () => {
    click('DBlu9VEolAA');
    flip('DBlu9VEolAA', 'Unlike');
    controller.abort();
    vi.advanceTimersByTime(SETTLE_MS);
    expect(emitted).toEqual([]);
  });
});

describe('composer', () => {
  const dialog = (inner: string) => `<div role="dialog" aria-modal="true">${inner}
    <div role="textbox" contenteditable="true" aria-placeholder="What's new?">Hello Threads</div>
    <div role="button" tabindex="0" id="submit"><div>Post</div></div></div>`;

  it('finds the Post button in the dialog only, never when disabled', () => {
    const composer = createThreadsComposer();
    load(feed() + dialog(''));
    const submit = document.getElementById('submit') as HTMLElement;
    expect(composer.submitFromClick(submit.firstElementChild as Element)).toBe(submit);
    expect(composer.submitFromClick(document.querySelector('svg[aria-label="Like"]') as Element)).toBeNull();
    submit.setAttribute('aria-disabled', 'true');
    expect(composer.submitFromClick(submit)).toBeNull();
    expect(composer.submitFromKey(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }))).toBeNull();
  });

  it('opened from Create it is a post; from a Reply control a reply; from the Quote item a quote', () => {
    const composer = createThreadsComposer();
    load(feed() + dialog(''));
    const submit = document.getElementById('submit') as HTMLElement;
    const url = new URL('https://www.threads.com/');
    composer.noteClick(document.querySelector('svg[aria-label="Create"]') as Element, Date.now());
    expect(composer.describe(submit, url)).toMatchObject({ kind: 'post', draft: 'Hello Threads' });
    composer.noteClick(document.querySelector('svg[aria-label="Reply"]') as Element, Date.now());
    expect(composer.describe(submit, url)?.kind).toBe('reply');
    document.body.insertAdjacentHTML('beforeend', '<div role="menu"><div role="menuitem" id="quote"><span>Citar</span></div></div>');
    composer.noteClick(document.getElementById('quote') as Element, Date.now());
    expect(composer.describe(submit, url)?.kind).toBe('quote');
    composer.noteClick(document.querySelector('[role="main"] [role="button"] span') as Element, Date.now());
    expect(composer.describe(submit, url)?.kind).toBe('post');
  });

  it('without a remembered opener, a dialog showing another post is a reply; a submit outside a dialog is nothing', () => {
    const composer = createThreadsComposer();
    load(dialog('<a href="/@alice.chen/post/DBlu9VEolAA">alice.chen</a>'));
    const url = new URL('https://www.threads.com/');
    expect(composer.describe(document.getElementById('submit') as HTMLElement, url)?.kind).toBe('reply');
    load(dialog(''));
    expect(composer.describe(document.getElementById('submit') as HTMLElement, url)?.kind).toBe('post');
    load('<div role="button" id="x">Post</div>');
    expect(composer.describe(document.getElementById('x') as HTMLElement, url)).toBeNull();
  });

  it('suggests other people\'s posts, never the user\'s own', () => {
    const composer = createThreadsComposer();
    const suggested = composer.suggestions(load(feed()), 'givefirst.me', 3);
    expect(suggested.map((p) => postIdentity(p).author)).toEqual(['alice.chen', 'bob.okafor']);
    expect(composer.suggestions(document, 'givefirst.me', 1)).toHaveLength(1);
  });
});
