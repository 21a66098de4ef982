/**
 * Hacker News actions, confirmed in the page (platforms.md §9; nothing goes through fetch/XHR):
 *
 * - Upvote / unvote: HN's hn.js flips the UI in its click handler and fires an image beacon. A click on
 *   `a#up_<id>` counts once the page shows the vote (an `a#un_<id>` "unvote" link, or the arrow hidden
 *   with `nosee` on the link or on `td.votelinks`); a click on `a#un_<id>` undoes it once the unvote link
 *   is gone; a beacon the server answered with an error (seen in the page's Resource Timing) counts
 *   nothing. A beacon that fails at the network level is not always visible there: then the flipped UI
 *   is trusted, as HN's own script trusts it.
 * - Favourite: `fave?id=<id>` is a link that navigates. It is treated as the SAME like as an upvote of
 *   that item (same event id `hackernews:like:<id>`): both say "this was worth it", and counting them
 *   twice would reward clicking twice. Un-favouriting undoes the like only if the page does not show the
 *   item still upvoted; unvoting only if the page does not show it still favourited.
 * - Comment / reply (form[action="comment"]) and submission (form[action="/r"]) are form posts that
 *   navigate. The submit is remembered in the tab's sessionStorage (the page origin's, which this
 *   content script shares), and confirmed on a following page of the same tab:
 *     a comment by the user (a.hnuser = own handle) with an id above every item id on the submitting page
 *     (HN ids only grow) and the submitted text; a story by the user with the submitted title (HN shows
 *     /newest after a submission; a duplicate URL lands on the older item, by someone else or older,
 *     which does not match). An error page shows no such item, so a failed submit counts nothing.
 * - Deleting one's own story or comment: its "delete" link opens `delete-confirm?id=<id>&goto=…`, a page
 *   asking "Do you want this to be deleted?" with a form posting to /xdelete (hidden `id`, `goto`, `hmac`;
 *   two submits named `d`, "Yes" and "No"). HN deletes on "Yes" and redirects to `goto`; it refuses with
 *   a bare text page ("You can't delete that."). (news.arc's del-confirm-page, 2009; a 2026 third-party HN
 *   client's tests of its delete: M.) A click on "Yes" is remembered with the item id only, and judged on
 *   the very next page of the tab, within DELETE_MS: an HN page in its table layout (#hnmain), at the
 *   form's `goto` (where HN redirects after deleting), that does not show the item as the user's live
 *   story or comment confirms the delete, which undoes the post or reply counted under that id; an error
 *   page, any other page (the POST failed at the network level and the user went elsewhere), or the item
 *   still shown counts nothing. "No" is not remembered.
 * The `auth` and `hmac` tokens in links and forms are never read or kept.
 */
import type { Target } from '../../shared/events.ts';
import type { Observation } from '../../shared/observations.ts';
import { hnPageKind, itemUrl } from './routes.ts';
import { selectors } from './selectors.ts';

export const PENDING_KEY = 'give-first-hn-pending';
/** How long, and over how many page loads, a submitted form waits for its confirmation. */
const PENDING_MS = 10 * 60_000;
const PENDING_LOADS = 3;
/** A delete is judged on the first page after its form post, and only if that page comes this soon. */
const DELETE_MS = 60_000;
const FLIP_MS = 3000;
/** How long after the UI flipped to wait for the vote beacon's status before trusting the UI. */
const BEACON_MS = 4000;

type Pending =
  | { type: 'comment'; at: number; loads: number; parent: Target; text: string; above: number }
  | { type: 'story'; at: number; loads: number; title: string; url: string; text: string }
  | { type: 'fave'; at: number; loads: number; id: string; un: boolean }
  /** `goto`: where HN redirects after the delete, as a path with its query (`/item?id=…`). */
  | { type: 'delete'; at: number; loads: number; id: string; goto: string };

const squash = (s: string): string => s.replace(/\s+/g, '').slice(0, 200);

export function ownHandle(doc: Document): string | null {
  const name = doc.querySelector(selectors.me)?.textContent?.trim();
  return name && /^[\w-]{2,15}$/.test(name) ? name : null;
}

/** The author of a story or comment row on the page. */
export function itemAuthor(doc: Document, id: string): string | undefined {
  const row = doc.getElementById(id);
  if (!row || !row.matches('tr.athing')) return undefined;
  const inRow = row.querySelector(selectors.author);
  // A story's author is in the subtext row that follows it; a comment's is in its own row.
  const author = inRow ?? row.nextElementSibling?.querySelector(`.subtext ${selectors.author}, .subline ${selectors.author}`);
  return author?.textContent?.trim() || undefined;
}

export function itemTarget(doc: Document, id: string): Target {
  const author = itemAuthor(doc, id);
  return { id, url: itemUrl(id), ...(author ? { author } : {}) };
}

function isUpvoted(doc: Document, id: string): boolean {
  if (doc.getElementById(`un_${id}`)) return true;
  const up = doc.getElementById(`up_${id}`);
  if (!up) return false;
  return up.classList.contains('nosee') || !!up.closest('td.votelinks.nosee') || (up as HTMLElement).style.visibility === 'hidden';
}

/** Whether the page shows the item favourited (true), not favourited (false) or says nothing (null). */
function faveState(doc: Document, id: string): boolean | null {
  for (const link of doc.querySelectorAll<HTMLAnchorElement>(selectors.fave)) {
    const params = new URLSearchParams(link.getAttribute('href')?.split('?')[1] ?? '');
    if (params.get('id') === id) return params.get('un') === 't';
  }
  const url = new URL(doc.location.href);
  if (hnPageKind(url) === 'favorites' && url.searchParams.get('id')?.toLowerCase() === ownHandle(doc)?.toLowerCase()) {
    return !!doc.getElementById(id)?.matches('tr.athing');
  }
  return null;
}

/**
 * The HTTP status of the vote beacon `vote?id=<id>&how=<how>` sent after `since` (a performance.now()
 * time), from the page's Resource Timing: undefined while none is recorded; 0 when the browser does
 * not tell (then treated as unknown).
 */
export function beaconStatus(win: Window, id: string, how: string, since: number): number | undefined {
  const entries = win.performance.getEntriesByType('resource') as (PerformanceResourceTiming & { responseStatus?: number })[];
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (!entry || entry.startTime < since - 1) continue;
    let url: URL;
    try {
      url = new URL(entry.name);
    } catch {
      continue;
    }
    if (url.pathname !== '/vote' || url.searchParams.get('id') !== id || url.searchParams.get('how') !== how) continue;
    const status = entry.responseStatus;
    return typeof status === 'number' && status > 0 ? status : 0;
  }
  return undefined;
}

function maxItemId(doc: Document): number {
  let max = 0;
  for (const row of doc.querySelectorAll(selectors.item)) max = Math.max(max, Number(row.id) || 0);
  return max;
}

const HN_ORIGIN = 'https://news.ycombinator.com';

/** An HN-relative link (`item?id=1`, `/news`) as path and query, or null when it leads off HN. */
export function hnPath(href: string): string | null {
  if (!href.trim()) return null;
  try {
    const url = new URL(href, `${HN_ORIGIN}/`);
    return url.origin === HN_ORIGIN ? url.pathname + url.search : null;
  } catch {
    return null;
  }
}

/** The page's own path and query (the hash is not sent to HN, so a goto's `#id` does not matter). */
function pagePath(doc: Document): string | null {
  const href = doc.location?.href;
  return href ? hnPath(href) : null;
}

function readPending(store: Storage): Pending[] {
  try {
    const list = JSON.parse(store.getItem(PENDING_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? (list as Pending[]) : [];
  } catch {
    return [];
  }
}

function writePending(store: Storage, list: Pending[]): void {
  if (list.length === 0) store.removeItem(PENDING_KEY);
  else store.setItem(PENDING_KEY, JSON.stringify(list.slice(-5)));
}

/** Confirms (or lets expire) what earlier pages of this tab submitted. Exported for tests. */
export function confirmPending(doc: Document, store: Storage, emit: (o: Observation) => void, now = Date.now()): void {
  const list = readPending(store);
  if (list.length === 0) return;
  const me = ownHandle(doc)?.toLowerCase();
  const keep: Pending[] = [];
  for (const p of list) {
    let done = false;
    if (p.type === 'comment' && me) {
      for (const row of doc.querySelectorAll(selectors.comment)) {
        if (Number(row.id) <= p.above) continue;
        if (row.querySelector(selectors.author)?.textContent?.trim().toLowerCase() !== me) continue;
        if (squash(row.querySelector(selectors.commentText)?.textContent ?? '') !== squash(p.text)) continue;
        emit({ op: 'did', platform: 'hackernews', kind: 'reply', ref: row.id, at: p.at, text: p.text, target: p.parent });
        done = true;
        break;
      }
    } else if (p.type === 'story' && me) {
      for (const row of doc.querySelectorAll(selectors.item)) {
        if (row.matches('.comtr')) continue;
        if (row.querySelector(selectors.titleLink)?.textContent?.trim() !== p.title.trim()) continue;
        if (itemAuthor(doc, row.id)?.toLowerCase() !== me) continue;
        emit({
          op: 'did', platform: 'hackernews', kind: 'post', ref: row.id, at: p.at,
          text: p.text ? `${p.title}\n\n${p.text}` : p.title,
          target: { id: row.id, url: itemUrl(row.id), author: ownHandle(doc) ?? me },
          ...(p.url ? { links: [p.url] } : {}),
        });
        done = true;
        break;
      }
    } else if (p.type === 'delete') {
      // Only the first page after the post can tell: judged there, whatever it shows, then forgotten.
      done = true;
      const atGoto = typeof p.goto === 'string' && pagePath(doc) === p.goto;
      if (me && atGoto && now - p.at < DELETE_MS && doc.getElementById('hnmain') && itemAuthor(doc, p.id)?.toLowerCase() !== me) {
        emit({ op: 'undid', platform: 'hackernews', kinds: ['post', 'reply'], ref: p.id, at: p.at });
      }
    } else if (p.type === 'fave') {
      const state = faveState(doc, p.id);
      if (state !== null && state === !p.un) {
        if (!p.un) emit({ op: 'did', platform: 'hackernews', kind: 'like', ref: p.id, at: p.at, target: itemTarget(doc, p.id) });
        else if (!isUpvoted(doc, p.id)) emit({ op: 'undid', platform: 'hackernews', kinds: ['like'], ref: p.id, at: p.at });
        done = true;
      } else if (state !== null) {
        done = true; // The page shows the opposite state: the click did not take.
      }
    }
    if (!done && p.loads + 1 < PENDING_LOADS && now - p.at < PENDING_MS) keep.push({ ...p, loads: p.loads + 1 });
  }
  writePending(store, keep);
}

function formValue(form: HTMLFormElement, name: string): string {
  const field = form.elements.namedItem(name);
  return field && 'value' in field ? String((field as { value: unknown }).value) : '';
}

export function watchHackerNews(doc: Document, emit: (o: Observation) => void, signal: AbortSignal): void {
  const win = doc.defaultView;
  if (!win) return;
  let store: Storage;
  try {
    store = win.sessionStorage;
  } catch {
    return; // Storage disabled: nothing can be carried across the form's navigation.
  }
  const remember = (p: Pending): void => writePending(store, [...readPending(store), p]);

  const start = (): void => confirmPending(doc, store, emit);
  if (doc.readyState === 'loading') doc.addEventListener('DOMContentLoaded', start, { once: true, signal });
  else start();

  /**
   * Polls (briefly, after a click) until the page shows the vote flipped, then looks for the beacon's
   * outcome: HN's page never reads it, but the page's Resource Timing records it, with its HTTP status
   * (`responseStatus`, Chromium 109+). A beacon answered with an error (≥ 400) counts nothing. When the
   * browser does not say within BEACON_MS (no entry, status 0, a full timing buffer), the flipped UI is
   * trusted, as HN itself trusts it.
   */
  const awaitFlip = (id: string, how: 'up' | 'un', at: number): void => {
    const want = how === 'up';
    const clickedAt = win.performance.now();
    const deadline = Date.now() + FLIP_MS;
    let flippedAt = 0;
    const settle = (): void => {
      const status = beaconStatus(win, id, how, clickedAt);
      if (status === undefined && Date.now() - flippedAt < BEACON_MS) {
        setTimeout(tick, 50);
        return;
      }
      if (status !== undefined && status >= 400) return;
      if (want) emit({ op: 'did', platform: 'hackernews', kind: 'like', ref: id, at, target: itemTarget(doc, id) });
      else if (faveState(doc, id) !== true) emit({ op: 'undid', platform: 'hackernews', kinds: ['like'], ref: id, at });
    };
    const tick = (): void => {
      if (signal.aborted) return;
      if (flippedAt) return settle();
      if (isUpvoted(doc, id) === want) {
        flippedAt = Date.now();
        return settle();
      }
      if (Date.now() < deadline) setTimeout(tick, 50);
    };
    setTimeout(tick, 0);
  };

  let lastForm: { form: HTMLFormElement; at: number } | null = null;
  const onFormSubmit = (form: HTMLFormElement, submitter: Element | null): void => {
    const now = Date.now();
    // A click on the submit button is followed by the form's submit event: remember it once.
    if (lastForm && lastForm.form === form && now - lastForm.at < 2000) return;
    lastForm = { form, at: now };
    if (form.matches(selectors.commentForm)) {
      const parentId = formValue(form, 'parent');
      const text = formValue(form, 'text');
      if (!/^\d+$/.test(parentId) || !text.trim()) return;
      const author = itemAuthor(doc, parentId);
      remember({
        type: 'comment', at: now, loads: 0, text,
        parent: { id: parentId, url: itemUrl(parentId), ...(author ? { author } : {}) },
        above: Math.max(maxItemId(doc), Number(parentId)),
      });
    } else if (form.matches(selectors.submitForm)) {
      const title = formValue(form, 'title');
      if (!title.trim()) return;
      remember({ type: 'story', at: now, loads: 0, title, url: formValue(form, 'url'), text: formValue(form, 'text') });
    } else if (form.matches(selectors.deleteForm)) {
      // Which of the two submits: only "Yes" deletes. Only the item id and `goto` are read from the form;
      // a form without a usable `goto` could be confirmed by any page, so it is not remembered.
      if (!(submitter instanceof win.HTMLInputElement || submitter instanceof win.HTMLButtonElement) || submitter.value !== 'Yes') return;
      const id = formValue(form, 'id');
      const goto = hnPath(formValue(form, 'goto'));
      if (/^\d+$/.test(id) && goto) remember({ type: 'delete', at: now, loads: 0, id, goto });
    }
  };

  doc.addEventListener('click', (event) => {
    try {
      const target = event.target instanceof win.Element ? event.target : null;
      if (!target || event.button !== 0) return;
      const link = target.closest<HTMLAnchorElement>('a[id], a[href]');
      const voteId = link?.id ? /^(up|un)_(\d+)$/.exec(link.id) : null;
      if (voteId?.[2] && ownHandle(doc)) {
        awaitFlip(voteId[2], voteId[1] === 'up' ? 'up' : 'un', Date.now());
        return;
      }
      if (link?.matches(selectors.fave)) {
        const params = new URLSearchParams(link.getAttribute('href')?.split('?')[1] ?? '');
        const id = params.get('id');
        if (id && /^\d+$/.test(id) && ownHandle(doc)) remember({ type: 'fave', at: Date.now(), loads: 0, id, un: params.get('un') === 't' });
        return;
      }
      const submit = target.closest(selectors.submitButton);
      const form = submit?.closest('form');
      if (form) onFormSubmit(form, submit ?? null);
    } catch (error) {
      console.warn('[Give First] hacker news watch failed', error);
    }
  }, { capture: true, signal });

  // Enter in a field, or a script's requestSubmit(), fires `submit` without a click. (`form.submit()`
  // fires neither; extensions that use it for Ctrl+Enter also click nothing, so those go unseen.)
  doc.addEventListener('submit', (event) => {
    try {
      if (event.target instanceof win.HTMLFormElement) onFormSubmit(event.target, event.submitter);
    } catch (error) {
      console.warn('[Give First] hacker news watch failed', error);
    }
  }, { capture: true, signal });
}
