import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Observation } from '../../shared/observations.ts';
import { ShapeError, type NetworkCall } from '../types.ts';
import { redditAdapter } from './index.ts';
import { LEGACY_API_RE, REDDIT_TAP, SHREDDIT_GRAPHQL_RE } from './network.ts';
import { findThingTarget, parseRedditCall } from './parse.ts';
import { canonicalUrl, postFullnameFromUrl, redditFront, redditPageKind, type RedditPageKind } from './routes.ts';
import { sameText, watchShreddit } from './watch.ts';
import { callFixtures } from '../../../tests/unit/call-fixture.ts';

// Fixtures (src/adapters/reddit/fixtures/): one request/response pair per JSON file, with `_source`.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixture = callFixtures(FIXTURES);
const AT = Date.UTC(2026, 10, 23, 10, 15);

function call(name: string, patch: Partial<NetworkCall> = {}): NetworkCall {
  const f = fixture(name);
  return {
    method: f.method, url: f.url, status: f.status,
    requestBody: typeof f.request === 'string' ? f.request : JSON.stringify(f.request),
    responseBody: JSON.stringify(f.response), startedAt: AT, ...patch,
  };
}
function page(name: string, url: string): Document {
  const doc = new DOMParser().parseFromString(readFileSync(join(FIXTURES, name), 'utf8'), 'text/html');
  Object.defineProperty(doc, 'location', { value: new URL(url) });
  return doc;
}
const shredditDoc = () => page('shreddit-post.html', 'https://www.reddit.com/r/webdev/comments/1h2k3m4/x/');
const oldDoc = () => page('old-thread.html', 'https://old.reddit.com/r/webdev/comments/1h2k3m4/x/');

describe('routes', () => {
  const kinds: [string, RedditPageKind][] = [
    ['https://www.reddit.com/', 'listing'],
    ['https://www.reddit.com/r/rust/', 'subreddit'],
    ['https://www.reddit.com/r/rust/new/', 'subreddit'],
    ['https://www.reddit.com/r/rust/comments/1abc2d/title/', 'post'],
    ['https://www.reddit.com/r/rust/submit', 'submit'],
    ['https://www.reddit.com/submit', 'submit'],
    ['https://old.reddit.com/r/rust/', 'subreddit'],
    ['https://www.reddit.com/user/alice_dev/', 'user'],
    ['https://www.reddit.com/settings/', 'other'],
    ['https://www.reddit.com/r/rust/wiki/index', 'other'],
  ];
  it.each(kinds)('%s is %s', (url, kind) => expect(redditPageKind(new URL(url))).toBe(kind));
  it('tells the front ends apart', () => {
    expect(redditFront(new URL('https://old.reddit.com/'))).toBe('old');
    expect(redditFront(new URL('https://www.reddit.com/'))).toBe('shreddit');
  });
  it('canonicalises permalinks to www.reddit.com and reads post ids', () => {
    expect(canonicalUrl('/r/webdev/comments/1h2k3m4/x/')).toBe('https://www.reddit.com/r/webdev/comments/1h2k3m4/x/');
    expect(canonicalUrl('https://old.reddit.com/r/a/comments/b/')).toBe('https://www.reddit.com/r/a/comments/b/');
    expect(canonicalUrl('https://evil.example/r/a/')).toBeUndefined();
    expect(postFullnameFromUrl('https://old.reddit.com/r/webdev/comments/1J9XR7/t/')).toBe('t3_1j9xr7');
  });
});

describe('network patterns', () => {
  it('match both front ends and nothing else', () => {
    expect(SHREDDIT_GRAPHQL_RE.test('https://www.reddit.com/svc/shreddit/graphql')).toBe(true);
    expect(LEGACY_API_RE.exec('https://old.reddit.com/api/vote')?.[1]).toBe('vote');
    expect(LEGACY_API_RE.exec('https://www.reddit.com/api/comment?raw_json=1')?.[1]).toBe('comment');
    expect(REDDIT_TAP.requests.test('https://old.reddit.com/api/info.json')).toBe(false);
    expect(REDDIT_TAP.requests.test('https://www.reddit.com.evil.example/api/vote')).toBe(false);
  });
});

describe('shreddit GraphQL', () => {
  it('UP is a like with the author and URL from the page; the csrf token goes nowhere', () => {
    const [obs] = parseRedditCall(call('shreddit-vote-up'), shredditDoc());
    expect(obs).toEqual({
      op: 'did', platform: 'reddit', kind: 'like', ref: 't3_1h2k3m4', at: AT,
      target: { id: 't3_1h2k3m4', author: 'alice_dev', url: 'https://www.reddit.com/r/webdev/comments/1h2k3m4/whats_your_favourite_accessibility_testing_tool/' },
    });
    expect(JSON.stringify(obs)).not.toContain('csrf');
  });
  it('NONE and DOWN undo a like', () => {
    expect(parseRedditCall(call('shreddit-comment-vote-none'), shredditDoc())).toEqual([{ op: 'undid', platform: 'reddit', kinds: ['like'], ref: 't1_m1a2b3c', at: AT }]);
    const down = call('shreddit-vote-up', { requestBody: JSON.stringify({ operation: 'UpdatePostVoteState', variables: { input: { postId: 't3_1h2k3m4', voteState: 'DOWN' } } }) });
    expect(parseRedditCall(down, shredditDoc())).toEqual([{ op: 'undid', platform: 'reddit', kinds: ['like'], ref: 't3_1h2k3m4', at: AT }]);
  });
  it('CreatePost is a post with the new id, title and body', () => {
    expect(parseRedditCall(call('shreddit-create-post'), shredditDoc())).toEqual([{
      op: 'did', platform: 'reddit', kind: 'post', ref: 't3_1j9xq2', at: AT,
      text: 'Show r/webdev: a focus-ring linter\n\nIt flags outline: none.',
      target: { id: 't3_1j9xq2', url: 'https://www.reddit.com/r/webdev/comments/1j9xq2/show_rwebdev_a_focusring_linter/' },
    }]);
  });
  it('CreateProfilePost (a post to the user\'s profile) is a post too', () => {
    const profile = call('shreddit-create-post', {
      requestBody: JSON.stringify({ operation: 'CreateProfilePost', variables: { input: { title: 'Hello', content: { markdown: '' } } } }),
      responseBody: JSON.stringify({ data: { createProfilePost: { ok: true, post: { id: 't3_1j9xz1' } } } }),
    });
    expect(parseRedditCall(profile, shredditDoc())).toEqual([{
      op: 'did', platform: 'reddit', kind: 'post', ref: 't3_1j9xz1', at: AT, text: 'Hello', target: { id: 't3_1j9xz1', url: 'https://www.reddit.com/comments/1j9xz1/' },
    }]);
  });

  it('a refusal with HTTP 200 (ok: false) counts nothing', () => {
    expect(parseRedditCall(call('shreddit-create-post-refused'), shredditDoc())).toEqual([]);
    expect(parseRedditCall(call('shreddit-vote-up', { responseBody: '{"errors":[{"message":"no"}],"data":null}' }), shredditDoc())).toEqual([]);
  });
  it('DeletePost undoes the post and DeleteComment the reply, under the fullnames they were counted by', () => {
    const post = parseRedditCall(call('shreddit-delete-post'), shredditDoc());
    expect(post).toEqual([{ op: 'undid', platform: 'reddit', kinds: ['post'], ref: 't3_1j9xq2', at: AT }]);
    // The same ref CreatePost gave the post (fixture shreddit-create-post.json).
    expect(parseRedditCall(call('shreddit-create-post'), shredditDoc())[0]).toMatchObject({ kind: 'post', ref: 't3_1j9xq2' });
    expect(parseRedditCall(call('shreddit-delete-comment'), shredditDoc())).toEqual([{ op: 'undid', platform: 'reddit', kinds: ['reply'], ref: 't1_m1a2b3d', at: AT }]);
    expect(JSON.stringify(post)).not.toContain('csrf');
  });
  it('a delete refused with HTTP 200 (ok: false, or errors) undoes nothing; one without its id is a shape error', () => {
    const refused = '{"data":{"deleteComment":{"ok":false,"errors":[{"message":"FORBIDDEN"}]}}}';
    expect(parseRedditCall(call('shreddit-delete-comment', { responseBody: refused }), shredditDoc())).toEqual([]);
    expect(parseRedditCall(call('shreddit-delete-post', { responseBody: '{"errors":[{"message":"no"}],"data":null}' }), shredditDoc())).toEqual([]);
    const noId = call('shreddit-delete-post', { requestBody: '{"operation":"DeletePost","variables":{"input":{}}}' });
    expect(() => parseRedditCall(noId, shredditDoc())).toThrow(ShapeError);
    // A comment id where a post id belongs is a shape error, not an undo of the wrong kind.
    const crossed = call('shreddit-delete-post', { requestBody: '{"operation":"DeletePost","variables":{"input":{"postId":"t1_m1a2b3d"}}}' });
    expect(() => parseRedditCall(crossed, shredditDoc())).toThrow(ShapeError);
  });
  it('unknown operations are ignored; a known one without its id is a shape error', () => {
    expect(parseRedditCall(call('shreddit-vote-up', { requestBody: '{"operation":"GetFeed","variables":{}}' }), shredditDoc())).toEqual([]);
    expect(() => parseRedditCall(call('shreddit-vote-up', { requestBody: '{"operation":"UpdatePostVoteState","variables":{"input":{"voteState":"UP"}}}' }), shredditDoc())).toThrow(ShapeError);
  });
});

describe('old reddit API', () => {
  it('/api/vote dir=1 is a like; dir=0 and -1 undo; the modhash goes nowhere', () => {
    const [like] = parseRedditCall(call('old-vote-up'), oldDoc());
    expect(like).toMatchObject({ op: 'did', kind: 'like', ref: 't3_1h2k3m4', target: { author: 'alice_dev' } });
    expect(JSON.stringify(like)).not.toContain('modhash');
    for (const dir of ['0', '-1']) {
      const undo = call('old-vote-up', { requestBody: `id=t1_m1a2b3c&dir=${dir}&uh=x` });
      expect(parseRedditCall(undo, oldDoc())).toEqual([{ op: 'undid', platform: 'reddit', kinds: ['like'], ref: 't1_m1a2b3c', at: AT }]);
    }
  });
  it('/api/comment is a reply with the new id from the jQuery answer, to the thing_id author', () => {
    expect(parseRedditCall(call('old-comment'), oldDoc())).toEqual([{
      op: 'did', platform: 'reddit', kind: 'reply', ref: 't1_n7k2p9', at: AT, text: 'Agreed, screen readers catch a lot.',
      target: { id: 't1_m1a2b3e', author: 'carol_ux', url: 'https://www.reddit.com/r/webdev/comments/1h2k3m4/whats_your_favourite_accessibility_testing_tool/m1a2b3e/' },
    }]);
  });
  it('/api/comment with api_type=json reads json.data.things', () => {
    expect(parseRedditCall(call('old-comment-api-json'), oldDoc())[0]).toMatchObject({ kind: 'reply', ref: 't1_n7k2q0', target: { id: 't3_1h2k3m4', author: 'alice_dev' } });
  });
  it('a RATELIMIT refusal (HTTP 200, jQuery error) counts nothing; an answer without a comment is a shape error', () => {
    expect(parseRedditCall(call('old-comment-ratelimit'), oldDoc())).toEqual([]);
    expect(() => parseRedditCall(call('old-comment', { responseBody: '{"jquery":[],"success":true}' }), oldDoc())).toThrow(ShapeError);
  });
  it('/api/submit is a post with the id from the redirect', () => {
    expect(parseRedditCall(call('old-submit'), oldDoc())).toEqual([{
      op: 'did', platform: 'reddit', kind: 'post', ref: 't3_1j9xr7', at: AT, text: 'Our accessibility checklist\n\nFeedback welcome.',
      target: { id: 't3_1j9xr7', url: 'https://www.reddit.com/r/webdev/comments/1j9xr7/our_accessibility_checklist/' },
    }]);
  });
  it('/api/subscribe sub is a follow of the subreddit; unsub undoes it', () => {
    expect(parseRedditCall(call('old-subscribe'), oldDoc())).toEqual([{
      op: 'did', platform: 'reddit', kind: 'follow', ref: 't5_2qs0q', at: AT, target: { id: 't5_2qs0q', author: 'r/webdev', url: 'https://www.reddit.com/r/webdev/' },
    }]);
    expect(parseRedditCall(call('old-subscribe', { requestBody: 'sr=t5_2qs0q&action=unsub&uh=x' }), oldDoc())).toEqual([{ op: 'undid', platform: 'reddit', kinds: ['follow'], ref: 't5_2qs0q', at: AT }]);
  });
  it('/api/del undoes an own post (t3_, the ref /api/submit gave) or comment (t1_, the ref /api/comment gave); the modhash goes nowhere', () => {
    const post = parseRedditCall(call('old-del'), oldDoc());
    expect(post).toEqual([{ op: 'undid', platform: 'reddit', kinds: ['post'], ref: 't3_1j9xr7', at: AT }]);
    expect(parseRedditCall(call('old-submit'), oldDoc())[0]).toMatchObject({ kind: 'post', ref: 't3_1j9xr7' });
    expect(JSON.stringify(post)).not.toContain('modhash');
    const comment = call('old-del', { requestBody: 'id=t1_n7k2p9&executed=deleted&r=webdev&uh=x&renderstyle=html' });
    expect(parseRedditCall(comment, oldDoc())).toEqual([{ op: 'undid', platform: 'reddit', kinds: ['reply'], ref: 't1_n7k2p9', at: AT }]);
    expect(parseRedditCall(call('old-comment'), oldDoc())[0]).toMatchObject({ kind: 'reply', ref: 't1_n7k2p9' });
  });
  it('/api/del refused with HTTP 200 (jQuery error) undoes nothing; without a post or comment id it is a shape error', () => {
    const refused = '{"jquery":[[0,1,"call",[".error.USER_REQUIRED"]]],"success":false}';
    expect(parseRedditCall(call('old-del', { responseBody: refused }), oldDoc())).toEqual([]);
    expect(() => parseRedditCall(call('old-del', { requestBody: 'executed=deleted&uh=x' }), oldDoc())).toThrow(ShapeError);
    expect(() => parseRedditCall(call('old-del', { requestBody: 'id=t5_2qs0q&uh=x' }), oldDoc())).toThrow(ShapeError);
  });
});

describe('page hooks', () => {
  it('finds targets on both front ends', () => {
    expect(findThingTarget(shredditDoc(), 't1_m1a2b3e')).toMatchObject({ author: 'carol_ux' });
    expect(findThingTarget(oldDoc(), 't1_m1a2b3c')).toMatchObject({ author: 'bob_codes' });
    expect(findThingTarget(oldDoc(), 't3_zzz')).toEqual({ id: 't3_zzz', url: 'https://www.reddit.com/comments/zzz/' });
  });
  it('reads the identity on both front ends', () => {
    expect(redditAdapter.readIdentity(shredditDoc())).toBe('givefirst_me');
    expect(redditAdapter.readIdentity(oldDoc())).toBe('givefirst_me');
  });
  it('health: fine on the fixtures, degraded without posts or with a join button lacking its id', () => {
    const url = new URL('https://www.reddit.com/r/webdev/comments/1h2k3m4/x/');
    expect(redditAdapter.checkHealth(shredditDoc(), url)).toBeNull();
    expect(redditAdapter.checkHealth(oldDoc(), new URL('https://old.reddit.com/r/webdev/comments/1h2k3m4/x/'))).toBeNull();
    const noPosts = shredditDoc();
    noPosts.querySelector('shreddit-post')?.remove();
    expect(redditAdapter.checkHealth(noPosts, url)?.code).toBe('no-posts');
    const join = shredditDoc();
    join.querySelector('shreddit-join-button')?.removeAttribute('subreddit-id');
    expect(redditAdapter.checkHealth(join, url)?.code).toBe('join-shape');
    expect(redditAdapter.checkHealth(shredditDoc(), new URL('https://www.reddit.com/settings/'))).toBeNull();
  });
  it('composer: the new-post form is a post, comment composers are replies', () => {
    const doc = shredditDoc();
    const submit = doc.querySelector<HTMLElement>('comment-composer-host button[type="submit"]');
    expect(submit && redditAdapter.composer.submitFromClick(submit)).toBe(submit);
    expect(submit && redditAdapter.composer.describe(submit, new URL('https://www.reddit.com/'))?.kind).toBe('reply');
    const form = new DOMParser().parseFromString('<r-post-composer-form><textarea name="title">Hi</textarea><button id="submit-post-button" type="submit">Post</button></r-post-composer-form>', 'text/html');
    const post = form.querySelector<HTMLElement>('#submit-post-button');
    expect(post && redditAdapter.composer.describe(post, new URL('https://www.reddit.com/r/webdev/submit'))).toMatchObject({ kind: 'post', draft: 'Hi' });
  });
});

describe('shreddit watch', () => {
  it('matches rendered text loosely (markdown, spacing) but not other words', () => {
    expect(sameText('Use **axe-core**, then a manual pass.'.replace(/\*/g, ''), 'Use **axe-core**,  then a manual pass.')).toBe(true);
    expect(sameText('Something else entirely', 'Use axe-core')).toBe(false);
  });

  it('a comment counts only once a new shreddit-comment by the user appears', async () => {
    document.body.innerHTML = readFileSync(join(FIXTURES, 'shreddit-post.html'), 'utf8').replace(/^[\s\S]*<body>|<\/body>[\s\S]*$/g, '').replace(/<script[\s\S]*?<\/script>/g, '');
    const seen: Observation[] = [];
    const controller = new AbortController();
    watchShreddit(document, (o) => seen.push(o), controller.signal, () => 'givefirst_me');
    const box = document.querySelector<HTMLElement>('comment-composer-host [contenteditable]');
    if (box) box.textContent = 'Hello there';
    document.querySelector<HTMLElement>('comment-composer-host button[type="submit"]')?.click();
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual([]);
    const el = document.createElement('shreddit-comment');
    el.setAttribute('thingid', 't1_new1');
    el.setAttribute('author', 'givefirst_me');
    el.innerHTML = '<div slot="comment"><p>Hello there</p></div>';
    // An older own comment revealed meanwhile (other words) does not count.
    const older = document.createElement('shreddit-comment');
    older.setAttribute('thingid', 't1_old9');
    older.setAttribute('author', 'givefirst_me');
    older.innerHTML = '<div slot="comment"><p>Something from last week</p></div>';
    document.querySelector('shreddit-comment-tree')?.append(older);
    await new Promise((r) => setTimeout(r, 30));
    expect(seen).toEqual([]);
    document.querySelector('shreddit-comment-tree')?.prepend(el);
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toMatchObject({ op: 'did', kind: 'reply', ref: 't1_new1', text: 'Hello there', target: { id: 't3_1h2k3m4', author: 'alice_dev' } });
    controller.abort();
  });
});

describe('healthApplies', () => {
  it('judges listings, subreddits and posts only', () => {
    for (const url of ['https://www.reddit.com/', 'https://old.reddit.com/r/programming/', 'https://www.reddit.com/r/rust/comments/abc123/title/']) {
      expect(redditAdapter.healthApplies?.(new URL(url)), url).toBe(true);
    }
    for (const url of ['https://www.reddit.com/settings/', 'https://old.reddit.com/prefs/']) {
      expect(redditAdapter.healthApplies?.(new URL(url)), url).toBe(false);
    }
  });
});
