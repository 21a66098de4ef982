/**
 * Mastodon requests → observations. Shapes: platforms.md §3.B (mastodon `actions/compose.js`,
 * `actions/interactions.js`, `actions/accounts.js`); answers are the REST API's Status and Relationship
 * entities (docs.joinmastodon.org/entities/Status, /Relationship).
 *
 * Ids are per instance (status 1 on one server is not status 1 on another), so every ref is
 * `<instance host>:<id>`: the status id for likes, boosts, posts, replies and quotes (the new status's
 * own id), the account id for follows. Undo calls carry the same ids in their path, so an undo always
 * finds its event, after any reload; liking again is the same event again.
 * Authors are accts as Mastodon writes them (`alice` on her own server, `bob@other.social` elsewhere);
 * the identity (readIdentity) is the user's own acct in the same form.
 */
import { firstStr, parseJson, pick, str } from '../../shared/json.ts';
import type { Target } from '../../shared/events.ts';
import type { Observation } from '../../shared/observations.ts';
import { ShapeError, type NetworkCall } from '../types.ts';
import { ACCOUNTS_RE, STATUSES_RE } from './network.ts';
import { mastodonPageKind, parseStatusHref } from './routes.ts';
import { selectors } from './selectors.ts';

export interface MastodonState {
  /** The user's own acct, learnt from the answer to their own new status. */
  acct: string | null;
}

/** The status with this id on the page: its author's acct and URL (`a.status__display-name[title]`). */
export function findStatusTarget(doc: Document, id: string): Target {
  const status = doc.querySelector(`${selectors.status}[data-id="${CSS.escape(id)}"]`);
  const time = status?.querySelector<HTMLAnchorElement>(selectors.relativeTime);
  const href = time?.href ?? undefined;
  const acct = status?.querySelector(selectors.displayName)?.getAttribute('title')?.replace(/^@/, '')
    ?? (href ? parseStatusHref(href)?.acct : undefined);
  return { id, ...(href ? { url: href } : {}), ...(acct ? { author: acct } : {}) };
}

/** The account with this id on the page (a display-name link carries `data-id`). */
function findAccountTarget(doc: Document, id: string): Target {
  const link = doc.querySelector<HTMLAnchorElement>(`${selectors.displayName}[data-id="${CSS.escape(id)}"], a[data-account-id="${CSS.escape(id)}"]`);
  let acct = link?.getAttribute('title')?.replace(/^@/, '');
  let url = link?.href;
  // On a profile page (`/@alice`), the Follow button in its header is for that account.
  const location = doc.defaultView?.location;
  if (!acct && location && mastodonPageKind(new URL(location.href)) === 'profile') {
    acct = decodeURIComponent(location.pathname.split('/')[1] ?? '').replace(/^@/, '') || undefined;
    url = location.origin + location.pathname;
  }
  return { id, ...(url ? { url } : {}), ...(acct ? { author: acct } : {}) };
}

/** The request's fields: JSON from the web UI and Elk, form-encoded from some other clients. */
function requestFields(body: string | null): Record<string, unknown> {
  const json = parseJson(body);
  if (json && typeof json === 'object') return json as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body ?? '')) out[k] = v;
  return out;
}

function statusTarget(status: unknown, fallback: Target): Target {
  const id = str(pick(status, 'id')) ?? fallback.id;
  const url = str(pick(status, 'url')) ?? fallback.url;
  const author = str(pick(status, 'account.acct')) ?? fallback.author;
  return { ...(id ? { id } : {}), ...(url ? { url } : {}), ...(author ? { author } : {}) };
}

function parseNewStatus(state: MastodonState, call: NetworkCall, host: string, doc: Document): Observation[] {
  const fields = requestFields(call.requestBody);
  const status = parseJson(call.responseBody);
  const id = str(pick(status, 'id'));
  if (!id) throw new ShapeError('POST /api/v1/statuses', 'answer without id');
  const own = str(pick(status, 'account.acct'));
  if (own) state.acct = own;
  const text = str(fields.status) ?? '';
  const base = { op: 'did' as const, platform: 'mastodon' as const, ref: `${host}:${id}`, at: call.startedAt, text };
  const replyTo = str(fields.in_reply_to_id) ?? str(pick(status, 'in_reply_to_id'));
  if (replyTo) {
    const fromPage = findStatusTarget(doc, replyTo);
    // A reply in one's own thread: the answer says whom it replies to; that is the user.
    const self = str(pick(status, 'in_reply_to_account_id')) === str(pick(status, 'account.id'));
    const author = self ? own : fromPage.author;
    return [{ ...base, kind: 'reply', target: { ...fromPage, ...(author ? { author } : {}) } }];
  }
  const quoted = str(fields.quoted_status_id) ?? firstStr(status, ['quote.quoted_status.id', 'quote.id']);
  if (quoted) {
    const target = statusTarget(pick(status, 'quote.quoted_status'), findStatusTarget(doc, quoted));
    return [{ ...base, kind: 'quote', target: { ...target, id: quoted } }];
  }
  const url = str(pick(status, 'url'));
  const card = str(pick(status, 'card.url'));
  return [{
    ...base,
    kind: 'post',
    target: { id, ...(url ? { url } : {}), ...(own ? { author: own } : {}) },
    ...(card ? { links: [card] } : {}),
  }];
}

export function parseMastodonCall(state: MastodonState, call: NetworkCall, doc: Document): Observation[] {
  const host = new URL(call.url).host;
  const at = call.startedAt;
  const statuses = STATUSES_RE.exec(call.url);
  if (statuses) {
    const [, id, action] = statuses;
    if (!id) return call.method === 'POST' ? parseNewStatus(state, call, host, doc) : [];
    const ref = `${host}:${id}`;
    switch (action) {
      case undefined:
        // DELETE removes a post; PUT edits one (a new version, not a new action).
        return call.method === 'DELETE' ? [{ op: 'undid', platform: 'mastodon', kinds: ['post', 'reply', 'quote'], ref, at }] : [];
      case 'favourite':
        return [{ op: 'did', platform: 'mastodon', kind: 'like', ref, at, target: statusTarget(parseJson(call.responseBody), findStatusTarget(doc, id)) }];
      case 'reblog': {
        // The answer is the boost itself, wrapping the boosted status in `reblog`.
        const original = pick(parseJson(call.responseBody), 'reblog');
        return [{ op: 'did', platform: 'mastodon', kind: 'repost', ref, at, target: { ...statusTarget(original, findStatusTarget(doc, id)), id } }];
      }
      case 'unfavourite':
        return [{ op: 'undid', platform: 'mastodon', kinds: ['like'], ref, at }];
      case 'unreblog':
        return [{ op: 'undid', platform: 'mastodon', kinds: ['repost'], ref, at }];
      default:
        return [];
    }
  }
  const accounts = ACCOUNTS_RE.exec(call.url);
  if (accounts?.[1]) {
    const [, id, action] = accounts;
    const ref = `${host}:${id}`;
    if (action === 'unfollow') return [{ op: 'undid', platform: 'mastodon', kinds: ['follow'], ref, at }];
    const relationship = parseJson(call.responseBody);
    // A Relationship answer: following, or requested (a locked account): either way the user followed.
    if (relationship && pick(relationship, 'following') === false && pick(relationship, 'requested') === false) {
      throw new ShapeError('POST /api/v1/accounts/:id/follow', 'answer says neither following nor requested');
    }
    return [{ op: 'did', platform: 'mastodon', kind: 'follow', ref, at, target: findAccountTarget(doc, id) }];
  }
  return [];
}
