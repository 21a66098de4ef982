/**
 * YouTube's InnerTube calls that mean the user did something (platforms.md §8.B, confidence M/H: the
 * endpoint names in several clients, e.g. LuanRT/YouTube.js `src/core/endpoints/{like,comment,
 * subscription}/*`). The web client POSTs JSON to www.youtube.com/youtubei/v1/<endpoint>, usually with
 * `?prettyPrint=false` (older builds added `key=`). Each body carries a `context` object (client name,
 * version, language, visitor data): the adapter never reads it.
 *   like/like, like/removelike, like/dislike      {context, target: {videoId}}
 *   comment/create_comment                         {context, createCommentParams, commentText}
 *   comment/create_comment_reply                   {context, createReplyParams, commentText}
 *   comment/perform_comment_action                 {context, actions: [<opaque string>]}
 *   subscription/subscribe, subscription/unsubscribe {context, channelIds: [UC…], params}
 *   backstage/create_post                          {context, createBackstagePostParams, commentText, …}
 *     (a community post; YouTube.js `src/core/managers/PostManager.ts`, confidence M)
 * Everything else (browse, next, player, log_event, the many analytics pings) is left alone: the tap
 * matches only these paths.
 */
import type { TapSpec } from '../types.ts';

export const YT_CALL_RE = /^https:\/\/www\.youtube\.com\/youtubei\/v1\/(like\/(?:like|removelike|dislike)|comment\/(?:create_comment|create_comment_reply|perform_comment_action)|subscription\/(?:subscribe|unsubscribe)|backstage\/create_post)(?:\?|$)/;

export type YoutubeOperation =
  | 'like/like' | 'like/removelike' | 'like/dislike'
  | 'comment/create_comment' | 'comment/create_comment_reply' | 'comment/perform_comment_action'
  | 'subscription/subscribe' | 'subscription/unsubscribe'
  | 'backstage/create_post';

export function operationOf(url: string): YoutubeOperation | null {
  return (YT_CALL_RE.exec(url)?.[1] as YoutubeOperation | undefined) ?? null;
}

export const YOUTUBE_TAP: TapSpec = {
  requests: YT_CALL_RE,
  // Only the creating calls' answers are read: they carry the new comment's or post's id.
  responses: /^https:\/\/www\.youtube\.com\/youtubei\/v1\/(?:comment\/create_comment(?:_reply)?|backstage\/create_post)(?:\?|$)/,
  // Every body's `context` carries the client's visitorData, click-tracking params and the page's
  // originalUrl: only the operations' own fields leave the page (those parse.ts reads, and the post's
  // params beside its attachment).
  jsonFields: [
    'target', 'channelIds', 'actions', 'commentText', 'createCommentParams', 'createReplyParams',
    'createBackstagePostParams', 'videoAttachment',
  ],
  // The answers' `responseContext` carries visitorData too: only the actions (the new comment's or post's
  // id) and the comment entities (its author) are kept.
  responseJsonFields: ['actions', 'frameworkUpdates.entityBatchUpdate.mutations'],
};
