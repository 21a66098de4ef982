/**
 * YouTube InnerTube requests → observations (network.ts lists the calls; platforms.md §8.B).
 *
 * Refs: the video id for video likes (so removelike and dislike find the like again, after any reload),
 * the channel id (UC…) for subscriptions, the new comment's or post's own id for comments, replies and
 * community posts. Comment likes are keyed by the comment id (watch.ts). Authors are channel handles
 * without the `@`, as readIdentity gives the user's own.
 *
 * Only the fields named here are read from the bodies: never `context` (client info, visitor data)
 * and nothing from headers (the tap never sees them).
 */
import { findInJson, parseJson, pick, str } from '../../shared/json.ts';
import type { Target } from '../../shared/events.ts';
import type { Observation } from '../../shared/observations.ts';
import { ShapeError, type NetworkCall } from '../types.ts';
import { operationOf } from './network.ts';
import { protoStrings } from './proto.ts';
import {
  ORIGIN, channelUrl, commentIdOf, commentUrl, handleOf, postIdOf, postUrl, videoIdOf, watchUrl, youtubePageKind,
} from './routes.ts';
import { selectors } from './selectors.ts';

export interface YoutubeState {
  /** The user's own handle, learnt from the answer to their own comment or post. */
  handle: string | null;
  /**
   * When a comment action the page sent last succeeded, by the comment it acted on (watch.ts waits for
   * it). Keyed by comment id so that one comment's success never confirms another comment's click whose
   * request failed (YouTube rolls that one back a moment later).
   */
  commentActionOkAt: Map<string, number>;
}

export const HANDLE_RE = /^[\w.-]{1,100}$/;
const VIDEO_RE = /^[\w-]{11}$/;
const CHANNEL_RE = /^UC[\w-]{22}$/;
const ID_RE = /^[\w.-]{1,200}$/;
/** Longer than watch.ts waits for a flip to settle after a click. */
const COMMENT_ACTION_KEEP_MS = 60_000;

function pageUrl(doc: Document): URL | null {
  const href = doc.defaultView?.location.href;
  try {
    return href ? new URL(href) : null;
  } catch {
    return null;
  }
}

/** The handle of the channel whose video the page shows, when the page shows this video. */
function videoOwner(doc: Document, videoId: string): string | undefined {
  const url = pageUrl(doc);
  if (!url || videoIdOf(url) !== videoId) return undefined;
  return handleOf(doc.querySelector(selectors.ownerLink)?.getAttribute('href')) ?? undefined;
}

export function videoTarget(doc: Document, videoId: string): Target {
  const author = videoOwner(doc, videoId);
  return { id: videoId, url: watchUrl(videoId), ...(author ? { author } : {}) };
}

/** The comment with this id on the page, found by its permalink. */
export function findComment(doc: Document, commentId: string): Element | null {
  for (const link of doc.querySelectorAll(selectors.commentLink)) {
    if (commentIdOf(link.getAttribute('href')) === commentId) return link.closest(selectors.comment);
  }
  return null;
}

export function commentTarget(doc: Document, commentId: string, videoId: string | null): Target {
  const comment = findComment(doc, commentId);
  const author = handleOf(comment?.querySelector(selectors.commentAuthor)?.getAttribute('href'));
  const url = commentUrl(videoId, commentId);
  return { id: commentId, ...(url ? { url } : {}), ...(author ? { author } : {}) };
}

/**
 * The community post whose comment box is open, off its /post/<id> page (the Posts tab, the home feed):
 * the box sits in the post's thread renderer, whose timestamp links to /post/<id>. Only when exactly one
 * post has a box open, so a comment is never pinned on the wrong post.
 */
function openPostTarget(doc: Document): Target | null {
  const threads = new Set<Element>();
  for (const box of doc.querySelectorAll(selectors.commentBox)) {
    const thread = box.closest(selectors.backstagePost);
    if (thread) threads.add(thread);
  }
  const [thread] = threads;
  if (!thread || threads.size !== 1) return null;
  let postId: string | null = null;
  try {
    const href = thread.querySelector(selectors.backstagePostLink)?.getAttribute('href');
    postId = href ? postIdOf(new URL(href, ORIGIN)) : null;
  } catch {
    postId = null;
  }
  if (!postId) return null;
  const author = handleOf(thread.querySelector(selectors.backstageAuthor)?.getAttribute('href'));
  return { id: postId, url: postUrl(postId), ...(author ? { author } : {}) };
}

/** The channel a subscribe call is for: its handle from a channel page, or the watched video's owner. */
function channelTarget(doc: Document, channelId: string): Target {
  const url = pageUrl(doc);
  let handle: string | null = null;
  if (url) {
    const kind = youtubePageKind(url);
    if (kind === 'channel' || kind === 'posts') handle = handleOf(url.pathname);
    else if (kind === 'watch' || kind === 'shorts') handle = handleOf(doc.querySelector(selectors.ownerLink)?.getAttribute('href'));
  }
  return { id: channelId, url: channelUrl(channelId, handle), ...(handle ? { author: handle } : {}) };
}

function body(call: NetworkCall, op: string): Record<string, unknown> {
  const json = parseJson(call.requestBody);
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new ShapeError(op, 'request body is not a JSON object');
  return json as Record<string, unknown>;
}

function commentText(fields: Record<string, unknown>, op: string): string {
  const text = fields.commentText;
  if (typeof text !== 'string') throw new ShapeError(op, 'no commentText');
  return text;
}

/**
 * The first value under `key` anywhere below `value` that `accept` takes. The creating calls' answers
 * nest the new id in renderers whose shape changes (commentRenderer → commentViewModel in 2024), so the
 * key is looked for rather than a path.
 */
function findUnder(value: unknown, key: string, accept: (found: unknown) => boolean): unknown {
  return findInJson(value, (found, k) => k === key && accept(found), 12);
}
const isObject = (v: unknown): boolean => v !== null && typeof v === 'object';
const findKey = (value: unknown, key: string): string | undefined => str(findUnder(value, key, (v) => str(v) !== undefined));

/** The first action of the answer's `actions` list that has `name`. */
function action(answer: unknown, name: string): unknown {
  const actions = pick(answer, 'actions');
  if (!Array.isArray(actions)) return undefined;
  for (const a of actions) {
    const found = pick(a, name);
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * The author of the new comment as the answer names it: the comment entity's `author.displayName`
 * (`@handle`, 2024 view models) or, in the older renderer, its author link
 * (`authorEndpoint.browseEndpoint.canonicalBaseUrl`, `/@handle`). Only the created comment is looked
 * at: the answer may name other channels (the video's creator) elsewhere.
 */
function ownHandleIn(answer: unknown, created: unknown, commentId: string): string | null {
  const mutations = pick(answer, 'frameworkUpdates.entityBatchUpdate.mutations');
  if (Array.isArray(mutations)) {
    for (const m of mutations) {
      const entity = pick(m, 'payload.commentEntityPayload');
      if (!entity || str(pick(entity, 'properties.commentId')) !== commentId) continue;
      const name = str(pick(entity, 'author.displayName'));
      if (name?.startsWith('@') && HANDLE_RE.test(name.slice(1))) return name.slice(1);
    }
  }
  const renderer = findUnder(created, 'commentRenderer', isObject);
  return handleOf(str(pick(renderer, 'authorEndpoint.browseEndpoint.canonicalBaseUrl')));
}

/** The created comment (the answer's `actionName` action) and its id. */
function newComment(answer: unknown, actionName: string, op: string): { id: string; created: unknown } {
  const created = action(answer, actionName);
  const id = findKey(created, 'commentId');
  if (!id || !ID_RE.test(id)) throw new ShapeError(op, `answer without ${actionName} comment id`);
  return { id, created };
}

export function parseYoutubeCall(state: YoutubeState, call: NetworkCall, doc: Document): Observation[] {
  const op = operationOf(call.url);
  if (!op || call.method !== 'POST') return [];
  const at = call.startedAt;
  const fields = body(call, op);
  switch (op) {
    case 'like/like':
    case 'like/removelike':
    case 'like/dislike': {
      const videoId = str(pick(fields, 'target.videoId'));
      if (!videoId || !VIDEO_RE.test(videoId)) throw new ShapeError(op, 'no target.videoId');
      if (op === 'like/like') return [{ op: 'did', platform: 'youtube', kind: 'like', ref: videoId, at, target: videoTarget(doc, videoId) }];
      // A dislike is not a give, but it replaces a like the video had: the like is undone.
      return [{ op: 'undid', platform: 'youtube', kinds: ['like'], ref: videoId, at }];
    }
    case 'subscription/subscribe':
    case 'subscription/unsubscribe': {
      const ids = fields.channelIds;
      const channelId = Array.isArray(ids) ? str(ids[0]) : undefined;
      if (!channelId || !CHANNEL_RE.test(channelId)) throw new ShapeError(op, 'no channelIds[0]');
      if (op === 'subscription/unsubscribe') return [{ op: 'undid', platform: 'youtube', kinds: ['follow'], ref: channelId, at }];
      return [{ op: 'did', platform: 'youtube', kind: 'follow', ref: channelId, at, target: channelTarget(doc, channelId) }];
    }
    case 'comment/create_comment': {
      const text = commentText(fields, op);
      const params = str(fields.createCommentParams);
      if (!params) throw new ShapeError(op, 'no createCommentParams');
      const answer = parseJson(call.responseBody);
      const { id, created } = newComment(answer, 'createCommentAction', op);
      const own = ownHandleIn(answer, created, id);
      if (own) state.handle = own;
      const url = pageUrl(doc);
      // CreateCommentParams field 2 is the video (proto.ts); on a community post it is absent (the
      // YouTube.js layout names no post field, so none is guessed at) and the page tells the post: its
      // /post/<id> URL, or on the Posts tab or a feed the post whose comment box is open.
      const fromParams = protoStrings(params).get(2);
      const videoId = fromParams && VIDEO_RE.test(fromParams) ? fromParams : url ? videoIdOf(url) : null;
      const postId = url ? postIdOf(url) : null;
      let target: Target;
      if (videoId) target = videoTarget(doc, videoId);
      else if (postId) {
        const author = handleOf(doc.querySelector(`${selectors.backstagePost} ${selectors.backstageAuthor}`)?.getAttribute('href'));
        target = { id: postId, url: postUrl(postId), ...(author ? { author } : {}) };
      }
      // The comment was made (the answer carries its id): when the page does not say on what, it is
      // still a reply, only without a target, rather than a lost give and a degraded health report.
      else target = openPostTarget(doc) ?? {};
      return [{ op: 'did', platform: 'youtube', kind: 'reply', ref: id, at, text, target }];
    }
    case 'comment/create_comment_reply': {
      const text = commentText(fields, op);
      const params = str(fields.createReplyParams);
      if (!params) throw new ShapeError(op, 'no createReplyParams');
      const decoded = protoStrings(params);
      const parent = decoded.get(4);
      if (!parent || !ID_RE.test(parent)) throw new ShapeError(op, 'createReplyParams without the parent comment id');
      const answer = parseJson(call.responseBody);
      const { id, created } = newComment(answer, 'createCommentReplyAction', op);
      const own = ownHandleIn(answer, created, id);
      if (own) state.handle = own;
      const video = decoded.get(2);
      const url = pageUrl(doc);
      const videoId = video && VIDEO_RE.test(video) ? video : url ? videoIdOf(url) : null;
      return [{ op: 'did', platform: 'youtube', kind: 'reply', ref: id, at, text, target: commentTarget(doc, parent, videoId) }];
    }
    case 'comment/perform_comment_action': {
      // The action is an opaque protobuf whose like/unlike codes no sound source pins down (YouTube.js
      // encodes 5 for like, nothing for undo): the like itself is confirmed in the page (watch.ts), and
      // this success is only noted so the watch can count at once instead of waiting.
      // Its field 3 is the comment id (YouTube.js ProtoUtils.encodeCommentActionParams, confidence M): without
      // one, nothing is noted and the watch waits for the flip to settle instead.
      const actions = fields.actions;
      if (!Array.isArray(actions) || actions.length === 0 || typeof actions[0] !== 'string') throw new ShapeError(op, 'no actions[0]');
      const commentId = protoStrings(actions[0]).get(3);
      if (!commentId || !ID_RE.test(commentId)) return [];
      // Only the last few seconds matter to the watch; older entries are dropped so the map stays small.
      for (const [id, okAt] of state.commentActionOkAt) if (okAt < at - COMMENT_ACTION_KEEP_MS) state.commentActionOkAt.delete(id);
      state.commentActionOkAt.set(commentId, Math.max(state.commentActionOkAt.get(commentId) ?? 0, at));
      return [];
    }
    case 'backstage/create_post': {
      const text = commentText(fields, op);
      const answer = parseJson(call.responseBody);
      // YouTube.js PostManager reads the post id from the runAttestationCommand's ids (externalPostId);
      // the added post's renderer carries it as postId.
      const id = findKey(action(answer, 'runAttestationCommand'), 'externalPostId') ?? findKey(action(answer, 'addBackstagePostAction'), 'postId');
      if (!id || !ID_RE.test(id)) throw new ShapeError(op, 'answer without the new post id');
      const attached = str(pick(fields, 'videoAttachment.videoId'));
      // The composer exists only on the user's own channel, so the Posts tab's handle is the user's.
      const author = state.handle ?? postsPageHandle(doc) ?? undefined;
      if (!state.handle && author) state.handle = author;
      return [{
        op: 'did', platform: 'youtube', kind: 'post', ref: id, at, text,
        target: { id, url: postUrl(id), ...(author ? { author } : {}) },
        ...(attached && VIDEO_RE.test(attached) ? { links: [watchUrl(attached)] } : {}),
      }];
    }
    default:
      return [];
  }
}

/** On the user's own channel's Posts tab (the only place the post composer is), the handle in the path. */
function postsPageHandle(doc: Document): string | null {
  const url = pageUrl(doc);
  return url && youtubePageKind(url) === 'posts' ? handleOf(url.pathname) : null;
}

