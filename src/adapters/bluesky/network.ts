/**
 * Bluesky's network calls that mean the user did something (platforms.md §2.B, confidence H).
 * The web client (bsky.app) writes to the user's own data server (PDS), e.g.
 * `https://morel.us-east.host.bsky.network/xrpc/com.atproto.repo.createRecord`; self-hosted PDSes have
 * any host name. So the XRPC method is matched on any https host, never a fixed domain:
 *   createRecord — likes, reposts, follows (and posts from other clients)
 *   deleteRecord — unlike, undo repost, unfollow, delete post
 *   applyWrites  — posts and replies from the current composer (a whole thread in one call)
 */
import type { TapSpec } from '../types.ts';

export const XRPC_RE = /^https:\/\/[\w.-]+(?::\d+)?\/xrpc\/com\.atproto\.repo\.(createRecord|deleteRecord|applyWrites)(?:\?|$)/;
export type XrpcMethod = 'createRecord' | 'deleteRecord' | 'applyWrites';

export const COLLECTIONS = {
  post: 'app.bsky.feed.post',
  like: 'app.bsky.feed.like',
  repost: 'app.bsky.feed.repost',
  follow: 'app.bsky.graph.follow',
} as const;

export const BLUESKY_TAP: TapSpec = {
  requests: XRPC_RE,
  // createRecord's answer `{uri, cid}` names the new record (its rkey is what a later deleteRecord
  // carries); applyWrites' answer lists the created records. Both are tiny.
  responses: XRPC_RE,
};
