/**
 * Bluesky requests → observations. Shapes: platforms.md §2.B (atproto `packages/api/src/agent.ts`
 * like/repost/follow → createRecord; social-app `src/lib/api/index.ts` post → applyWrites; lexicons
 * `app.bsky.feed.post#replyRef`, `app.bsky.embed.record`, `recordWithMedia`).
 *
 * Refs (the `<ref>` in `bluesky:<kind>:<ref>`), and why:
 *   - posts, replies, quotes: the new post's own AT URI (`at://<me>/app.bsky.feed.post/<rkey>`), so that
 *     deleteRecord, which carries only `{repo, collection, rkey}`, undoes it — in any page, after any reload.
 *   - likes, reposts, follows: the AT URI of the *like/repost/follow record itself*, learnt from
 *     createRecord's answer `{uri, cid}`. deleteRecord names only that record; the liked post is not in
 *     it, so a ref built from the liked post could be undone only while this page remembers which
 *     record was which, and an unlike after a reload would be lost (the like would count for ever).
 *     With the record's own URI, an undo always finds its event, from the network alone.
 *   - The cost: liking again creates a new record (new rkey). Within one page, the adapter remembers
 *     the first record for each liked post and reuses its ref, so like → unlike → like stays ONE event
 *     (re-done). That memory dies with the page, so the observation also names the other refs as
 *     `aliases`, which the ledger keeps (its `aliases` store, in IndexedDB):
 *       - the new record's URI when it was folded into an earlier record's event: an unlike of that
 *         re-like in a later page (deleteRecord names only the new record) still undoes the event;
 *       - `<collection>|<subject>` (the liked post, the followed DID): a re-like after a reload, a new
 *         record the ledger has never seen, re-does the earlier event of the same subject instead of
 *         making a second one, and its record becomes an alias of that event too.
 *     Bluesky itself also merges rapid toggles into one request (useToggleMutationQueue,
 *     platforms.md §0.3).
 * The target (liked post or followed account) keeps its own URI and its author's DID.
 *
 * Authors are DIDs, not handles: the network names accounts by DID, and handles change. The adapter's
 * identity is the user's DID too (readIdentity), so actions on one's own posts and replies in one's own
 * thread compare equal and count as neutral.
 */
import { parseJson, pick, str } from '../../shared/json.ts';
import type { Kind, Target } from '../../shared/events.ts';
import type { Observation } from '../../shared/observations.ts';
import { ShapeError, type NetworkCall } from '../types.ts';
import { COLLECTIONS, XRPC_RE, type XrpcMethod } from './network.ts';
import { atUri, parseAtUri, postUrl, profileUrl } from './routes.ts';
import { localRef } from '../../shared/local-ref.ts';

type ToggleKind = 'like' | 'repost' | 'follow';
const TOGGLE_BY_COLLECTION: Record<string, ToggleKind> = {
  [COLLECTIONS.like]: 'like',
  [COLLECTIONS.repost]: 'repost',
  [COLLECTIONS.follow]: 'follow',
};

const MAX_REMEMBERED = 2000;

/** Page-lifetime memory: the first record's ref for each toggled subject, and each record's ref. */
export interface BlueskyState {
  /** `<kind>|<subject>` → the ref of the event for it (the first record created in this page). */
  bySubject: Map<string, string>;
  /** record AT URI → the ref of its event (itself, or an earlier record for the same subject). */
  byRecord: Map<string, string>;
  /** The signed-in user's DID, as the requests name their repo. */
  repo: string | null;
}

export function emptyState(): BlueskyState {
  return { bySubject: new Map(), byRecord: new Map(), repo: null };
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): void {
  if (map.size >= MAX_REMEMBERED) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  map.set(key, value);
}

function need(value: unknown, op: string, field: string): string {
  const s = str(value);
  if (!s) throw new ShapeError(op, `missing ${field}`);
  return s;
}

function postTarget(uri: string): Target {
  const parsed = parseAtUri(uri);
  return parsed ? { id: uri, url: postUrl(parsed.repo, parsed.rkey), author: parsed.repo } : { id: uri };
}

/** Links in a post beyond its text: link facets and an external card. */
function postLinks(value: unknown): string[] {
  const links = new Set<string>();
  const facets = pick(value, 'facets');
  if (Array.isArray(facets)) {
    for (const facet of facets) {
      const features = pick(facet, 'features');
      if (!Array.isArray(features)) continue;
      for (const f of features) {
        const uri = str(pick(f, 'uri'));
        if (uri && str(pick(f, '$type')) === 'app.bsky.richtext.facet#link') links.add(uri);
      }
    }
  }
  const external = str(pick(value, 'embed.external.uri')) ?? str(pick(value, 'embed.media.external.uri'));
  if (external) links.add(external);
  return [...links].slice(0, 20);
}

/** The quoted post of an embed, if the embed quotes a post (not a list or feed). */
function quotedPost(value: unknown): string | undefined {
  const type = str(pick(value, 'embed.$type'));
  const uri = type === 'app.bsky.embed.record' ? str(pick(value, 'embed.record.uri'))
    : type === 'app.bsky.embed.recordWithMedia' ? str(pick(value, 'embed.record.record.uri'))
    : undefined;
  return uri && parseAtUri(uri)?.collection === COLLECTIONS.post ? uri : undefined;
}

/** One new post record → a post, reply or quote observation. */
function postObservation(repo: string, rkey: string | undefined, value: unknown, at: number): Observation {
  const text = str(pick(value, 'text')) ?? '';
  const ref = rkey ? atUri(repo, COLLECTIONS.post, rkey) : localRef(text, at);
  const base = { op: 'did' as const, platform: 'bluesky' as const, ref, at, text };
  const parent = str(pick(value, 'reply.parent.uri'));
  // A reply, including later posts of one's own thread: their parent is one's own post, so the
  // target's author is the user and the ledger counts them as neutral, not giving.
  if (parent) return { ...base, kind: 'reply', target: postTarget(parent) };
  const quoted = quotedPost(value);
  if (quoted) return { ...base, kind: 'quote', target: postTarget(quoted) };
  const links = postLinks(value);
  return {
    ...base,
    kind: 'post',
    target: rkey ? { id: ref, url: postUrl(repo, rkey), author: repo } : { author: repo },
    ...(links.length ? { links } : {}),
  };
}

function toggleDid(state: BlueskyState, kind: ToggleKind, repo: string, collection: string, record: unknown, createdUri: string | undefined, at: number): Observation {
  const op = `createRecord ${collection}`;
  const subject = kind === 'follow' ? need(pick(record, 'subject'), op, 'record.subject') : need(pick(record, 'subject.uri'), op, 'record.subject.uri');
  const target: Target = kind === 'follow' ? { id: subject, url: profileUrl(subject), author: subject } : postTarget(subject);
  const key = `${kind}|${subject}`;
  const earlier = state.bySubject.get(key);
  const bySubject = `${collection}|${subject}`;
  // Without the created record's URI (unreadable answer), fall back to the subject: the action still
  // counts, only a later undo from another page cannot find it.
  const ref = earlier ?? createdUri ?? bySubject;
  if (!earlier) remember(state.bySubject, key, ref);
  if (createdUri) remember(state.byRecord, createdUri, ref);
  // Aliases (kept by the ledger, so they outlive this page): the new record, when it is folded into an
  // earlier record's event, so that its deleteRecord after a reload still finds the event; and the
  // subject, so that a re-like after a reload (a new record, unknown to the ledger) re-does the event
  // of the earlier like of the same post instead of making a second one.
  const aliases = [createdUri, bySubject].filter((a): a is string => a !== undefined && a !== ref);
  return { op: 'did', platform: 'bluesky', kind, ref, at, target, ...(aliases.length ? { aliases } : {}) };
}

function deleteObservation(state: BlueskyState, repo: string, collection: string, rkey: string, at: number): Observation | null {
  const uri = atUri(repo, collection, rkey);
  if (collection === COLLECTIONS.post) return { op: 'undid', platform: 'bluesky', kinds: ['post', 'reply', 'quote'], ref: uri, at };
  const kind = TOGGLE_BY_COLLECTION[collection];
  if (!kind) return null;
  return { op: 'undid', platform: 'bluesky', kinds: [kind] satisfies Kind[], ref: state.byRecord.get(uri) ?? uri, at };
}

function parseCreateRecord(state: BlueskyState, call: NetworkCall, body: unknown, repo: string): Observation[] {
  const collection = need(pick(body, 'collection'), 'createRecord', 'collection');
  const record = pick(body, 'record');
  const createdUri = str(pick(parseJson(call.responseBody), 'uri'));
  const created = createdUri ? parseAtUri(createdUri) : null;
  const rkey = created?.rkey ?? str(pick(body, 'rkey'));
  const uri = rkey ? atUri(repo, collection, rkey) : undefined;
  if (collection === COLLECTIONS.post) return [postObservation(repo, rkey, record, call.startedAt)];
  const kind = TOGGLE_BY_COLLECTION[collection];
  return kind ? [toggleDid(state, kind, repo, collection, record, uri, call.startedAt)] : [];
}

function parseApplyWrites(state: BlueskyState, call: NetworkCall, body: unknown, repo: string): Observation[] {
  const writes = pick(body, 'writes');
  if (!Array.isArray(writes)) throw new ShapeError('applyWrites', 'missing writes');
  const results = pick(parseJson(call.responseBody), 'results');
  const out: Observation[] = [];
  writes.forEach((write, i) => {
    const type = str(pick(write, '$type')) ?? '';
    const collection = str(pick(write, 'collection'));
    if (!collection) throw new ShapeError('applyWrites', 'a write without collection');
    const resultUri = Array.isArray(results) ? str(pick(results[i], 'uri')) : undefined;
    const rkey = str(pick(write, 'rkey')) ?? (resultUri ? parseAtUri(resultUri)?.rkey : undefined);
    if (type.endsWith('#create')) {
      if (collection === COLLECTIONS.post) out.push(postObservation(repo, rkey, pick(write, 'value'), call.startedAt));
      else {
        const kind = TOGGLE_BY_COLLECTION[collection];
        if (kind) out.push(toggleDid(state, kind, repo, collection, pick(write, 'value'), rkey ? atUri(repo, collection, rkey) : undefined, call.startedAt));
      }
    } else if (type.endsWith('#delete') && rkey) {
      const obs = deleteObservation(state, repo, collection, rkey, call.startedAt);
      if (obs) out.push(obs);
    }
    // `#update` (editing a profile, a threadgate…) is no action of giving or taking.
  });
  return out;
}

export function parseBlueskyCall(state: BlueskyState, call: NetworkCall): Observation[] {
  const method = XRPC_RE.exec(call.url)?.[1] as XrpcMethod | undefined;
  if (!method) return [];
  const body = parseJson(call.requestBody);
  if (!body || typeof body !== 'object') throw new ShapeError(method, 'request body is not JSON');
  const repo = need(pick(body, 'repo'), method, 'repo');
  // Only DIDs name one account for good; a handle in `repo` (allowed by the lexicon) is kept as is.
  state.repo = repo;
  switch (method) {
    case 'createRecord':
      return parseCreateRecord(state, call, body, repo);
    case 'applyWrites':
      return parseApplyWrites(state, call, body, repo);
    case 'deleteRecord': {
      const collection = need(pick(body, 'collection'), method, 'collection');
      const rkey = need(pick(body, 'rkey'), method, 'rkey');
      const obs = deleteObservation(state, repo, collection, rkey, call.startedAt);
      return obs ? [obs] : [];
    }
  }
}
