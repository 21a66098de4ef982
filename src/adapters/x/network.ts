/**
 * X's network calls that mean the user did something (platforms.md §1.B).
 * GraphQL: POST /i/api/graphql/<queryId>/<Operation>; the queryId rotates, so match the operation name.
 * Follows are REST: POST /i/api/1.1/friendships/{create,destroy}.json, form-encoded `user_id`.
 */
import type { TapSpec } from '../types.ts';

export const GRAPHQL_OPERATIONS = [
  'FavoriteTweet', 'UnfavoriteTweet', 'CreateTweet', 'CreateNoteTweet', 'CreateRetweet', 'DeleteRetweet', 'DeleteTweet',
] as const;
export type GraphqlOperation = (typeof GRAPHQL_OPERATIONS)[number];

const HOSTS = String.raw`https://(?:[\w-]+\.)?(?:x|twitter)\.com`;

function graphqlRe(operations: readonly string[]): RegExp {
  return new RegExp(`^${HOSTS}/i/api/graphql/[\\w-]+/(${operations.join('|')})(?:\\?|$)`);
}

export const GRAPHQL_RE = graphqlRe(GRAPHQL_OPERATIONS);
export const FRIENDSHIPS_RE = new RegExp(`^${HOSTS}/i/api/1\\.1/friendships/(create|destroy)\\.json(?:\\?|$)`);

const ALL = new RegExp(`${GRAPHQL_RE.source}|${FRIENDSHIPS_RE.source}`);

export const X_TAP: TapSpec = {
  requests: ALL,
  // Every response is read: CreateTweet's carries the new post's id and the replied-to author,
  // friendships' the followed handle, and any GraphQL reply may be a refusal sent with HTTP 200
  // (`{"errors":[…],"data":{}}`, see parse.ts). These mutation replies are small.
  responses: ALL,
};
