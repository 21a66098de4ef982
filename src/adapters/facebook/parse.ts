/**
 * Facebook requests → observations (network.ts lists the operations and their confidence). Only two form
 * fields are ever read: `fb_api_req_friendly_name` and `variables` (the page tap drops the others —
 * fb_dtsg, lsd, jazoest, __user… — before they leave the page, and this parser would ignore them anyway).
 *
 * Refs: a post's numeric id (the `feedback:<id>` of its feedback id) for likes and reposts; a comment's
 * `<post>_<comment>` for replies and comment likes; the new story's id for own posts. The reaction type
 * (LIKE, LOVE…) is not stored: every reaction is kind `like`.
 */
import { firstStr, parseJson, pick, str } from '../../shared/json.ts';
import type { Target } from '../../shared/events.ts';
import type { Observation } from '../../shared/observations.ts';
import { localRef } from '../../shared/local-ref.ts';
import { isMetaRefusal, parseMetaResponse, readMetaForm } from '../meta-graphql.ts';
import { ShapeError, type NetworkCall } from '../types.ts';
import { commentAuthor, findComment, findPost, postAuthor } from './dom.ts';
import {
  COMMENT_DELETE_OPERATIONS, COMMENT_OPERATIONS, GRAPHQL_RE, OPERATIONS, POST_OPERATIONS, REACT_OPERATIONS,
  RESHARE_OPERATIONS, type Operation,
} from './network.ts';
import { authorFromHref, authorUrl, commentUrl, decodeRelayId, facebookPageKind, postUrl } from './routes.ts';
import { REACT_CLICK_TTL_MS, SHARE_CLICK_TTL_MS, type FacebookSession } from './session.ts';

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** Facebook's replies: the shared Meta reading (meta-graphql.ts), kept under the names this adapter's tests use. */
export const parseFacebookResponse = parseMetaResponse;
export const isFacebookRefusal = isMetaRefusal;

function inputOf(vars: Record<string, unknown>, op: string): Record<string, unknown> {
  const input = vars.input;
  if (!input || typeof input !== 'object') throw new ShapeError(op, 'missing variables.input');
  return input as Record<string, unknown>;
}

/** The acted-on post or comment of a `feedback_id`. */
function feedbackTarget(input: Record<string, unknown>, op: string): string {
  const raw = str(input.feedback_id);
  if (!raw) throw new ShapeError(op, 'missing input.feedback_id');
  const id = decodeRelayId(raw, 'feedback');
  if (!id) throw new ShapeError(op, 'input.feedback_id is not a feedback id');
  return id;
}

/** Target of an action on a post (`<post>`) or a comment (`<post>_<comment>`), enriched from the page. */
function targetOf(doc: Document, ref: string, knownAuthor: string | null = null): Target {
  let author = knownAuthor;
  if (ref.includes('_')) {
    const comment = author ? null : findComment(doc, ref);
    author = author ?? (comment ? commentAuthor(comment) : null);
    return { id: ref, url: commentUrl(ref), ...(author ? { author } : {}) };
  }
  const post = author ? null : findPost(doc, ref);
  author = author ?? (post ? postAuthor(post) : null);
  return { id: ref, url: postUrl(ref), ...(author ? { author } : {}) };
}

/** Reaction fields: the current `feedback_reaction_id` (string), or the older numeric `feedback_reaction`. */
function reactionOf(input: Record<string, unknown>, op: string): string | null {
  const present = 'feedback_reaction_id' in input ? input.feedback_reaction_id : 'feedback_reaction' in input ? input.feedback_reaction : undefined;
  if (present === undefined) throw new ShapeError(op, 'missing input.feedback_reaction_id');
  const value = str(present);
  return value && value !== '0' ? value : null;
}

function parseReact(call: NetworkCall, doc: Document, op: string, vars: Record<string, unknown>, session: FacebookSession): Observation[] {
  const input = inputOf(vars, op);
  const ref = feedbackTarget(input, op);
  const reaction = reactionOf(input, op);
  const at = call.startedAt;
  // The post the like control was clicked in, for its author and for the DOM's unreact check (watch.ts).
  const clicked = ref.includes('_') ? null : session.recent(session.reactClick, at, REACT_CLICK_TTL_MS);
  if (clicked) session.postRefs.set(clicked.post, ref);
  if (!reaction) {
    session.unreacts.set(ref, at);
    return [{ op: 'undid', platform: 'facebook', kinds: ['like'], ref, at }];
  }
  const fromPage = targetOf(doc, ref);
  const author = fromPage.author ?? (clicked ? postAuthor(clicked.post) : null);
  return [{ op: 'did', platform: 'facebook', kind: 'like', ref, at, target: { ...fromPage, ...(author ? { author } : {}) } }];
}

/** The new comment's `<post>_<comment>` id from the reply, if it says it. */
function createdComment(docs: unknown[], post: string): string | null {
  for (const doc of docs) {
    const node = pick(doc, 'data.comment_create.feedback_comment_edge.node');
    const relay = str(pick(node, 'id'));
    const decoded = relay ? decodeRelayId(relay, 'comment') : null;
    if (decoded?.includes('_')) return decoded;
    const legacy = str(pick(node, 'legacy_fbid'));
    if (legacy && /^\d+$/.test(legacy)) return `${post}_${legacy}`;
  }
  return null;
}

function parseComment(call: NetworkCall, doc: Document, op: string, vars: Record<string, unknown>): Observation[] {
  const input = inputOf(vars, op);
  const feedback = feedbackTarget(input, op);
  const text = str(pick(input, 'message.text'));
  if (text === undefined && !input.attachments) throw new ShapeError(op, 'missing input.message.text');
  const post = feedback.split('_')[0] ?? feedback;
  // A reply to a comment names it (base64 `comment:<post>_<comment>`), and its feedback id is the comment's.
  const parentRaw = str(input.reply_comment_parent_fbid);
  const parent = (parentRaw && decodeRelayId(parentRaw, 'comment')) ?? (feedback.includes('_') ? feedback : null);
  const ref = createdComment(parseFacebookResponse(call.responseBody), post) ?? localRef(text ?? '', call.startedAt);
  return [{
    op: 'did', platform: 'facebook', kind: 'reply', ref, at: call.startedAt, text: text ?? '',
    target: targetOf(doc, parent?.includes('_') ? parent : post),
  }];
}

function parseCommentDelete(call: NetworkCall, op: string, vars: Record<string, unknown>): Observation[] {
  const raw = str(inputOf(vars, op).comment_id);
  const ref = raw ? decodeRelayId(raw, 'comment') : null;
  if (!ref?.includes('_')) throw new ShapeError(op, 'missing input.comment_id');
  return [{ op: 'undid', platform: 'facebook', kinds: ['reply'], ref, at: call.startedAt }];
}

/**
 * The post a share names: `share_scrape_data` is a JSON string `{"share_type":22,"share_params":[<id>]}`
 * whose id is a bare number of up to 17 digits, beyond what a JavaScript number holds exactly: read with a
 * pattern, never JSON.parse.
 */
function sharedPostId(attachments: unknown): string | null {
  for (const attachment of Array.isArray(attachments) ? attachments : [attachments]) {
    const scrape = str(pick(attachment, 'link.share_scrape_data')) ?? '';
    const id = /"share_params"\s*:\s*\[\s*"?(\d+)/.exec(scrape)?.[1];
    if (id) return id;
  }
  return null;
}

/** The new story's id from a ComposerStoryCreateMutation / reshare reply, if it says it. */
function createdStory(docs: unknown[]): string | null {
  for (const doc of docs) {
    const id = firstStr(doc, ['data.story_create.story.legacy_story_hideable_id', 'data.story_create.story.post_id', 'data.story_create.post_id']);
    if (id && /^\d+$/.test(id)) return id;
  }
  return null;
}

function shareObservation(call: NetworkCall, doc: Document, shared: string, text: string, session: FacebookSession): Observation[] {
  const at = call.startedAt;
  const clicked = session.recent(session.shareClick, at, SHARE_CLICK_TTL_MS);
  const target = targetOf(doc, shared, clicked ? postAuthor(clicked.post) : null);
  // With the user's own words it is a quote (as on X and LinkedIn); without, a plain repost.
  if (text.trim()) {
    const ref = createdStory(parseFacebookResponse(call.responseBody)) ?? localRef(text, at);
    return [{ op: 'did', platform: 'facebook', kind: 'quote', ref, at, text, target }];
  }
  return [{ op: 'did', platform: 'facebook', kind: 'repost', ref: shared, at, target }];
}

/**
 * A post written on someone else's timeline (a birthday wish, a note on a friend's wall) is addressed to
 * them, an acknowledgement rather than a take. The composer says so in `input.audience.to_id`: the
 * profile it posts to (third-party clients that post to a friend's wall set it to the friend's id, with
 * `composer_source_surface: "timeline"`). The same field names the group of a group post, which stays a
 * post: only a timeline composer counts, never one marked as a group's. `target_id` appears in no source
 * and is not read.
 * The writer's own numeric id (`input.actor_id`) never leaves the page (the tap drops it with the
 * session fields), and the user's own name is often a user name, not that id: so only a post written on
 * another person's profile page counts as one to them. Elsewhere (the birthdays page, say) it stays a
 * post, as it was before this check. Returns the person (their numeric id, and as author the profile
 * page's name), or null for an own post.
 */
function otherPersonsWall(doc: Document, vars: Record<string, unknown>, input: Record<string, unknown>, own: string | null): { id: string; author: string } | null {
  const to = str(pick(input, 'audience.to_id'));
  if (!to || !/^\d+$/.test(to) || to === own) return null;
  const surface = str(input.composer_source_surface);
  const group = str(input.composer_type) === 'group' || surface === 'group' || vars.isGroup === true || str(vars.feedLocation) === 'GROUP';
  if (group || !(surface === 'timeline' || vars.isTimeline === true)) return null;
  const href = doc.defaultView?.location.href;
  const here = href && facebookPageKind(new URL(href)) === 'profile' ? authorFromHref(href) : null;
  if (!here || here === own) return null;
  return { id: to, author: here };
}

function parsePost(call: NetworkCall, doc: Document, op: string, vars: Record<string, unknown>, session: FacebookSession, own: string | null): Observation[] {
  const input = inputOf(vars, op);
  const text = str(pick(input, 'message.text')) ?? '';
  const shared = sharedPostId(input.attachments);
  if (str(input.composer_type) === 'share' || shared) {
    if (!shared) throw new ShapeError(op, 'a share without share_scrape_data');
    return shareObservation(call, doc, shared, text, session);
  }
  const created = createdStory(parseFacebookResponse(call.responseBody));
  const wall = otherPersonsWall(doc, vars, input, own);
  if (wall) {
    return [{
      op: 'did', platform: 'facebook', kind: 'reply', ref: created ?? localRef(text, call.startedAt), at: call.startedAt, text,
      target: { id: wall.id, url: authorUrl(wall.author), author: wall.author },
    }];
  }
  return [{
    op: 'did', platform: 'facebook', kind: 'post', ref: created ?? localRef(text, call.startedAt), at: call.startedAt, text,
    target: { ...(created ? { id: created, url: postUrl(created) } : {}), ...(own ? { author: own } : {}) },
  }];
}

function parseReshare(call: NetworkCall, doc: Document, op: string, vars: Record<string, unknown>, session: FacebookSession): Observation[] {
  const input = inputOf(vars, op);
  const shared = sharedPostId(input.attachments);
  if (!shared) throw new ShapeError(op, 'missing input.attachments.link.share_scrape_data');
  return shareObservation(call, doc, shared, str(pick(input, 'message.text')) ?? '', session);
}

export function parseFacebookCall(call: NetworkCall, doc: Document, session: FacebookSession, own: string | null): Observation[] {
  if (call.method !== 'POST' || !GRAPHQL_RE.test(call.url)) return [];
  const form = readMetaForm(call.requestBody, (name) => isOneOf(OPERATIONS, name));
  if (!form || !isOneOf(OPERATIONS, form.name)) return [];
  const op: Operation = form.name;
  if (isMetaRefusal(call.responseBody)) return [];
  const vars = form.variables;
  if (isOneOf(REACT_OPERATIONS, op)) return parseReact(call, doc, op, vars, session);
  if (isOneOf(COMMENT_OPERATIONS, op)) return parseComment(call, doc, op, vars);
  if (isOneOf(COMMENT_DELETE_OPERATIONS, op)) return parseCommentDelete(call, op, vars);
  if (isOneOf(POST_OPERATIONS, op)) return parsePost(call, doc, op, vars, session, own);
  if (isOneOf(RESHARE_OPERATIONS, op)) return parseReshare(call, doc, op, vars, session);
  return [];
}
