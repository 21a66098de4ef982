/**
 * The Facebook adapter's page watcher: one delegated click listener (capture phase) on the document.
 * - Remembers which post a like or share control was clicked in (session.ts): Facebook's requests name a
 *   post by id only, and its permalinks often hide that id, so the click is what ties request and author.
 * - Confirms an unreact from the page: how Facebook sends the removal of a reaction is the least certain
 *   hook (network.ts, L). When a reacted like control ("Remove Like", "Quitar Me gusta") is clicked and,
 *   once the page has settled, the same control reads "Like" again while no recognised unreact request was
 *   seen for that post, the reaction was removed: emit the undo. A failed request makes Facebook put the
 *   reaction back, so nothing is emitted. Reacting is never confirmed from the page: the optimistic UI
 *   flips before the server agrees, and the request is the record.
 */
import type { Observation } from '../../shared/observations.ts';
import { isReacted, likeControl, likeControlOf, postElement, postIdOf } from './dom.ts';
import { selectors } from './selectors.ts';
import type { FacebookSession } from './session.ts';

/** How long after the click the control's state is read (the request normally returns well within). */
export const UNREACT_SETTLE_MS = 3000;

export function createWatch(session: FacebookSession) {
  return (doc: Document, emit: (observation: Observation) => void, signal: AbortSignal): void => {
    // The pending settle checks, all cleared by one abort listener (one listener per click would pile up
    // on the signal for as long as the page lives).
    const timers = new Set<ReturnType<typeof setTimeout>>();
    signal.addEventListener('abort', () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    }, { once: true });

    doc.addEventListener('click', (event) => {
      const target = event.target;
      if (!(target instanceof Element)) return;
      const now = Date.now();
      const post = postElement(target);
      if (!post) return;
      if (target.closest(selectors.shareRole)) {
        session.shareClick = { post, at: now };
        return;
      }
      const control = likeControl(target);
      if (!control) return;
      session.reactClick = { post, at: now };
      if (!isReacted(control)) return;
      const timer = setTimeout(() => {
        timers.delete(timer);
        const ref = session.postRefs.get(post) ?? postIdOf(post);
        const after = post.isConnected ? likeControlOf(post) : null;
        const seen = ref ? session.unreacts.get(ref) ?? 0 : 0;
        if (ref && after && !isReacted(after) && seen < now - 50) {
          emit({ op: 'undid', platform: 'facebook', kinds: ['like'], ref, at: now });
        }
      }, UNREACT_SETTLE_MS);
      timers.add(timer);
    }, { capture: true, signal });
  };
}
