/**
 * LinkedIn's network calls that mean the user did something (platforms.md §5.B), with confidence:
 * - react: POST /voyager/api/voyagerSocialDashReactions?threadUrn=<urn> {reactionType} (H/M, tomquirk/linkedin-api).
 * - unreact: POST /flagship-web/rsc-action/actions/server-request?sduiid=com.linkedin.sdui.reactions.delete
 *   (M: mguttmann/linkedin-internal-api captured it from the real client, 2026-07-12, and reports that a Voyager
 *   DELETE on voyagerSocialDashReactions answers HTTP 400 in every key format, so the client does not use it
 *   and neither do we). Its sibling `sdui.reactions.create` is counted too (L: named there, not captured).
 * - comment and reply to a comment: POST /voyager/api/voyagerSocialDashNormComments?decorationId=… (M);
 *   deleting one: DELETE …/voyagerSocialDashNormComments/<urn:li:fsd_comment:(…)> (L, rest.li convention,
 *   inferred) or `sdui.comments.deleteComment` (L, named only).
 * - post, and repost with thoughts: POST /voyager/api/graphql?action=execute&queryId=voyagerContentcreationDashShares.<hash> (M);
 *   instant repost: …queryId=voyagerFeedDashReposts.<hash> {entity.rootContentUrn} (L, one third-party client);
 *   delete post: `sdui.update.deletePost` (M, captured by the same source).
 * - follow: POST /voyager/api/feed/dash/followingStates/<urn> {patch.$set.following} (M/L); unfollow:
 *   POST /voyager/api/feed/follows?action=unfollowByEntityUrn {urn} (L, tomquirk/linkedin-api).
 * Query ids after the dot rotate with deployments: only the operation name before it is matched.
 */
import type { TapSpec } from '../types.ts';

const ORIGIN = String.raw`https://www\.linkedin\.com`;

export const REACTIONS_RE = new RegExp(`^${ORIGIN}/voyager/api/voyagerSocialDashReactions(?:\\?|$)`);
/** Group 1: the (URL-encoded) comment key of a DELETE. */
export const COMMENTS_RE = new RegExp(`^${ORIGIN}/voyager/api/voyagerSocialDashNormComments(?:/([^?#]+))?(?:\\?|$)`);
/** Group 1: the GraphQL operation. */
export const GRAPHQL_RE = new RegExp(
  `^${ORIGIN}/voyager/api/graphql\\?(?:[^#]*&)?queryId=(voyagerContentcreationDashShares|voyagerFeedDashReposts)\\.\\w+`,
);
/** Group 1: the (URL-encoded) following-state urn. */
export const FOLLOWING_STATES_RE = new RegExp(`^${ORIGIN}/voyager/api/feed/dash/followingStates/([^?#]+)`);
/** Group 1: follow or unfollow. */
export const FOLLOWS_RE = new RegExp(`^${ORIGIN}/voyager/api/feed/follows\\?(?:[^#]*&)?action=(followByEntityUrn|unfollowByEntityUrn)`);
/** Group 1: the SDUI action id. */
export const SDUI_RE = new RegExp(
  `^${ORIGIN}/flagship-web/rsc-action/actions/server-request\\?(?:[^#]*&)?sduiid=(com\\.linkedin\\.sdui\\.(?:reactions\\.(?:create|delete)|update\\.deletePost|comments\\.deleteComment))(?:&|$)`,
);

const ALL = new RegExp([REACTIONS_RE, COMMENTS_RE, GRAPHQL_RE, FOLLOWING_STATES_RE, FOLLOWS_RE, SDUI_RE].map((re) => re.source).join('|'));

export const LINKEDIN_TAP: TapSpec = {
  requests: ALL,
  // Comment and share replies carry the new item's urn (its own ref, so a delete can undo it); the
  // GraphQL ones may be refusals sent with HTTP 200 (`errors`). Reaction and follow replies are not read.
  responses: new RegExp([COMMENTS_RE, GRAPHQL_RE].map((re) => re.source).join('|')),
};
