import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ShapeError, type NetworkCall } from '../types.ts';
import { xAdapter } from './index.ts';
import { FRIENDSHIPS_RE, GRAPHQL_OPERATIONS, GRAPHQL_RE, X_TAP } from './network.ts';
import { findPostTarget, parseXCall, readCreatedTweet } from './parse.ts';
import { parsePostUrl, postUrl, xPageKind, type XPageKind } from './routes.ts';
import { selectors } from './selectors.ts';
import { callFixtures } from '../../../tests/unit/call-fixture.ts';

// ---------------------------------------------------------------------------------------------------
// Fixtures (src/adapters/x/fixtures/): each JSON file is one request/response pair with a `_source`;
// the request is a JSON body (GraphQL) or a form-encoded string (REST).

// A path, not a URL: under happy-dom the global URL is the DOM's, which node:fs does not accept.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const fixturePath = (name: string): string => join(FIXTURES, name);

const fixture = callFixtures(FIXTURES);

const STARTED_AT = Date.UTC(2026, 10, 23, 10, 15);

/** The NetworkCall the page tap would relay for a fixture, optionally with a tampered body. */
function call(name: string, patch: Partial<NetworkCall> = {}): NetworkCall {
  const f = fixture(name);
  return {
    method: f.method,
    url: f.url,
    status: f.status,
    requestBody: typeof f.request === 'string' ? f.request : JSON.stringify(f.request),
    responseBody: JSON.stringify(f.response),
    startedAt: STARTED_AT,
    ...patch,
  };
}

/** A fixture's request variables, to change one and send it back in. */
function variables(name: string): Record<string, unknown> {
  return (fixture(name).request as { variables: Record<string, unknown> }).variables;
}

function withVariables(name: string, vars: Record<string, unknown>): Partial<NetworkCall> {
  return { requestBody: JSON.stringify({ ...(fixture(name).request as object), variables: vars }) };
}

function timeline(): Document {
  return new DOMParser().parseFromString(readFileSync(fixturePath('timeline.html'), 'utf8'), 'text/html');
}

const blank = (): Document => new DOMParser().parseFromString('<!DOCTYPE html><html><body></body></html>', 'text/html');

describe('fixtures', () => {
  it('each says what it mirrors, where the shape comes from, and when', () => {
    const names = readdirSync(fixturePath('')).filter((n) => n.endsWith('.json'));
    expect(names.length).toBeGreaterThanOrEqual(12);
    for (const name of names) {
      const f = fixture(name.replace(/\.json$/, ''));
      expect(f._source, name).toMatch(/platforms\.md §1\.B/);
      expect(f._date, name).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(f.method, name).toBe('POST');
    }
    expect(readFileSync(fixturePath('timeline.html'), 'utf8')).toMatch(/^<!--[\s\S]*platforms\.md §1\.A[\s\S]*2026-08[\s\S]*-->/);
  });
});

// ---------------------------------------------------------------------------------------------------

describe('parseXCall: likes and reposts', () => {
  it('FavoriteTweet → a like of the post, with the author read from the page', () => {
    expect(parseXCall(call('favorite-tweet'), timeline())).toEqual([{
      op: 'did', platform: 'x', kind: 'like', ref: '20', at: STARTED_AT,
      target: { id: '20', url: 'https://x.com/jack/status/20', author: 'jack' },
    }]);
  });

  it('FavoriteTweet of a post not on the page → a like with the id-only URL and no author', () => {
    expect(parseXCall(call('favorite-tweet'), blank())).toEqual([{
      op: 'did', platform: 'x', kind: 'like', ref: '20', at: STARTED_AT,
      target: { id: '20', url: 'https://x.com/i/status/20' },
    }]);
  });

  it('UnfavoriteTweet → an undo of the like', () => {
    expect(parseXCall(call('unfavorite-tweet'), timeline())).toEqual([
      { op: 'undid', platform: 'x', kinds: ['like'], ref: '20', at: STARTED_AT },
    ]);
  });

  it('CreateRetweet → a repost of the post, with its author', () => {
    expect(parseXCall(call('create-retweet'), timeline())).toEqual([{
      op: 'did', platform: 'x', kind: 'repost', ref: '20', at: STARTED_AT,
      target: { id: '20', url: 'https://x.com/jack/status/20', author: 'jack' },
    }]);
  });

  it('DeleteRetweet → an undo of the repost, keyed by source_tweet_id', () => {
    expect(parseXCall(call('delete-retweet'), timeline())).toEqual([
      { op: 'undid', platform: 'x', kinds: ['repost'], ref: '20', at: STARTED_AT },
    ]);
  });

  it('DeleteTweet → an undo of whatever the tweet was: post, reply or quote', () => {
    expect(parseXCall(call('delete-tweet'), timeline())).toEqual([
      { op: 'undid', platform: 'x', kinds: ['post', 'reply', 'quote'], ref: '1861000000000000001', at: STARTED_AT },
    ]);
  });
});

describe('parseXCall: own posts', () => {
  it('CreateTweet (original) → a post keyed by the new id, with text and own handle', () => {
    expect(parseXCall(call('create-tweet'), timeline())).toEqual([{
      op: 'did', platform: 'x', kind: 'post', ref: '1861000000000000001', at: STARTED_AT,
      text: 'What do you think about remote work?',
      target: { id: '1861000000000000001', url: 'https://x.com/ana_gives/status/1861000000000000001', author: 'ana_gives' },
    }]);
  });

  it('CreateTweet with reply → a reply to the replied-to post and its author (from the response)', () => {
    expect(parseXCall(call('create-tweet-reply'), blank())).toEqual([{
      op: 'did', platform: 'x', kind: 'reply', ref: '1861000000000000002', at: STARTED_AT,
      text: 'Congrats on shipping this!',
      target: { id: '20', url: 'https://x.com/jack/status/20', author: 'jack' },
    }]);
  });

  it('a reply whose response could not be read still counts, with the author from the page and a stable local id', () => {
    const first = parseXCall(call('create-tweet-reply', { responseBody: null }), timeline());
    expect(first).toEqual([{
      op: 'did', platform: 'x', kind: 'reply', ref: expect.stringMatching(/^local-[0-9a-z]+$/) as unknown as string,
      at: STARTED_AT, text: 'Congrats on shipping this!',
      target: { id: '20', url: 'https://x.com/jack/status/20', author: 'jack' },
    }]);
    // The same request relayed twice gives the same ref, so the ledger counts it once.
    expect(parseXCall(call('create-tweet-reply', { responseBody: '{"errors":[]}' }), timeline())[0]?.ref).toBe(first[0]?.ref);
    const other = parseXCall(call('create-tweet-reply', { responseBody: null, startedAt: STARTED_AT + 1 }), timeline());
    expect(other[0]?.ref).not.toBe(first[0]?.ref);
  });

  it('CreateTweet with attachment_url → a quote of that post and its author', () => {
    expect(parseXCall(call('create-tweet-quote'), blank())).toEqual([{
      op: 'did', platform: 'x', kind: 'quote', ref: '1861000000000000003', at: STARTED_AT,
      text: 'Where it all started.',
      target: { id: '20', url: 'https://x.com/jack/status/20', author: 'jack' },
    }]);
  });

  it('an attachment_url that is not a post makes an ordinary post carrying the link (for the promotion check)', () => {
    const vars = { ...variables('create-tweet-quote'), attachment_url: 'https://example.com/my-course' };
    const [obs] = parseXCall(call('create-tweet-quote', withVariables('create-tweet-quote', vars)), blank());
    expect(obs).toMatchObject({ op: 'did', kind: 'post', ref: '1861000000000000003', links: ['https://example.com/my-course'] });
  });

  it('CreateNoteTweet (long post) → a post, reading the handle from its pre-2025 place', () => {
    const [obs] = parseXCall(call('create-note-tweet'), timeline());
    expect(obs).toEqual({
      op: 'did', platform: 'x', kind: 'post', ref: '1861000000000000004', at: STARTED_AT,
      text: variables('create-note-tweet').tweet_text,
      target: { id: '1861000000000000004', url: 'https://x.com/ana_gives/status/1861000000000000004', author: 'ana_gives' },
    });
  });

  it('an edit (CreateTweet with edit_options.previous_tweet_id) is not a new action', () => {
    expect(parseXCall(call('create-tweet-edit'), timeline())).toEqual([]);
  });

  it('reads the created tweet through a visibility wrapper', () => {
    const f = fixture('create-tweet');
    const result = (f.response as { data: { create_tweet: { tweet_results: { result: unknown } } } }).data.create_tweet.tweet_results;
    result.result = { __typename: 'TweetWithVisibilityResults', tweet: result.result };
    expect(readCreatedTweet(JSON.stringify(f.response))).toEqual({ id: '1861000000000000001', ownHandle: 'ana_gives', inReplyToAuthor: undefined });
  });

  it('a post whose response could not be read has a local id and no target', () => {
    const [obs] = parseXCall(call('create-tweet', { responseBody: 'not json' }), blank());
    expect(obs).toMatchObject({ op: 'did', kind: 'post', text: 'What do you think about remote work?', target: {} });
    expect(obs?.ref).toMatch(/^local-/);
  });
});

describe('parseXCall: follows', () => {
  it('friendships/create → a follow of the user id, with the handle from the response', () => {
    expect(parseXCall(call('friendships-create'), blank())).toEqual([{
      op: 'did', platform: 'x', kind: 'follow', ref: '12', at: STARTED_AT,
      target: { id: '12', author: 'jack', url: 'https://x.com/jack' },
    }]);
  });

  it('friendships/create without a readable response → a follow with the id only', () => {
    expect(parseXCall(call('friendships-create', { responseBody: null }), blank())).toEqual([{
      op: 'did', platform: 'x', kind: 'follow', ref: '12', at: STARTED_AT, target: { id: '12' },
    }]);
  });

  it('friendships/destroy → an undo of the follow', () => {
    expect(parseXCall(call('friendships-destroy'), blank())).toEqual([
      { op: 'undid', platform: 'x', kinds: ['follow'], ref: '12', at: STARTED_AT },
    ]);
  });
});

describe('parseXCall: shape changes throw ShapeError naming the operation', () => {
  const cases: [string, string, Partial<NetworkCall>][] = [
    ['FavoriteTweet', 'favorite-tweet', { requestBody: JSON.stringify({ queryId: 'x' }) }],
    ['FavoriteTweet', 'favorite-tweet', withVariables('favorite-tweet', { tweetId: '20' })],
    ['UnfavoriteTweet', 'unfavorite-tweet', withVariables('unfavorite-tweet', { tweet_id: '' })],
    ['CreateRetweet', 'create-retweet', withVariables('create-retweet', { tweet_id: null })],
    ['DeleteRetweet', 'delete-retweet', withVariables('delete-retweet', { tweet_id: '20' })],
    ['DeleteTweet', 'delete-tweet', withVariables('delete-tweet', { id: '1' })],
    ['CreateTweet', 'create-tweet', { requestBody: 'variables=not-json' }],
    ['CreateNoteTweet', 'create-note-tweet', { requestBody: null }],
    ['friendships/create', 'friendships-create', { requestBody: 'screen_name=jack', responseBody: '{}' }],
    ['friendships/destroy', 'friendships-destroy', { requestBody: '', responseBody: null }],
  ];

  it.each(cases)('%s (%s, tampered)', (operation, name, patch) => {
    let thrown: unknown;
    try {
      parseXCall(call(name, patch), timeline());
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ShapeError);
    expect((thrown as ShapeError).operation).toBe(operation);
    expect((thrown as ShapeError).message).toMatch(new RegExp(`^${operation}: `));
  });

  it('accepts numeric ids, which X has sent either way', () => {
    const [obs] = parseXCall(call('favorite-tweet', withVariables('favorite-tweet', { tweet_id: 20 })), blank());
    expect(obs?.ref).toBe('20');
  });
});

describe('parseXCall: other requests', () => {
  it('returns nothing for requests the adapter does not know', () => {
    for (const url of [
      'https://x.com/i/api/graphql/-X_hcgQzmHGl29-UXxz4sw/HomeTimeline',
      'https://x.com/i/api/graphql/aoDbu3RHznuiSkQ9aNM67Q/CreateBookmark',
      'https://x.com/i/api/1.1/blocks/create.json',
      'https://example.com/i/api/graphql/lI07N6Otwv1PhnEgXILM7A/FavoriteTweet',
    ]) {
      expect(parseXCall(call('favorite-tweet', { url }), timeline()), url).toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------------------------------

describe('network patterns', () => {
  const queryIds = ['lI07N6Otwv1PhnEgXILM7A', 'SiM_cAu83R0wnrpmKQQSEw', 'a-new-id-2027', 'Z'];

  it('match every known operation whatever the rotating query id, on every X host', () => {
    for (const op of GRAPHQL_OPERATIONS) {
      for (const id of queryIds) {
        for (const host of ['x.com', 'twitter.com', 'mobile.x.com', 'mobile.twitter.com']) {
          const url = `https://${host}/i/api/graphql/${id}/${op}`;
          expect(GRAPHQL_RE.exec(url)?.[1], url).toBe(op);
          expect(X_TAP.requests.test(url), url).toBe(true);
          expect(X_TAP.requests.test(`${url}?variables=%7B%7D`), url).toBe(true);
        }
      }
    }
    expect(FRIENDSHIPS_RE.exec('https://x.com/i/api/1.1/friendships/create.json')?.[1]).toBe('create');
    expect(FRIENDSHIPS_RE.exec('https://twitter.com/i/api/1.1/friendships/destroy.json')?.[1]).toBe('destroy');
  });

  it('do not match reads (GET queries such as timelines and post details) or unrelated mutations', () => {
    for (const url of [
      'https://x.com/i/api/graphql/-X_hcgQzmHGl29-UXxz4sw/HomeTimeline', // POSTed by the web client, but a read
      'https://x.com/i/api/graphql/U0HTv-bAWTBYylwEMT7x5A/TweetDetail?variables=%7B%22focalTweetId%22%3A%2220%22%7D',
      'https://x.com/i/api/graphql/NimuplG1OB7Fd2btCLdBOw/UserByScreenName?variables=%7B%7D',
      'https://x.com/i/api/graphql/LLkw5EcVutJL6y-2gkz22A/Favoriters?variables=%7B%7D',
      'https://x.com/i/api/graphql/IohM3gxQHfvWePH5E3KuNA/Likes?variables=%7B%7D',
      'https://x.com/i/api/graphql/aoDbu3RHznuiSkQ9aNM67Q/CreateBookmark',
      'https://x.com/i/api/graphql/LCVzRQGxOaGnOnYH01NQXg/CreateScheduledTweet',
      'https://x.com/i/api/graphql/abc/FavoriteTweetV2',
      'https://x.com/i/api/graphql/abc/XFavoriteTweet',
      'https://x.com/i/api/graphql/FavoriteTweet',
      'https://x.com/i/api/1.1/friendships/show.json?source_id=1&target_id=12',
      'https://x.com/i/api/1.1/friendships/create.jsonp',
      'https://x.com/i/api/1.1/blocks/create.json',
      'https://x.com/jack/status/20',
      'https://example.com/i/api/graphql/abc/FavoriteTweet',
      'https://x.com.example.com/i/api/graphql/abc/FavoriteTweet',
      'https://notx.com/i/api/graphql/abc/FavoriteTweet',
      'http://x.com/i/api/graphql/abc/FavoriteTweet',
    ]) {
      expect(X_TAP.requests.test(url), url).toBe(false);
    }
  });

  it('read the response bodies the parser needs, and only of tapped requests', () => {
    // The new post's id and the replied-to author, and the followed handle, come from the response.
    expect(X_TAP.responses.test('https://x.com/i/api/graphql/abc/CreateTweet')).toBe(true);
    expect(X_TAP.responses.test('https://x.com/i/api/graphql/abc/CreateNoteTweet')).toBe(true);
    expect(X_TAP.responses.test('https://x.com/i/api/1.1/friendships/create.json')).toBe(true);
    for (const url of [
      'https://x.com/i/api/graphql/abc/HomeTimeline', 'https://x.com/i/api/graphql/abc/TweetDetail',
      'https://x.com/i/api/1.1/friendships/show.json', 'https://x.com/i/api/1.1/dm/new2.json',
    ]) {
      expect(X_TAP.responses.test(url), url).toBe(false);
    }
  });

  it('every fixture URL is tapped', () => {
    for (const name of readdirSync(fixturePath('')).filter((n) => n.endsWith('.json'))) {
      expect(X_TAP.requests.test(fixture(name.replace(/\.json$/, '')).url), name).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------------------

describe('xPageKind', () => {
  const examples: Record<XPageKind, string[]> = {
    timeline: ['https://x.com/home', 'https://twitter.com/home', 'https://x.com/home?lang=es'],
    profile: ['https://x.com/jack', 'https://x.com/jack/', 'https://twitter.com/ana_gives', 'https://x.com/JACK?s=20'],
    post: [
      'https://x.com/jack/status/20', 'https://x.com/jack/status/20/photo/1', 'https://x.com/jack/status/20?s=46',
      'https://x.com/i/status/20',
    ],
    compose: ['https://x.com/compose/post', 'https://x.com/compose/tweet'],
    other: [
      'https://x.com/settings/account', 'https://x.com/i/bookmarks', 'https://x.com/i/lists/123', 'https://x.com/explore',
      'https://x.com/notifications', 'https://x.com/messages', 'https://x.com/search?q=give', 'https://x.com/Settings',
      'https://x.com/', 'https://x.com/jack/status/notanumber', 'https://x.com/a_handle_far_too_long_for_x',
    ],
  };

  for (const [kind, urls] of Object.entries(examples) as [XPageKind, string[]][]) {
    it(`${kind}: its examples are ${kind}, and no other kind's examples are`, () => {
      for (const url of urls) expect(xPageKind(new URL(url)), url).toBe(kind);
      for (const [other, otherUrls] of Object.entries(examples)) {
        if (other === kind) continue;
        for (const url of otherUrls) expect(xPageKind(new URL(url)), url).not.toBe(kind);
      }
    });
  }
});

describe('post URLs', () => {
  it('postUrl and parsePostUrl agree', () => {
    expect(postUrl('jack', '20')).toBe('https://x.com/jack/status/20');
    expect(postUrl(undefined, '20')).toBe('https://x.com/i/status/20');
    expect(parsePostUrl('/jack/status/20')).toEqual({ handle: 'jack', id: '20' });
    expect(parsePostUrl('https://twitter.com/jack/status/20/photo/1')).toEqual({ handle: 'jack', id: '20' });
    expect(parsePostUrl(postUrl('ana_gives', '1861000000000000001'))).toEqual({ handle: 'ana_gives', id: '1861000000000000001' });
    expect(parsePostUrl('/jack')).toBeNull();
    expect(parsePostUrl('/jack/status/')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------------

describe('findPostTarget', () => {
  it('reads the author of a post on the page from its permalink', () => {
    expect(findPostTarget(timeline(), '20')).toEqual({ id: '20', url: 'https://x.com/jack/status/20', author: 'jack' });
    expect(findPostTarget(timeline(), '201')).toEqual({ id: '201', url: 'https://x.com/bob_builds/status/201', author: 'bob_builds' });
  });

  it('reads the original author of a reposted post, not the reposter', () => {
    expect(findPostTarget(timeline(), '1860000000000000077')).toEqual({
      id: '1860000000000000077', url: 'https://x.com/carol_c/status/1860000000000000077', author: 'carol_c',
    });
  });

  it('ignores links outside posts and ids that only share a prefix', () => {
    const doc = timeline();
    // Only the impostor link and post 201 ("/status/201") remain once post 20 is gone.
    doc.querySelector('[aria-labelledby="id__20"]')?.remove();
    expect(findPostTarget(doc, '20')).toEqual({ id: '20', url: 'https://x.com/i/status/20' });
  });

  it('returns the id-only URL for a post that is not on the page', () => {
    expect(findPostTarget(timeline(), '999')).toEqual({ id: '999', url: 'https://x.com/i/status/999' });
  });
});

describe('readIdentity', () => {
  it('reads the signed-in handle from the profile link in the navigation', () => {
    expect(xAdapter.readIdentity(timeline())).toBe('ana_gives');
  });

  it('is null when signed out or when the link does not hold a handle', () => {
    expect(xAdapter.readIdentity(blank())).toBeNull();
    const doc = timeline();
    doc.querySelector(selectors.ownProfileLink)?.setAttribute('href', '/not-a-handle!');
    expect(xAdapter.readIdentity(doc)).toBeNull();
  });
});

describe('checkHealth', () => {
  const home = new URL('https://x.com/home');

  it('is null on a healthy timeline, profile or post page', () => {
    expect(xAdapter.checkHealth(timeline(), home)).toBeNull();
    expect(xAdapter.checkHealth(timeline(), new URL('https://x.com/jack'))).toBeNull();
    expect(xAdapter.checkHealth(timeline(), new URL('https://x.com/jack/status/20'))).toBeNull();
  });

  it("reports 'no-posts' for a rendered timeline without posts", () => {
    const doc = timeline();
    for (const post of doc.querySelectorAll(selectors.postArticle)) post.remove();
    expect(xAdapter.checkHealth(doc, home)).toEqual({ code: 'no-posts', detail: `no ${selectors.postArticle} on the timeline` });
    // A profile or a thread may legitimately have no posts.
    expect(xAdapter.checkHealth(doc, new URL('https://x.com/jack'))).toBeNull();
    expect(xAdapter.checkHealth(doc, new URL('https://x.com/jack/status/20'))).toBeNull();
  });

  it("reports 'no-like-button' when a post has no like (or unlike) button", () => {
    const doc = timeline();
    doc.querySelector('[aria-labelledby="id__77"] [data-testid="like"]')?.remove();
    const problem = xAdapter.checkHealth(doc, home);
    expect(problem?.code).toBe('no-like-button');
    expect(problem?.detail).toContain(selectors.likeButton);
  });

  it('accepts a post whose like button is in the liked state', () => {
    const doc = timeline();
    expect(doc.querySelector('[aria-labelledby="id__20"] [data-testid="unlike"]')).not.toBeNull();
    expect(xAdapter.checkHealth(doc, home)).toBeNull();
  });

  it('says nothing about a page that has not rendered its main column', () => {
    expect(xAdapter.checkHealth(blank(), home)).toBeNull();
  });

  it('judges health only on timelines, profiles and posts (other pages report nothing, however broken)', () => {
    const doc = timeline();
    for (const button of doc.querySelectorAll(selectors.likeButton)) button.remove();
    expect(xAdapter.checkHealth(doc, home)?.code).toBe('no-like-button');
    for (const url of ['https://x.com/home', 'https://x.com/jack', 'https://x.com/jack/status/20']) {
      expect(xAdapter.healthApplies?.(new URL(url)), url).toBe(true);
    }
    for (const url of ['https://x.com/settings/account', 'https://x.com/compose/post', 'https://x.com/i/bookmarks', 'https://x.com/explore']) {
      expect(xAdapter.healthApplies?.(new URL(url)), url).toBe(false);
    }
  });
});
