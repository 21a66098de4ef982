/**
 * X's GraphQL answers many refusals with HTTP 200 and `{"errors":[…],"data":{}}` (fixture
 * create-tweet-duplicate.json): such a call did nothing and must not count. End to end in
 * tests/e2e/x-capture.test.ts ("… refuses with HTTP 200 and errors …").
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { NetworkCall } from '../types.ts';
import { X_TAP } from './network.ts';
import { isGraphqlRefusal, parseXCall } from './parse.ts';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

function call(name: string, patch: Partial<NetworkCall> = {}): NetworkCall {
  const f = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as {
    method: string; url: string; status: number; request: unknown; response: unknown;
  };
  return {
    method: f.method, url: f.url, status: f.status,
    requestBody: typeof f.request === 'string' ? f.request : JSON.stringify(f.request),
    responseBody: JSON.stringify(f.response), startedAt: Date.UTC(2026, 10, 23, 10, 15), ...patch,
  };
}

const refused = (op: string): string => JSON.stringify({
  errors: [{ message: `Authorization: refused (${op})`, path: [op], extensions: { code: 139 }, code: 139 }], data: {},
});

describe('GraphQL refusals sent with HTTP 200', () => {
  it('a duplicate post (errors, empty data) is a refusal and stores nothing', () => {
    const duplicate = call('create-tweet-duplicate');
    expect(isGraphqlRefusal(duplicate.responseBody)).toBe(true);
    expect(parseXCall(duplicate, document)).toEqual([]);
  });

  it('likes, reposts and deletes refused the same way store nothing either', () => {
    for (const [name, op] of [
      ['favorite-tweet', 'favorite_tweet'], ['unfavorite-tweet', 'unfavorite_tweet'], ['create-retweet', 'create_retweet'],
      ['delete-retweet', 'unretweet'], ['delete-tweet', 'delete_tweet'],
    ] as const) {
      expect(parseXCall(call(name, { responseBody: refused(op) }), document), name).toEqual([]);
    }
  });

  it('errors next to an empty result object are still a refusal', () => {
    expect(isGraphqlRefusal('{"errors":[{"code":187}],"data":{"create_tweet":{"tweet_results":{}}}}')).toBe(true);
    expect(isGraphqlRefusal('{"errors":[{"code":187}]}')).toBe(true);
  });

  it('success, partial success, an empty errors list and an unread body are not refusals', () => {
    for (const name of ['create-tweet', 'favorite-tweet', 'delete-tweet', 'create-retweet']) {
      expect(isGraphqlRefusal(call(name).responseBody), name).toBe(false);
      expect(parseXCall(call(name), document).length, name).toBe(1);
    }
    expect(isGraphqlRefusal('{"errors":[{"code":326}],"data":{"favorite_tweet":"Done"}}')).toBe(false);
    expect(isGraphqlRefusal('{"errors":[]}')).toBe(false);
    expect(isGraphqlRefusal(null)).toBe(false);
    expect(isGraphqlRefusal('not json')).toBe(false);
    // A like whose response the tap could not read still counts, as before.
    expect(parseXCall(call('favorite-tweet', { responseBody: null }), document)).toHaveLength(1);
  });

  it('the tap reads the response of every tapped GraphQL mutation, so a refusal can be seen', () => {
    for (const op of ['FavoriteTweet', 'UnfavoriteTweet', 'CreateRetweet', 'DeleteRetweet', 'DeleteTweet', 'CreateTweet']) {
      expect(X_TAP.responses.test(`https://x.com/i/api/graphql/abc/${op}`), op).toBe(true);
    }
  });
});
