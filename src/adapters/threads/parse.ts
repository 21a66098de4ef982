/**
 * Threads requests → observations (network.ts lists the calls and their confidence).
 *
 * Refs (the `<ref>` in `threads:<kind>:<ref>`): a post's numeric media pk for everything the network
 * names — own posts, replies and quotes (from the configure answer, so a delete, which sends
 * `<pk>_<user id>`, finds them), reposts (the reposted pk) — and the account's numeric id for follows.
 * Likes are confirmed in the page (watch.ts), where only the post code (`C9xAbCdEfGh`) is shown: their
 * ref is that code. Each action has one source, so the two id spaces never meet in one event.
 *
 * Only the form fields `fb_api_req_friendly_name`, `variables` and `signed_body` are read (the tap drops
 * the rest, tokens included); of signed_body's JSON only caption, text_post_app_info and the link.
 */
import { parseJson, pick, str } from '../../shared/json.ts';
import { localRef } from '../../shared/local-ref.ts';
import type { Target } from '../../shared/events.ts';
import type { Observation } from '../../shared/observations.ts';
import { FRIENDLY_NAME_FIELD, isMetaRefusal, parseMetaResponse, readMetaForm } from '../meta-graphql.ts';
import { ShapeError, type NetworkCall } from '../types.ts';
import { CONFIGURE_RE, GRAPHQL_RE, isLikeMutation, mutationAction } from './network.ts';
import { postUrl, profileUrl } from './routes.ts';
import type { ClickContext, ThreadsSession } from './session.ts';

/** `3467123456789012345_63055343223` → `3467123456789012345`. */
function mediaPk(id: string): string {
  return id.split('_')[0] ?? id;
}

function clickedTarget(id: string, context: ClickContext | null): Target {
  if (!context?.author) return { id };
  return { id, author: context.author, url: context.code ? postUrl(context.author, context.code) : profileUrl(context.author) };
}

/**
 * The post a reply, quote or repost is about. One of the user's own posts from this page (parts 2+ of a
 * thread reply to the part before, with no Reply click) is named as theirs, so it counts as an action in
 * their own thread, not a give (product.md). Otherwise the author and URL come from a click on that very
 * post only: a click on another post (the last Reply clicked, minutes ago) says nothing about this one.
 */
function postTarget(pk: string, click: ClickContext | null, session: ThreadsSession, me: string | null, at: number): Target {
  if (session.ownPosts.has(pk)) {
    const code = session.ownPosts.get(pk);
    return { id: pk, ...(me ? { author: me, ...(code ? { url: postUrl(me, code) } : {}) } : {}) };
  }
  return clickedTarget(pk, session.forPost(click, pk, at));
}

function parseConfigure(call: NetworkCall, endpoint: string, session: ThreadsSession, ownHandle: string | null): Observation[] {
  // Every configure call is one of the user's own posts, so one that cannot be read is a health problem,
  // never silence: a body that is not a form (null here: FormData, a Blob) and a form without
  // signed_body (the tap keeps only FORM_FIELDS, so it arrives empty) each say so.
  if (call.requestBody === null) throw new ShapeError(endpoint, 'request body is not a readable form');
  const signed = new URLSearchParams(call.requestBody).get('signed_body');
  if (!signed) throw new ShapeError(endpoint, 'missing signed_body');
  // `SIGNATURE.{json}`: the web client's signature is a placeholder; only the JSON after the first dot is read.
  const body = parseJson(signed.slice(signed.indexOf('.') + 1));
  if (!body || typeof body !== 'object') throw new ShapeError(endpoint, 'signed_body holds no JSON');
  const caption = pick(body, 'caption');
  if (typeof caption !== 'string') throw new ShapeError(endpoint, 'missing caption');
  // The client sends text_post_app_info as an object or as a JSON string (both seen in third-party code).
  const rawInfo = pick(body, 'text_post_app_info');
  const info = typeof rawInfo === 'string' ? parseJson(rawInfo) : rawInfo;
  if (!info || typeof info !== 'object') throw new ShapeError(endpoint, 'missing text_post_app_info');

  const response = parseMetaResponse(call.responseBody)[0];
  if (str(pick(response, 'status')) === 'fail') return [];
  const pk = str(pick(response, 'media.pk')) ?? (str(pick(response, 'media.id')) ? mediaPk(str(pick(response, 'media.id')) ?? '') : undefined);
  const code = str(pick(response, 'media.code'));
  const username = str(pick(response, 'media.user.username'))?.toLowerCase();
  if (username) session.me = username;
  const me = username ?? ownHandle;
  const at = call.startedAt;
  const ref = pk ?? localRef(caption, at);
  if (pk) session.rememberOwnPost(pk, code ?? null);
  const base = { op: 'did' as const, platform: 'threads' as const, ref, at, text: caption };

  const replyTo = str(pick(info, 'reply_id'));
  if (replyTo) return [{ ...base, kind: 'reply', target: postTarget(mediaPk(replyTo), session.replyClick, session, me, at) }];
  const quoted = str(pick(info, 'quoted_post_id'));
  if (quoted) return [{ ...base, kind: 'quote', target: postTarget(mediaPk(quoted), session.repostClick, session, me, at) }];
  const link = str(pick(info, 'link_attachment_url'));
  return [{
    ...base,
    kind: 'post',
    target: { ...(pk ? { id: pk } : {}), ...(me ? { author: me } : {}), ...(me && code ? { url: postUrl(me, code) } : {}) },
    ...(link ? { links: [link] } : {}),
  }];
}

function parseGraphql(call: NetworkCall, session: ThreadsSession, ownHandle: string | null): Observation[] {
  const form = new URLSearchParams(call.requestBody ?? '');
  const likeName = form.get(FRIENDLY_NAME_FIELD);
  if (likeName && isLikeMutation(likeName)) {
    // Only noted for watch.ts, which counts the like itself. No media id: nothing to note, and the
    // watch falls back to the icon alone (a like is still counted), so this is no health problem.
    const media = str(pick(parseJson(form.get('variables')), 'media_id'));
    if (media) session.noteLikeCall(mediaPk(media), call.startedAt, !isMetaRefusal(call.responseBody));
    return [];
  }
  const op = readMetaForm(call.requestBody, (name) => mutationAction(name) !== null);
  const action = op && mutationAction(op.name);
  if (!op || !action) return [];
  if (isMetaRefusal(call.responseBody)) return [];
  const { name, variables } = op;
  const at = call.startedAt;

  if (action === 'follow' || action === 'unfollow') {
    const user = str(pick(variables, 'target_user_id')) ?? str(pick(variables, 'userID')) ?? str(pick(variables, 'user_id'));
    if (!user) throw new ShapeError(name, 'missing target_user_id');
    if (action === 'unfollow') return [{ op: 'undid', platform: 'threads', kinds: ['follow'], ref: user, at }];
    const author = session.recent(session.followClick, at)?.author;
    // Used up: a later follow without a click of its own (a button this adapter does not know) must not
    // be named after this one's account.
    session.followClick = null;
    return [{ op: 'did', platform: 'threads', kind: 'follow', ref: user, at, target: { id: user, ...(author ? { author, url: profileUrl(author) } : {}) } }];
  }

  const media = str(pick(variables, 'media_id')) ?? str(pick(variables, 'mediaID')) ?? str(pick(variables, 'post_id'));
  if (!media) throw new ShapeError(name, 'missing media_id');
  const pk = mediaPk(media);
  switch (action) {
    case 'repost':
      return [{ op: 'did', platform: 'threads', kind: 'repost', ref: pk, at, target: postTarget(pk, session.repostClick, session, ownHandle, at) }];
    case 'unrepost':
      return [{ op: 'undid', platform: 'threads', kinds: ['repost'], ref: pk, at }];
    case 'delete':
      return [{ op: 'undid', platform: 'threads', kinds: ['post', 'reply', 'quote'], ref: pk, at }];
  }
}

export function parseThreadsCall(call: NetworkCall, session: ThreadsSession, ownHandle: string | null): Observation[] {
  if (call.method !== 'POST') return [];
  const configure = CONFIGURE_RE.exec(call.url);
  if (configure?.[1]) return parseConfigure(call, configure[1], session, ownHandle);
  if (GRAPHQL_RE.test(call.url)) return parseGraphql(call, session, ownHandle ?? session.me);
  return [];
}
