import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ShapeError, type NetworkCall } from '../types.ts';
import { createBlueskyAdapter } from './index.ts';
import { XRPC_RE } from './network.ts';
import { blueskyPageKind, parseAtUri, parsePostHref } from './routes.ts';
import { callFixtures } from '../../../tests/unit/call-fixture.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const ME = 'did:plc:givefirstme7q3xk2m4n5o6p';
const ALICE = 'did:plc:alice4xk2m4n5o6p7q3r8s9t';
const ALICE_POST = `at://${ALICE}/app.bsky.feed.post/3lbqzyx2abc2k`;

const fixture = callFixtures(FIXTURES);

let clock = Date.UTC(2026, 10, 23, 10, 15);
function call(name: string, patch: { request?: unknown; response?: unknown } = {}): NetworkCall {
  const f = fixture(name);
  return {
    method: f.method, url: f.url, status: f.status, startedAt: clock++,
    requestBody: JSON.stringify(patch.request ?? f.request),
    responseBody: JSON.stringify('response' in patch ? patch.response : f.response),
  };
}
const doc = (): Document => new DOMParser().parseFromString(readFileSync(join(FIXTURES, 'feed.html'), 'utf8'), 'text/html');

describe('Bluesky network', () => {
  it('matches the repo XRPC writes on any https host, nothing else', () => {
    expect(XRPC_RE.test('https://morel.us-east.host.bsky.network/xrpc/com.atproto.repo.createRecord')).toBe(true);
    expect(XRPC_RE.test('https://pds.example.org/xrpc/com.atproto.repo.applyWrites')).toBe(true);
    expect(XRPC_RE.test('https://bsky.social/xrpc/com.atproto.repo.deleteRecord?x=1')).toBe(true);
    expect(XRPC_RE.test('https://public.api.bsky.app/xrpc/app.bsky.feed.getTimeline')).toBe(false);
    expect(XRPC_RE.test('http://pds.example.org/xrpc/com.atproto.repo.createRecord')).toBe(false);
    expect(XRPC_RE.test('https://pds.example.org/xrpc/com.atproto.repo.createRecordX')).toBe(false);
  });
});

describe('Bluesky routes', () => {
  it.each([
    ['https://bsky.app/', 'home'],
    ['https://bsky.app/profile/alice.bsky.social', 'profile'],
    ['https://bsky.app/profile/alice.bsky.social/post/3lbqzyx2abc2k', 'post'],
    ['https://bsky.app/settings', 'other'],
    ['https://bsky.app/profile/alice.bsky.social/lists/abc', 'other'],
  ])('%s is %s', (url, kind) => expect(blueskyPageKind(new URL(url))).toBe(kind));

  it('reads AT URIs and post links', () => {
    expect(parseAtUri(ALICE_POST)).toEqual({ repo: ALICE, collection: 'app.bsky.feed.post', rkey: '3lbqzyx2abc2k' });
    expect(parseAtUri('https://bsky.app/')).toBeNull();
    expect(parsePostHref('/profile/alice.bsky.social/post/3lbqzyx2abc2k')).toEqual({ actor: 'alice.bsky.social', rkey: '3lbqzyx2abc2k' });
  });
});

describe('Bluesky parseCall', () => {
  it('a like: ref is the like record, target the liked post and its author DID', () => {
    const a = createBlueskyAdapter();
    expect(a.parseCall(call('create-like'), doc())).toEqual([{
      op: 'did', platform: 'bluesky', kind: 'like', ref: `at://${ME}/app.bsky.feed.like/3lbr2likeaa2k`, at: expect.any(Number),
      target: { id: ALICE_POST, url: `https://bsky.app/profile/${ALICE}/post/3lbqzyx2abc2k`, author: ALICE },
      // The liked post, so that a re-like after a reload (a new record) finds this like's event.
      aliases: [`app.bsky.feed.like|${ALICE_POST}`],
    }]);
  });

  it('an unlike from deleteRecord undoes that like, even in a fresh page (no memory)', () => {
    const fresh = createBlueskyAdapter();
    expect(fresh.parseCall(call('delete-like'), doc())).toEqual([
      { op: 'undid', platform: 'bluesky', kinds: ['like'], ref: `at://${ME}/app.bsky.feed.like/3lbr2likeaa2k`, at: expect.any(Number) },
    ]);
  });

  it('like → unlike → like in one page is one event: the second record reuses the first ref', () => {
    const a = createBlueskyAdapter();
    const first = a.parseCall(call('create-like'), doc())[0];
    a.parseCall(call('delete-like'), doc());
    const again = a.parseCall(call('create-like', { response: { uri: `at://${ME}/app.bsky.feed.like/3lbr9second2k`, cid: 'x' } }), doc())[0];
    expect(again).toMatchObject({ op: 'did', ref: first?.ref });
    const undo = a.parseCall(call('delete-like', { request: { repo: ME, collection: 'app.bsky.feed.like', rkey: '3lbr9second2k' } }), doc())[0];
    expect(undo).toMatchObject({ op: 'undid', ref: first?.ref });
  });

  it('a re-like folded into the first record names its own record as an alias, which the unlike after a reload names', () => {
    const a = createBlueskyAdapter();
    a.parseCall(call('create-like'), doc());
    a.parseCall(call('delete-like'), doc());
    const second = `at://${ME}/app.bsky.feed.like/3lbr9second2k`;
    const again = a.parseCall(call('create-like', { response: { uri: second, cid: 'x' } }), doc())[0];
    expect(again).toMatchObject({
      op: 'did', ref: `at://${ME}/app.bsky.feed.like/3lbr2likeaa2k`, aliases: [second, `app.bsky.feed.like|${ALICE_POST}`],
    });
    // A fresh page knows nothing of the first record: its unlike names the second, for the ledger to resolve.
    const undo = createBlueskyAdapter().parseCall(call('delete-like', { request: { repo: ME, collection: 'app.bsky.feed.like', rkey: '3lbr9second2k' } }), doc());
    expect(undo).toEqual([{ op: 'undid', platform: 'bluesky', kinds: ['like'], ref: second, at: expect.any(Number) }]);
  });

  it('without the created record (unreadable answer) the ref is the subject, and a later record becomes its alias', () => {
    const a = createBlueskyAdapter();
    const blind = a.parseCall(call('create-like', { response: null }), doc())[0];
    expect(blind).toMatchObject({ ref: `app.bsky.feed.like|${ALICE_POST}` });
    expect(blind).not.toHaveProperty('aliases');
    const later = `at://${ME}/app.bsky.feed.like/3lbr9later22k`;
    expect(a.parseCall(call('create-like', { response: { uri: later, cid: 'x' } }), doc())[0])
      .toMatchObject({ ref: `app.bsky.feed.like|${ALICE_POST}`, aliases: [later] });
  });

  it('a follow targets the DID; a repost is like a like', () => {
    const a = createBlueskyAdapter();
    expect(a.parseCall(call('create-follow'), doc())[0]).toMatchObject({
      kind: 'follow', ref: `at://${ME}/app.bsky.graph.follow/3lbr2followa2`, target: { id: ALICE, author: ALICE, url: `https://bsky.app/profile/${ALICE}` },
    });
    const f = fixture('create-like');
    const req = { ...(f.request as object), collection: 'app.bsky.feed.repost', record: { ...(f.request as { record: object }).record, $type: 'app.bsky.feed.repost' } };
    expect(a.parseCall(call('create-like', { request: req, response: { uri: `at://${ME}/app.bsky.feed.repost/3lbrrepost22`, cid: 'c' } }), doc())[0])
      .toMatchObject({ kind: 'repost', ref: `at://${ME}/app.bsky.feed.repost/3lbrrepost22`, target: { id: ALICE_POST } });
  });

  it('applyWrites thread: the reply to alice gives, the later post replies to oneself; the threadgate is ignored', () => {
    const a = createBlueskyAdapter();
    const out = a.parseCall(call('apply-writes-thread'), doc());
    expect(out).toEqual([
      { op: 'did', platform: 'bluesky', kind: 'reply', ref: `at://${ME}/app.bsky.feed.post/3lbr3replyaa2`, at: expect.any(Number), text: 'Great point, thanks for sharing',
        target: { id: ALICE_POST, url: `https://bsky.app/profile/${ALICE}/post/3lbqzyx2abc2k`, author: ALICE } },
      { op: 'did', platform: 'bluesky', kind: 'reply', ref: `at://${ME}/app.bsky.feed.post/3lbr3replybb2`, at: expect.any(Number), text: 'And one more thing',
        target: { id: `at://${ME}/app.bsky.feed.post/3lbr3replyaa2`, url: `https://bsky.app/profile/${ME}/post/3lbr3replyaa2`, author: ME } },
    ]);
    // …and the user's own DID is now the identity, so the ledger treats the second as neutral.
    expect(a.readIdentity(doc())).toBe(ME);
  });

  it('a quote via applyWrites, a post via createRecord (other clients) with its links', () => {
    const a = createBlueskyAdapter();
    expect(a.parseCall(call('apply-writes-quote'), doc())[0]).toMatchObject({ kind: 'quote', ref: `at://${ME}/app.bsky.feed.post/3lbr4quoteaa2`, target: { id: ALICE_POST, author: ALICE } });
    expect(a.parseCall(call('create-post'), doc())[0]).toEqual({
      op: 'did', platform: 'bluesky', kind: 'post', ref: `at://${ME}/app.bsky.feed.post/3lbr5postaaa2`, at: expect.any(Number),
      text: 'My course is out: example.com/course', links: ['https://example.com/course'],
      target: { id: `at://${ME}/app.bsky.feed.post/3lbr5postaaa2`, url: `https://bsky.app/profile/${ME}/post/3lbr5postaaa2`, author: ME },
    });
  });

  it('deleting a post undoes post, reply or quote by the post URI', () => {
    const a = createBlueskyAdapter();
    const out = a.parseCall(call('delete-like', { request: { repo: ME, collection: 'app.bsky.feed.post', rkey: '3lbr5postaaa2' } }), doc());
    expect(out).toEqual([{ op: 'undid', platform: 'bluesky', kinds: ['post', 'reply', 'quote'], ref: `at://${ME}/app.bsky.feed.post/3lbr5postaaa2`, at: expect.any(Number) }]);
  });

  it('records of other collections count nothing; a malformed body is a shape error', () => {
    const a = createBlueskyAdapter();
    expect(a.parseCall(call('create-like', { request: { repo: ME, collection: 'app.bsky.graph.block', record: { subject: ALICE } } }), doc())).toEqual([]);
    expect(() => a.parseCall(call('create-like', { request: { repo: ME, collection: 'app.bsky.feed.like', record: {} } }), doc())).toThrow(ShapeError);
    expect(() => a.parseCall(call('apply-writes-thread', { request: { repo: ME } }), doc())).toThrow(ShapeError);
  });
});

describe('Bluesky page', () => {
  it('health: fine on the feed, degraded when the like button is renamed', () => {
    const a = createBlueskyAdapter();
    const d = doc();
    expect(a.checkHealth(d, new URL('https://bsky.app/'))).toBeNull();
    for (const b of d.querySelectorAll('[data-testid="likeBtn"]')) b.setAttribute('data-testid', 'likeButton');
    expect(a.checkHealth(d, new URL('https://bsky.app/'))).toMatchObject({ code: 'no-like-button' });
    expect(a.healthApplies?.(new URL('https://bsky.app/settings'))).toBe(false);
  });

  it('identity from BSKY_STORAGE reads only the DID', () => {
    localStorage.setItem('BSKY_STORAGE', JSON.stringify({ session: { currentAccount: { did: ME, handle: 'givefirst.bsky.social', accessJwt: 'secret' } } }));
    expect(createBlueskyAdapter().readIdentity(document)).toBe(ME);
    localStorage.removeItem('BSKY_STORAGE');
    expect(createBlueskyAdapter().readIdentity(document)).toBeNull();
  });

  it('composer: a reply label is a reply, a post label a post; Ctrl+Enter finds the button', () => {
    const a = createBlueskyAdapter();
    document.body.innerHTML = `<div role="dialog"><div class="ProseMirror" contenteditable="true">hello</div>
      <button data-testid="composerPublishBtn" aria-label="Publish post">Post</button></div>`;
    const button = document.querySelector<HTMLElement>('[data-testid="composerPublishBtn"]')!;
    expect(a.composer.submitFromClick(button)).toBe(button);
    expect(a.composer.describe(button, new URL('https://bsky.app/'))).toMatchObject({ kind: 'post' });
    button.setAttribute('aria-label', 'Publish reply');
    expect(a.composer.describe(button, new URL('https://bsky.app/'))).toMatchObject({ kind: 'reply' });
    const box = document.querySelector('.ProseMirror')!;
    const key = new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true });
    Object.defineProperty(key, 'target', { value: box });
    expect(a.composer.submitFromKey(key)).toBe(button);
  });
});
