/**
 * Reddit's network calls that mean the user did something (platforms.md §4.B).
 *
 * - New UI (shreddit, www.reddit.com): `POST /svc/shreddit/graphql`, JSON `{operation, variables, csrf_token}`.
 *   Operation names `UpdatePostVoteState`, `UpdateCommentVoteState`, `CreatePost`, `CreateProfilePost`
 *   come from several third-party clients, no official source: confidence M. Deleting one's own comment
 *   is `DeleteComment` `{input: {commentId: "t1_…"}}` answered `data.deleteComment.ok` (two independent
 *   third-party account-wipe scripts agree, one reads the answer: M); deleting one's own post is
 *   `DeletePost` `{input: {postId: "t3_…"}}` (one of those scripts only: L). The csrf_token in the body
 *   is never read or kept (parse.ts reads only `operation` and `variables`).
 * - old.reddit: the legacy form API `POST /api/{vote,comment,submit,subscribe,del}`, form-encoded, sent
 *   by old reddit's jQuery client (reddit-archive wiki, RES): confidence H. `/api/del` with `id=<fullname>`
 *   deletes one's own post (t3_) or comment (t1_) (Redd, RedditKit, the Haskell `reddit` package: H). The
 *   `uh` modhash field is never read or kept.
 * Comment creation on shreddit has no known endpoint (platforms.md §13): the adapter confirms it in the
 * page instead (watch.ts).
 */
import type { TapSpec } from '../types.ts';

const HOSTS = String.raw`https://(?:www|old|new)\.reddit\.com`;

export const SHREDDIT_GRAPHQL_RE = new RegExp(`^${HOSTS}/svc/shreddit/graphql(?:\\?|$)`);
export const LEGACY_API_RE = new RegExp(`^${HOSTS}/api/(vote|comment|submit|subscribe|del)(?:\\.json)?(?:\\?|$)`);

export type LegacyEndpoint = 'vote' | 'comment' | 'submit' | 'subscribe' | 'del';

export const SHREDDIT_OPERATIONS = ['UpdatePostVoteState', 'UpdateCommentVoteState', 'CreatePost', 'CreateProfilePost', 'DeletePost', 'DeleteComment'] as const;
export type ShredditOperation = (typeof SHREDDIT_OPERATIONS)[number];

const ALL = new RegExp(`${SHREDDIT_GRAPHQL_RE.source}|${LEGACY_API_RE.source}`);

export const REDDIT_TAP: TapSpec = {
  requests: ALL,
  // Responses are read for the new post's or comment's id and for refusals sent with HTTP 200
  // (GraphQL `ok: false` / `errors`, old reddit's `{"json":{"errors":[…]}}` or jQuery `.error.` commands).
  responses: ALL,
};
