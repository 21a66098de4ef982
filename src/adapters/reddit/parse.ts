/**
 * Reddit requests → observations, for both front ends. Only what the ledger needs is kept: never the
 * `csrf_token` (shreddit) or the `uh` modhash (old reddit) that the same bodies carry.
 */
import type { Target } from '../../shared/events.ts';
import { findInJson, parseJson, pick, str } from '../../shared/json.ts';
import type { Observation } from '../../shared/observations.ts';
import { ShapeError, type NetworkCall } from '../types.ts';
import { LEGACY_API_RE, SHREDDIT_GRAPHQL_RE, SHREDDIT_OPERATIONS, type LegacyEndpoint, type ShredditOperation } from './network.ts';
import { canonicalUrl } from './routes.ts';
import { shreddit } from './selectors.ts';

const FULLNAME = /^t[1-5]_[a-z0-9]{1,16}$/;

/** The post or comment with this fullname on the page (either front end): its author and URL. */
export function findThingTarget(doc: Document, fullname: string): Target {
  const id = CSS.escape(fullname);
  const el = doc.querySelector(`${shreddit.post}#${id}, ${shreddit.comment}[thingid="${id}"], .thing[data-fullname="${id}"]`);
  const author = el?.getAttribute('author') ?? el?.getAttribute('data-author') ?? undefined;
  const url = canonicalUrl(el?.getAttribute('permalink') ?? el?.getAttribute('data-permalink'))
    ?? (fullname.startsWith('t3_') ? `https://www.reddit.com/comments/${fullname.slice(3)}/` : undefined);
  return { id: fullname, ...(url ? { url } : {}), ...(author && author !== '[deleted]' ? { author } : {}) };
}

/** The first string in a JSON value matching `re`. */
function findString(value: unknown, re: RegExp): string | undefined {
  return findInJson(value, (v) => typeof v === 'string' && re.test(v)) as string | undefined;
}

/** The data of the first object `{kind, data}` (a reddit "thing") of this kind in a JSON value. */
function findThing(value: unknown, kind: string): Record<string, unknown> | undefined {
  const isThing = (v: unknown): boolean => {
    const rec = v && typeof v === 'object' ? (v as Record<string, unknown>) : null;
    return rec?.kind === kind && !!rec.data && typeof rec.data === 'object';
  };
  return (findInJson(value, isThing) as { data: Record<string, unknown> } | undefined)?.data;
}

// ------------------------------------------------------------------------------------------- shreddit

/**
 * Whether a shreddit GraphQL reply says the mutation did not happen: top-level `errors` without data, or
 * the operation's payload `{ok: false}` / non-empty `errors` (the shape clients report; confidence M).
 */
export function isShredditRefusal(response: unknown): boolean {
  const errors = pick(response, 'errors');
  const data = pick(response, 'data');
  if (Array.isArray(errors) && errors.length > 0 && (!data || typeof data !== 'object' || Object.values(data).every((v) => v == null))) return true;
  if (data && typeof data === 'object') {
    for (const payload of Object.values(data)) {
      if (!payload || typeof payload !== 'object') continue;
      const p = payload as Record<string, unknown>;
      if (p.ok === false) return true;
      if (Array.isArray(p.errors) && p.errors.length > 0) return true;
    }
  }
  return false;
}

function parseShreddit(call: NetworkCall, doc: Document): Observation[] {
  const body = parseJson(call.requestBody);
  const operation = str(pick(body, 'operation'));
  if (!operation || !(SHREDDIT_OPERATIONS as readonly string[]).includes(operation)) return [];
  const op = operation as ShredditOperation;
  const input = pick(body, 'variables.input');
  if (!input || typeof input !== 'object') throw new ShapeError(op, 'request has no variables.input');
  const response = parseJson(call.responseBody);
  if (isShredditRefusal(response)) return [];
  const at = call.startedAt;
  const rec = input as Record<string, unknown>;
  switch (op) {
    case 'UpdatePostVoteState':
    case 'UpdateCommentVoteState': {
      const field = op === 'UpdatePostVoteState' ? 'postId' : 'commentId';
      const id = str(rec[field]);
      if (!id || !FULLNAME.test(id)) throw new ShapeError(op, `missing ${field}`);
      const state = str(rec.voteState);
      // UP is a like; NONE takes it back, and so does DOWN (a downvote gives nothing; UP → DOWN undoes).
      if (state === 'UP') return [{ op: 'did', platform: 'reddit', kind: 'like', ref: id, at, target: findThingTarget(doc, id) }];
      if (state === 'NONE' || state === 'DOWN') return [{ op: 'undid', platform: 'reddit', kinds: ['like'], ref: id, at }];
      throw new ShapeError(op, `unknown voteState ${String(state).slice(0, 20)}`);
    }
    case 'CreatePost':
    case 'CreateProfilePost': {
      const payload = pick(response, op === 'CreatePost' ? 'data.createPost' : 'data.createProfilePost');
      const id = str(pick(payload, 'post.id')) ?? findString(pick(response, 'data'), /^t3_[a-z0-9]+$/);
      if (!id) throw new ShapeError(op, 'response has no new post id');
      const title = str(rec.title) ?? '';
      const content = str(pick(rec, 'content.markdown')) ?? str(pick(rec, 'content.text')) ?? '';
      const link = str(rec.url) ?? str(pick(rec, 'content.url'));
      const permalink = str(pick(payload, 'post.permalink')) ?? str(pick(payload, 'post.url'));
      const url = canonicalUrl(permalink) ?? `https://www.reddit.com/comments/${id.slice(3)}/`;
      return [{
        op: 'did', platform: 'reddit', kind: 'post', ref: id, at,
        text: content ? `${title}\n\n${content}` : title,
        target: { id, url },
        ...(link ? { links: [link] } : {}),
      }];
    }
    case 'DeletePost':
    case 'DeleteComment': {
      // Only one's own post or comment can be deleted; the ref is the fullname the post (CreatePost) or
      // the comment (confirmed in the page, watch.ts) was counted under.
      const field = op === 'DeletePost' ? 'postId' : 'commentId';
      const id = str(rec[field]);
      if (!id || !FULLNAME.test(id) || !id.startsWith(op === 'DeletePost' ? 't3_' : 't1_')) throw new ShapeError(op, `missing ${field}`);
      return [{ op: 'undid', platform: 'reddit', kinds: [op === 'DeletePost' ? 'post' : 'reply'], ref: id, at }];
    }
  }
}

// ------------------------------------------------------------------------------------------- old.reddit

/** old reddit's reply: `{"json":{"errors":[…],"data":…}}` (api_type=json) or a jQuery command list. */
function legacyRefused(response: unknown, text: string | null): boolean {
  const errors = pick(response, 'json.errors');
  if (Array.isArray(errors) && errors.length > 0) return true;
  // jQuery replies (`{"jquery": […], "success": bool}`) report a refusal with `success: false` and by
  // showing an error field: `[…, "call", [".error.RATELIMIT.field-ratelimit"]]`.
  if (pick(response, 'success') === false) return true;
  return Array.isArray(pick(response, 'jquery')) && /"\.error\./.test(text ?? '');
}

function parseLegacy(call: NetworkCall, endpoint: LegacyEndpoint, doc: Document): Observation[] {
  const op = `api/${endpoint}`;
  const form = new URLSearchParams(call.requestBody ?? '');
  const response = parseJson(call.responseBody);
  if (legacyRefused(response, call.responseBody)) return [];
  const at = call.startedAt;
  switch (endpoint) {
    case 'vote': {
      const id = form.get('id') ?? '';
      if (!FULLNAME.test(id)) throw new ShapeError(op, 'missing id');
      const dir = form.get('dir');
      if (dir === '1') return [{ op: 'did', platform: 'reddit', kind: 'like', ref: id, at, target: findThingTarget(doc, id) }];
      if (dir === '0' || dir === '-1') return [{ op: 'undid', platform: 'reddit', kinds: ['like'], ref: id, at }];
      throw new ShapeError(op, 'missing dir');
    }
    case 'comment': {
      const parent = form.get('thing_id') ?? form.get('parent') ?? '';
      if (!/^t[13]_/.test(parent)) throw new ShapeError(op, 'missing thing_id');
      const thing = findThing(response, 't1');
      const raw = str(thing?.name) ?? str(thing?.id);
      if (!raw) throw new ShapeError(op, 'response has no new comment');
      const ref = raw.startsWith('t1_') ? raw : `t1_${raw}`;
      // t1_ = a reply to a comment, t3_ = a top-level comment on a post: both answer someone.
      return [{ op: 'did', platform: 'reddit', kind: 'reply', ref, at, text: form.get('text') ?? '', target: findThingTarget(doc, parent) }];
    }
    case 'submit': {
      const name = str(pick(response, 'json.data.name'));
      const url = str(pick(response, 'json.data.url')) ?? findString(response, /\/comments\/[a-z0-9]+\//i);
      const id36 = name?.replace(/^t3_/, '') ?? (url ? /\/comments\/([a-z0-9]+)\//i.exec(url)?.[1] : undefined);
      if (!id36) throw new ShapeError(op, 'response has no new post');
      const ref = `t3_${id36.toLowerCase()}`;
      const title = form.get('title') ?? '';
      const body = form.get('text') ?? '';
      const link = form.get('kind') === 'link' ? form.get('url') : null;
      return [{
        op: 'did', platform: 'reddit', kind: 'post', ref, at,
        text: body ? `${title}\n\n${body}` : title,
        target: { id: ref, url: canonicalUrl(url) ?? `https://www.reddit.com/comments/${id36}/` },
        ...(link ? { links: [link] } : {}),
      }];
    }
    case 'subscribe': {
      const action = form.get('action');
      const sr = form.get('sr') ?? '';
      const name = form.get('sr_name') ?? form.get('r') ?? doc.querySelector('[data-sr_name]')?.getAttribute('data-sr_name') ?? '';
      const ref = /^t5_[a-z0-9]+$/.test(sr) ? sr : name ? `r/${name.toLowerCase()}` : '';
      if (!ref) throw new ShapeError(op, 'missing sr');
      if (action === 'unsub') return [{ op: 'undid', platform: 'reddit', kinds: ['follow'], ref, at }];
      if (action !== 'sub') throw new ShapeError(op, 'missing action');
      return [{ op: 'did', platform: 'reddit', kind: 'follow', ref, at, target: subredditTarget(ref, name) }];
    }
    case 'del': {
      // Deleting one's own comment (t1_, counted as a reply) or post (t3_, counted as a post).
      const id = form.get('id') ?? '';
      if (!FULLNAME.test(id)) throw new ShapeError(op, 'missing id');
      if (id.startsWith('t1_')) return [{ op: 'undid', platform: 'reddit', kinds: ['reply'], ref: id, at }];
      if (id.startsWith('t3_')) return [{ op: 'undid', platform: 'reddit', kinds: ['post'], ref: id, at }];
      throw new ShapeError(op, 'id is neither a comment nor a post');
    }
  }
}

/** A subreddit as a follow target: the community is its own "author" (`r/<name>`). */
export function subredditTarget(ref: string, name: string | null | undefined): Target {
  const clean = name?.replace(/^r\//i, '');
  return { id: ref, ...(clean ? { author: `r/${clean}`, url: `https://www.reddit.com/r/${clean}/` } : {}) };
}

export function parseRedditCall(call: NetworkCall, doc: Document): Observation[] {
  if (SHREDDIT_GRAPHQL_RE.test(call.url)) return parseShreddit(call, doc);
  const legacy = LEGACY_API_RE.exec(call.url);
  if (legacy?.[1]) return parseLegacy(call, legacy[1] as LegacyEndpoint, doc);
  return [];
}

