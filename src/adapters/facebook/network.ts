/**
 * Facebook's network calls that mean the user did something (platforms.md §7.B). Every one is
 * `POST https://www.facebook.com/api/graphql/`, form-encoded; the action is named by the body's
 * `fb_api_req_friendly_name` field (also the `x-fb-friendly-name` header, which the tap never reads) and
 * its arguments sit in the `variables` field, a JSON string. `doc_id` rotates with deployments and is
 * never matched. Confidence per operation:
 * - react / unreact: `CometUFIFeedbackReactMutation` (H/M: mozilla-rally/web-science 2022 and many
 *   2024-2026 clients), older `UFI2FeedbackReactMutation` (H, web-science). Removing a reaction is sent by
 *   the same mutation with no reaction: `feedback_reaction_id` null/"0", or the older numeric
 *   `feedback_reaction: 0` (L: one maintained client, fca-unofficial setPostReaction, maps "unlike" to 0;
 *   not captured from the live site). Because of that the DOM confirms an unreact too (watch.ts).
 * - comment, reply to a comment: `useCometUFICreateCommentMutation` (M; platforms.md §7.B notes that
 *   web-science's `UFI2CreateCommentMutation` no longer matches), `CometUFICreateCommentMutation` (L, one
 *   client). A reply carries `reply_comment_parent_fbid` = base64 `comment:<post>_<comment>` (M, several
 *   2025-2026 clients).
 * - delete a comment: `useCometUFIDeleteCommentMutation` (M) and `CometUFIDeleteCommentMutation` (M, a
 *   2026-09 client's registry lists both), `input.comment_id` = base64 `comment:<post>_<comment>`.
 * - post: `ComposerStoryCreateMutation` (H/M); a share through the composer is the same mutation with
 *   `input.composer_type == "share"` or a `share_scrape_data` attachment (M).
 * - instant reshare: `useCometFeedToFeedReshare_FeedToFeedMutation` (H/M), the shared post in
 *   `input.attachments.link.share_scrape_data` (`{"share_type":22,"share_params":[<post id>]}`, M).
 * Not covered: deleting an own post (its mutation name was not found) and follows (not researched). A body
 * sent as FormData or a Blob would not be read (the tap reads text bodies; the clients above all send text).
 */
import type { TapSpec } from '../types.ts';
import { FRIENDLY_NAME_FIELD } from '../meta-graphql.ts';

export const REACT_OPERATIONS = ['CometUFIFeedbackReactMutation', 'UFI2FeedbackReactMutation'] as const;
export const COMMENT_OPERATIONS = ['useCometUFICreateCommentMutation', 'CometUFICreateCommentMutation'] as const;
export const COMMENT_DELETE_OPERATIONS = ['useCometUFIDeleteCommentMutation', 'CometUFIDeleteCommentMutation'] as const;
export const POST_OPERATIONS = ['ComposerStoryCreateMutation'] as const;
export const RESHARE_OPERATIONS = ['useCometFeedToFeedReshare_FeedToFeedMutation'] as const;

export const OPERATIONS = [
  ...REACT_OPERATIONS, ...COMMENT_OPERATIONS, ...COMMENT_DELETE_OPERATIONS, ...POST_OPERATIONS, ...RESHARE_OPERATIONS,
] as const;
export type Operation = (typeof OPERATIONS)[number];

export const GRAPHQL_RE = /^https:\/\/www\.facebook\.com\/api\/graphql\/?(?:\?|$)/;

/** The body field that names the operation (form-encoded; the names above need no escaping). */
export { FRIENDLY_NAME_FIELD };

export const FACEBOOK_TAP: TapSpec = {
  requests: GRAPHQL_RE,
  // The feed itself pages through the same endpoint (CometNewsFeedPaginationQuery and hundreds of other
  // queries, with large replies): only bodies naming one of the mutations above are relayed and read.
  bodies: new RegExp(`(?:^|&)${FRIENDLY_NAME_FIELD}=(?:${OPERATIONS.join('|')})(?:&|$)`),
  // The body also carries fb_dtsg, lsd, jazoest, __user, av, __hs…: none of them leaves the page's world.
  formFields: [FRIENDLY_NAME_FIELD, 'variables'],
  // `variables` also carries the actor's id, session ids, tracking blobs, idempotence tokens and
  // attribution trails: only the inputs parse.ts reads leave the page. The last line is where a post
  // goes (whose timeline, which composer, a group's or not): the post-on-someone-else's-timeline check.
  formJsonFields: {
    variables: [
      'input.feedback_id', 'input.feedback_reaction_id', 'input.feedback_reaction', 'input.message.text',
      'input.attachments.link.share_scrape_data', 'input.reply_comment_parent_fbid', 'input.comment_id',
      'input.composer_type',
      'input.audience.to_id', 'input.composer_source_surface', 'isGroup', 'isTimeline', 'feedLocation',
    ],
  },
  // Replies carry the new comment's or story's id, and refusals sent with HTTP 200 (`errors`).
  responses: GRAPHQL_RE,
};
