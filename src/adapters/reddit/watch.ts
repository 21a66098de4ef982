/**
 * Shreddit actions with no known request to listen to (platforms.md §13), confirmed in the page:
 *
 * - A comment or reply: a click on a comment composer's submit button marks a pending comment; it counts
 *   only once a `shreddit-comment` by the user that was not on the page at the click appears (within
 *   CONFIRM_MS). A submit that fails leaves no new comment, so it counts nothing.
 * - Joining / leaving a subreddit: a click on `shreddit-join-button` marks it; it counts once the
 *   button's `subscribed` attribute has flipped and stayed flipped for SETTLE_MS (so an optimistic flip
 *   that the site rolls back on failure counts nothing). Attribute names `subscribed`, `subreddit-id`,
 *   `subreddit-name`: confidence L (inferred from 2025-26 pages, no maintained source); the health check
 *   reports a join button without `subreddit-id`.
 *
 * One MutationObserver, connected only while something is pending; its callback only schedules a check.
 * It cannot see inside shadow roots (some pages put the join button in the open shadow root of
 * shreddit-subreddit-header-buttons), so while something is pending the check also runs on a slow timer.
 */
import type { Target } from '../../shared/events.ts';
import type { Observation } from '../../shared/observations.ts';
import { subredditTarget } from './parse.ts';
import { canonicalUrl } from './routes.ts';
import { shreddit } from './selectors.ts';

const CONFIRM_MS = 30_000;
const SETTLE_MS = 500;

interface PendingComment {
  parent: Target;
  draft: string;
  at: number;
  known: Set<string>;
  expires: number;
}

interface PendingJoin {
  button: Element;
  before: boolean;
  at: number;
  expires: number;
  flippedAt?: number;
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();
/** Letters and digits only, so that markdown or rich-text rendering does not hide a match. */
const bare = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/** Whether a rendered comment shows the draft (its first 40 letters and digits). */
export function sameText(rendered: string, draft: string): boolean {
  const a = bare(rendered);
  const b = bare(draft).slice(0, 40);
  return b.length > 0 && a.includes(b);
}

function commentParent(doc: Document, submit: Element): Target | null {
  const comment = submit.closest(shreddit.comment);
  const el = comment ?? doc.querySelector(shreddit.post);
  if (!el) return null;
  const id = comment ? comment.getAttribute('thingid') : el.getAttribute('id');
  if (!id) return null;
  const author = el.getAttribute('author');
  const url = canonicalUrl(el.getAttribute('permalink'));
  return { id, ...(url ? { url } : {}), ...(author ? { author } : {}) };
}

function draftOf(composer: Element): string {
  const box = composer.querySelector<HTMLElement>(shreddit.composerText);
  if (!box) return '';
  return box instanceof HTMLTextAreaElement ? box.value : (box.innerText || box.textContent || '');
}

export function isSubscribed(button: Element): boolean {
  return button.hasAttribute('subscribed') && button.getAttribute('subscribed') !== 'false';
}

export function watchShreddit(
  doc: Document,
  emit: (observation: Observation) => void,
  signal: AbortSignal,
  ownHandle: () => string | null,
): void {
  const win = doc.defaultView;
  if (!win) return;
  let comment: PendingComment | null = null;
  const joins: PendingJoin[] = [];
  let scheduled: ReturnType<typeof setTimeout> | undefined;
  let connected = false;

  const observer = new win.MutationObserver(() => schedule(0));
  const connect = (): void => {
    if (connected) return;
    connected = true;
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['subscribed'] });
  };
  const disconnectIfIdle = (): void => {
    if (!comment && joins.length === 0 && connected) {
      observer.disconnect();
      connected = false;
    }
  };
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(scheduled);
  });

  function schedule(delay: number): void {
    if (scheduled !== undefined || signal.aborted) return;
    scheduled = setTimeout(() => {
      scheduled = undefined;
      check();
    }, delay);
  }

  function check(): void {
    const now = Date.now();
    if (comment) {
      const me = ownHandle()?.toLowerCase();
      const draft = norm(comment.draft);
      for (const el of doc.querySelectorAll(shreddit.comment)) {
        const id = el.getAttribute('thingid');
        if (!id || comment.known.has(id)) continue;
        const author = el.getAttribute('author')?.toLowerCase();
        const text = el.querySelector(shreddit.commentText)?.textContent ?? '';
        // A new comment by the user showing the draft (a comment revealed by "more replies" is neither
        // new to the user nor, usually, the same words). Without a known handle, the text alone decides.
        const mine = (!me || author === me) && (draft ? sameText(text, draft) : !!me);
        if (!mine) continue;
        emit({ op: 'did', platform: 'reddit', kind: 'reply', ref: id, at: comment.at, text: comment.draft.trim(), target: comment.parent });
        comment = null;
        break;
      }
      if (comment && now > comment.expires) comment = null;
    }
    for (let i = joins.length - 1; i >= 0; i--) {
      const join = joins[i];
      if (!join) continue;
      const flipped = join.button.isConnected && isSubscribed(join.button) !== join.before;
      if (!flipped) {
        join.flippedAt = undefined;
        if (now > join.expires) joins.splice(i, 1);
        continue;
      }
      join.flippedAt ??= now;
      if (now - join.flippedAt < SETTLE_MS) continue;
      joins.splice(i, 1);
      const sr = join.button.getAttribute('subreddit-id');
      const name = join.button.getAttribute('subreddit-name') ?? join.button.getAttribute('name');
      const ref = sr && /^t5_[a-z0-9]+$/.test(sr) ? sr : name ? `r/${name.toLowerCase()}` : null;
      if (!ref) continue;
      emit(join.before
        ? { op: 'undid', platform: 'reddit', kinds: ['follow'], ref, at: join.at }
        : { op: 'did', platform: 'reddit', kind: 'follow', ref, at: join.at, target: subredditTarget(ref, name) });
    }
    // Settling joins and the expiry of pending ones need a later look even without mutations.
    if (comment || joins.length > 0) schedule(joins.some((j) => j.flippedAt !== undefined) ? SETTLE_MS / 2 : 1000);
    disconnectIfIdle();
  }

  doc.addEventListener('click', (event) => {
    try {
      const now = Date.now();
      const path = event.composedPath();
      const join = path.find((n): n is Element => n instanceof win.Element && n.localName === shreddit.joinButton);
      if (join) {
        if (!joins.some((j) => j.button === join)) joins.push({ button: join, before: isSubscribed(join), at: now, expires: now + CONFIRM_MS });
        connect();
        schedule(0);
        return;
      }
      const target = event.target instanceof win.Element ? event.target : null;
      const submit = target?.closest(shreddit.commentSubmit);
      const composer = submit?.closest(shreddit.commentComposer);
      if (!submit || !composer || submit.closest(shreddit.postComposer) || submit.matches(':disabled')) return;
      const parent = commentParent(doc, submit);
      if (!parent) return;
      const known = new Set<string>();
      for (const el of doc.querySelectorAll(shreddit.comment)) {
        const id = el.getAttribute('thingid');
        if (id) known.add(id);
      }
      comment = { parent, draft: draftOf(composer), at: now, known, expires: now + CONFIRM_MS };
      connect();
    } catch (error) {
      console.warn('[Give First] reddit watch failed', error);
    }
  }, { capture: true, signal });
}
