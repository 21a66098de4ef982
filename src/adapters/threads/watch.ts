/**
 * The Threads adapter's page watcher: one delegated click listener (capture phase) on the document, no
 * MutationObserver, nothing at all until the user clicks.
 *
 * - Likes are confirmed here, not from the network (network.ts says why): a click on a post's like
 *   control (`svg[aria-label="Like"|"Unlike"]` inside the clicked role=button, M/L; labels localized,
 *   selectors.ts) starts a check; once clicks on that post have been quiet for SETTLE_MS, the post's icon
 *   is read again. It counts only if the state differs from before the first click: Threads flips the
 *   icon at once and flips it back when the request fails, so a failed like counts nothing, and
 *   like → unlike → like in quick succession is one like. Unlike is the same flip the other way (undo).
 * - Clicks on Reply, Repost and Follow controls are remembered (session.ts): the requests those clicks
 *   lead to name only numeric ids, the post and author come from here.
 */
import type { Observation } from '../../shared/observations.ts';
import { findPost, followControl, iconControl, likeState, postIdentity, postOf } from './dom.ts';
import { parseProfileHref, postUrl } from './routes.ts';
import type { ClickContext, ThreadsSession } from './session.ts';

/** How long after the last click on a post its like icon is read (the request normally settles within). */
export const SETTLE_MS = 2000;

interface PendingLike {
  before: boolean;
  author: string | null;
  at: number;
  timer: ReturnType<typeof setTimeout>;
}

export function createWatch(session: ThreadsSession) {
  return (doc: Document, emit: (observation: Observation) => void, signal: AbortSignal): void => {
    const pending = new Map<string, PendingLike>();
    signal.addEventListener('abort', () => {
      for (const p of pending.values()) clearTimeout(p.timer);
      pending.clear();
    }, { once: true });

    const settle = (code: string): void => {
      const p = pending.get(code);
      pending.delete(code);
      if (!p || signal.aborted) return;
      const post = findPost(doc, code);
      const now = post ? likeState(post) : null;
      if (now === null || now === p.before) return;
      if (now) {
        emit({
          op: 'did', platform: 'threads', kind: 'like', ref: code, at: p.at,
          target: { id: code, ...(p.author ? { author: p.author, url: postUrl(p.author, code) } : {}) },
        });
      } else {
        emit({ op: 'undid', platform: 'threads', kinds: ['like'], ref: code, at: p.at });
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
      const earlier = pending.get(code);
      if (earlier) clearTimeout(earlier.timer);
      pending.set(code, {
        before: earlier ? earlier.before : hit.role === 'unlike',
        author,
        at: now,
        timer: setTimeout(() => settle(code), SETTLE_MS),
      });
    }, { capture: true, signal });
  };
}
