/**
 * LinkedIn requests → observations (network.ts lists the calls and their confidence). Refs and target
 * ids are full urns (`urn:li:activity:…`, `urn:li:comment:(activity:…,…)`): LinkedIn's ids live in several
 * urn spaces whose numbers differ (a post's share id is not its activity id, platforms.md §5.A).
 *
 * The reaction type (LIKE, PRAISE, EMPATHY…) is read but not stored: the event model has no field for
 * it and the public export format stays unchanged; every reaction is kind `like`.
 * The csrf-token header and the JSESSIONID cookie are never read (the page tap never sees headers).
 */
import { parseJson, pick, str } from '../../shared/json.ts';
import type { Observation } from '../../shared/observations.ts';
import { ShapeError, type NetworkCall } from '../types.ts';
import { targetOf } from './dom.ts';
import { COMMENTS_RE, FOLLOWING_STATES_RE, FOLLOWS_RE, GRAPHQL_RE, REACTIONS_RE, SDUI_RE } from './network.ts';
import { authorUrl, commentUrn, parseCommentUrn, plainUrn, postUrl } from './routes.ts';
import type { LinkedInSession } from './session.ts';
import { localRef } from '../../shared/local-ref.ts';

const POST_URN_RE = /urn:li:(?:activity|share|ugcPost):\d+/;

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * LinkedIn's GraphQL answers a refused mutation with HTTP 200 and `errors`, at the top or under `data`
 * (mguttmann/linkedin-internal-api 04-WRITE-OPERATIONS.md: "returns HTTP 200 even on a validation error —
 * check data.errors"). Such a call did nothing.
 */
export function isGraphqlRefusal(responseBody: string | null): boolean {
  const response = parseJson(responseBody);
  for (const errors of [pick(response, 'errors'), pick(response, 'data.errors')]) {
    if (Array.isArray(errors) && errors.length > 0) return true;
  }
  return false;
}

/** The first post urn a reply names, preferring the activity (what the feed and deletes use). */
function createdPostUrn(responseBody: string | null): string | null {
  const text = responseBody ?? '';
  return /urn:li:activity:\d+/.exec(text)?.[0] ?? POST_URN_RE.exec(text)?.[0] ?? null;
}

function parseReaction(call: NetworkCall, doc: Document): Observation[] {
  const op = 'voyagerSocialDashReactions';
  if (call.method !== 'POST') return [];
  const thread = str(new URL(call.url).searchParams.get('threadUrn'));
  if (!thread) throw new ShapeError(op, 'missing threadUrn');
  // Read to check the shape only (see the file comment).
  if (!str(pick(parseJson(call.requestBody), 'reactionType'))) throw new ShapeError(op, 'missing reactionType');
  return [{ op: 'did', platform: 'linkedin', kind: 'like', ref: thread, at: call.startedAt, target: targetOf(doc, thread) }];
}

function parseComment(call: NetworkCall, doc: Document, key: string | undefined): Observation[] {
  const op = 'voyagerSocialDashNormComments';
  if (call.method === 'DELETE') {
    const parsed = key ? parseCommentUrn(decode(key)) : null;
    if (!parsed) throw new ShapeError(op, 'DELETE without a comment urn');
    return [{ op: 'undid', platform: 'linkedin', kinds: ['reply'], ref: commentUrn(parsed.activity, parsed.comment), at: call.startedAt }];
  }
  if (call.method !== 'POST' || key) return [];
  const body = parseJson(call.requestBody);
  const thread = str(pick(body, 'threadUrn'));
  const text = str(pick(body, 'commentary.text')) ?? '';
  if (!thread) throw new ShapeError(op, 'missing threadUrn');
  const created = parseCommentUrn(call.responseBody ?? '');
  const ref = created ? commentUrn(created.activity, created.comment) : localRef(text, call.startedAt);
  // A reply to a comment has the comment as its thread; its target is that comment and its author.
  const parent = parseCommentUrn(thread);
  const target = targetOf(doc, parent ? commentUrn(parent.activity, parent.comment) : thread);
  return [{ op: 'did', platform: 'linkedin', kind: 'reply', ref, at: call.startedAt, text, target }];
}

function parseGraphql(call: NetworkCall, doc: Document, operation: string, session: LinkedInSession, ownHandle: string | null): Observation[] {
  if (isGraphqlRefusal(call.responseBody)) return [];
  const variables = pick(parseJson(call.requestBody), 'variables');
  if (!variables || typeof variables !== 'object') throw new ShapeError(operation, 'request body has no variables');
  const at = call.startedAt;
  const clicked = session.recent(session.repostClick, at);
  const created = createdPostUrn(call.responseBody);

  if (operation === 'voyagerFeedDashReposts') {
    const root = str(pick(variables, 'entity.rootContentUrn'));
    if (!root) throw new ShapeError(operation, 'missing entity.rootContentUrn');
    if (created) session.reposts.set(created, root);
    return [{ op: 'did', platform: 'linkedin', kind: 'repost', ref: root, at, target: targetOf(doc, root, clicked?.author) }];
  }

  const post = pick(variables, 'post');
  if (!post || typeof post !== 'object') throw new ShapeError(operation, 'missing variables.post');
  // Editing an existing post sends the same mutation with the post's urn: not a new action.
  if (str(pick(variables, 'resourceKey')) ?? str(pick(post, 'updateUrn')) ?? str(pick(variables, 'updateUrn'))) return [];
  // Scheduled and draft posts are not published (yet).
  const state = str(pick(post, 'intendedShareLifeCycleState'));
  if (state && state !== 'PUBLISHED') return [];
  const text = str(pick(post, 'commentary.text')) ?? '';
  const ref = created ?? localRef(text, at);
  // A reshare names its parent; LinkedIn's own client also sets origin RESHARE (linkitin / linkedin-cli
  // reshare(), one third-party source: confidence L). With thoughts it is a quote, without a repost.
  const parent = str(pick(post, 'parentUrn')) ?? str(pick(post, 'reshareContext.parentUrn'));
  if (parent || str(pick(post, 'origin')) === 'RESHARE') {
    const targetUrn = parent ?? clicked?.urn;
    const target = targetUrn ? targetOf(doc, targetUrn, clicked?.author) : undefined;
    if (text.trim()) return [{ op: 'did', platform: 'linkedin', kind: 'quote', ref, at, text, ...(target ? { target } : {}) }];
    const repostRef = targetUrn ?? ref;
    if (created) session.reposts.set(created, repostRef);
    return [{ op: 'did', platform: 'linkedin', kind: 'repost', ref: repostRef, at, ...(target ? { target } : {}) }];
  }
  return [{
    op: 'did', platform: 'linkedin', kind: 'post', ref, at, text,
    target: { ...(created ? { id: created, url: postUrl(created) } : {}), ...(ownHandle ? { author: ownHandle } : {}) },
  }];
}

function followObservation(call: NetworkCall, urn: string, following: boolean, session: LinkedInSession): Observation[] {
  const ref = plainUrn(urn);
  if (!following) return [{ op: 'undid', platform: 'linkedin', kinds: ['follow'], ref, at: call.startedAt }];
  const author = session.recent(session.followClick, call.startedAt)?.author ?? null;
  return [{
    op: 'did', platform: 'linkedin', kind: 'follow', ref, at: call.startedAt,
    target: { id: ref, ...(author ? { author, url: authorUrl(author) } : {}) },
  }];
}

function parseSdui(call: NetworkCall, doc: Document, action: string, session: LinkedInSession): Observation[] {
  const body = call.requestBody ?? '';
  const payload = pick(parseJson(body), 'serverRequest.requestedArguments.payload');
  const activityId = /"activityId"\s*:\s*"?(\d+)/.exec(body)?.[1];
  switch (action) {
    case 'com.linkedin.sdui.reactions.create':
    case 'com.linkedin.sdui.reactions.delete': {
      const id = str(pick(payload, 'threadUrn.threadUrnActivityThreadUrn.activityUrn.activityId')) ?? activityId;
      if (!id) throw new ShapeError(action, 'missing threadUrn activityId');
      const urn = `urn:li:activity:${id}`;
      if (action.endsWith('.delete')) {
        session.unreacts.set(urn, call.startedAt);
        return [{ op: 'undid', platform: 'linkedin', kinds: ['like'], ref: urn, at: call.startedAt }];
      }
      return [{ op: 'did', platform: 'linkedin', kind: 'like', ref: urn, at: call.startedAt, target: targetOf(doc, urn) }];
    }
    case 'com.linkedin.sdui.update.deletePost': {
      if (!activityId) throw new ShapeError(action, 'missing activityId');
      const urn = `urn:li:activity:${activityId}`;
      const out: Observation[] = [{ op: 'undid', platform: 'linkedin', kinds: ['post', 'quote'], ref: urn, at: call.startedAt }];
      const reposted = session.reposts.get(urn);
      if (reposted) out.push({ op: 'undid', platform: 'linkedin', kinds: ['repost'], ref: reposted, at: call.startedAt });
      return out;
    }
    case 'com.linkedin.sdui.comments.deleteComment': {
      const parsed = parseCommentUrn(body);
      if (!parsed) throw new ShapeError(action, 'missing comment urn');
      return [{ op: 'undid', platform: 'linkedin', kinds: ['reply'], ref: commentUrn(parsed.activity, parsed.comment), at: call.startedAt }];
    }
    default:
      return [];
  }
}

export function parseLinkedInCall(call: NetworkCall, doc: Document, session: LinkedInSession, ownHandle: string | null): Observation[] {
  if (REACTIONS_RE.test(call.url)) return parseReaction(call, doc);
  const comment = COMMENTS_RE.exec(call.url);
  if (comment) return parseComment(call, doc, comment[1]);
  const gql = GRAPHQL_RE.exec(call.url);
  if (gql?.[1]) return parseGraphql(call, doc, gql[1], session, ownHandle);
  const states = FOLLOWING_STATES_RE.exec(call.url);
  if (states?.[1]) {
    const op = 'followingStates';
    const following = pick(parseJson(call.requestBody), 'patch.$set.following');
    if (typeof following !== 'boolean') throw new ShapeError(op, 'missing patch.$set.following');
    const urn = decode(states[1]).replace(/^urn:li:fsd_followingState:/, '');
    if (!urn.startsWith('urn:li:')) throw new ShapeError(op, 'no entity urn in the path');
    return followObservation(call, urn, following, session);
  }
  const follows = FOLLOWS_RE.exec(call.url);
  if (follows?.[1]) {
    const urn = str(pick(parseJson(call.requestBody), 'urn'));
    if (!urn) throw new ShapeError(follows[1], 'missing urn');
    return followObservation(call, urn, follows[1] === 'followByEntityUrn', session);
  }
  const sdui = SDUI_RE.exec(call.url);
  if (sdui?.[1]) return parseSdui(call, doc, sdui[1], session);
  return [];
}
