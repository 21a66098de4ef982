/**
 * The Threads adapter's page watcher: one delegated click listener (capture phase) on the document, no
 * MutationObserver, nothing at all until the user clicks.
 *
 * - Likes are confirmed here, not from the network alone (network.ts says why): a click on a post's like
 *   control (`svg[aria-label="Like"|"Unlike"]` inside the clicked role=button, M/L; labels localized,
 *   selectors.ts) starts a check; once clicks on that post have been quiet for SETTLE_MS, the post's icon
 *   is read again. It counts only if the state differs from before the first click: Threads flips the
 *   icon at once and flips it back when the request fails, so a failed like counts nothing, and
 *   like → unlike → like in quick succession is one like. Unlike is the same flip the other way (undo).
 * - Where the page tap relays the like-control request (session.likeCalls), its answer decides: a flip
 *   counts once that request is accepted (at once if it already was), a refusal never counts, and while
 *   it is pending nothing is stored, so a reload before a slow request fails keeps nothing. Until then
 *   the icon is re-read every POLL_MS; a request never relayed by LATE_CHECK_MS leaves the icon to decide.
 * - Without relayed like requests (the tap's spec does not relay them and none was seen), the flip
 *   counts at SETTLE_MS and a request slower than that which then fails is caught by one late re-read
 *   (LATE_CHECK_MS): in memory only.
 * - Clicks on Reply, Repost and Follow controls are remembered (session.ts): the requests those clicks
 *   lead to name only numeric ids, the post and author come from here.
 */
import type { Observation } from '../../shared/observations.ts';
import { findPost, followControl, iconControl, likeState, postIdentity, postOf } from './dom.ts';
import { tapRelaysLikes } from './network.ts';
import { parseProfileHref, postCodePk, postUrl } from './routes.ts';
import type { ClickContext, ThreadsSession } from './session.ts';

/** How long after the last click on a post its like icon is read (the request normally settles within). */
export const SETTLE_MS = 2000;
/**
 * A request slower than SETTLE_MS that then fails flips the icon back after the like was counted: the
 * icon is read once more this long after the click, and a flip back with no click in between is undone.
 */
export const LATE_CHECK_MS = 15_000;
/** How often a flipped like waiting for its request's answer is looked at again. */
export const POLL_MS = 250;

interface PendingLike {
  before: boolean;
  /** The first click of this burst: the request that decides was started at or after it. */
  since: number;
  author: string | null;
  at: number;
  timer: ReturnType<typeof setTimeout>;
}

/** `relaysLikes`: whether the page tap relays the like request (the spec says; tests choose). */
export function createWatch(session: ThreadsSession, relaysLikes = tapRelaysLikes()) {
  return (doc: Document, emit: (observation: Observation) => void, signal: AbortSignal): void => {
    const pending = new Map<string, PendingLike>();
    /** Post code → time of the last click on its like control (bounded: cleared when it grows large). */
    const lastClick = new Map<string, number>();
    const lateChecks = new Set<ReturnType<typeof setTimeout>>();
    signal.addEventListener('abort', () => {
      for (const p of pending.values()) clearTimeout(p.timer);
      for (const timer of lateChecks) clearTimeout(timer);
      pending.clear();
    }, { once: true });

    const lateCheck = (code: string, p: PendingLike): void => {
      const late = setTimeout(() => {
        lateChecks.delete(late);
        const again = findPost(doc, code);
        const state = again ? likeState(again) : null;
        // A click since then is followed by its own check; otherwise a flip back is the site rolling back.
        if (!signal.aborted && lastClick.get(code) === p.at && state === p.before) report(code, p.before, p.author, Date.now());
      }, LATE_CHECK_MS - SETTLE_MS);
      lateChecks.add(late);
    };

    /** Counts a flip once its request is accepted; gives up on a refusal, a flip back or a newer click. */
    const awaitAnswer = (code: string, pk: string, p: PendingLike): void => {
      const timer = setTimeout(() => {
        lateChecks.delete(timer);
        if (signal.aborted || lastClick.get(code) !== p.at) return;
        const post = findPost(doc, code);
        const state = post ? likeState(post) : null;
        if (state === null || state === p.before) return; // Rolled back: the request failed.
        const answer = session.likeAnswer(pk, p.since);
        if (answer === false) return;
        if (answer === true || Date.now() - p.at >= LATE_CHECK_MS) report(code, !p.before, p.author, p.at);
        else awaitAnswer(code, pk, p);
      }, POLL_MS);
      lateChecks.add(timer);
    };

    const settle = (code: string): void => {
      const p = pending.get(code);
      pending.delete(code);
      if (!p || signal.aborted) return;
      const post = findPost(doc, code);
      const now = post ? likeState(post) : null;
      if (now === null || now === p.before) return;
      const pk = postCodePk(code);
      const answer = pk ? session.likeAnswer(pk, p.since) : undefined;
      if (answer === false) return; // Refused with HTTP 200: whatever the icon shows, nothing happened.
      if (answer === undefined && pk && (relaysLikes || session.likeCallsSeen)) return awaitAnswer(code, pk, p);
      report(code, now, p.author, p.at);
      // Accepted: nothing can undo it but the user. Not relayed at all: the icon alone, re-read once more.
      if (answer === undefined) lateCheck(code, p);
    };

    const report = (code: string, liked: boolean, author: string | null, at: number): void => {
      if (liked) {
        emit({
          op: 'did', platform: 'threads', kind: 'like', ref: code, at,
          target: { id: code, ...(author ? { author, url: postUrl(author, code) } : {}) },
        });
      } else {
        emit({ op: 'undid', platform: 'threads', kinds: ['like'], ref: code, at });
      }
    };

    doc.addEventListener('click', (event) => {
      const target = event.target;
      if (!(target instanceof Element)) return;
      const now = Date.now();
      const hit = iconControl(target);
      const post = postOf(target);
      const context = (): ClickContext => ({ ...(post ? postIdentity(post) : { code: null, author: null }), at: now });
      if (hit?.role === 'reply') session.replyClick = context();
      else if (hit?.role === 'repost') session.repostClick = context();
      else if (!hit && followControl(target)) {
        // On a profile page the button is the page's account; in a post or a card, that post's author.
        const author = (post && postIdentity(post).author) ?? parseProfileHref(doc.location?.pathname ?? '');
        session.followClick = { code: null, author, at: now };
      }
      if (!post || (hit?.role !== 'like' && hit?.role !== 'unlike')) return;
      const { code, author } = postIdentity(post);
      if (!code) return;
      if (lastClick.size > 500) lastClick.clear();
      lastClick.set(code, now);
      const earlier = pending.get(code);
      if (earlier) clearTimeout(earlier.timer);
      pending.set(code, {
        before: earlier ? earlier.before : hit.role === 'unlike',
        since: earlier ? earlier.since : now,
        author,
        at: now,
        timer: setTimeout(() => settle(code), SETTLE_MS),
      });
    }, { capture: true, signal });
  };
}
