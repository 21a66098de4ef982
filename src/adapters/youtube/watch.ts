/**
 * Comment likes, confirmed in the page. Their request (comment/perform_comment_action) carries only an
 * opaque protobuf `actions[0]` whose undo code no sound source decodes, so the direction cannot be read
 * from it (parse.ts only notes which comment's action succeeded). Instead, per the brief's
 * rule for DOM-watched actions and platforms.md §0.3 ("read the toggled state after the click
 * settles"): a click on a comment's like button (or on its dislike button while the like is on) is
 * remembered, and counts once that comment's like button shows `aria-pressed` flipped:
 *   - at once when a 2xx perform_comment_action for that same comment was relayed since the click;
 *   - otherwise only if the flip still holds SETTLE_MS later (YouTube's toggle rolls back when the
 *     request fails; a request the tap missed is then trusted to the page, as the HN adapter trusts its
 *     vote arrows).
 * One delegated listener on the document; no work until such a click; polling stops after FLIP_MS.
 */
import type { Observation } from '../../shared/observations.ts';
import type { YoutubeState } from './parse.ts';
import { commentTarget } from './parse.ts';
import { commentIdOf, videoIdOf } from './routes.ts';
import { selectors } from './selectors.ts';

const FLIP_MS = 3000;
const SETTLE_MS = 4000;
const TICK_MS = 50;

const pressed = (button: Element | null | undefined): boolean | null => {
  const value = button?.getAttribute('aria-pressed');
  return value === 'true' ? true : value === 'false' ? false : null;
};

export function watchYoutube(state: YoutubeState) {
  return (doc: Document, emit: (o: Observation) => void, signal: AbortSignal): void => {
    const win = doc.defaultView;
    if (!win) return;

    const awaitFlip = (comment: Element, commentId: string, want: boolean, clickedAt: number): void => {
      const likeButton = (): Element | null => (comment.isConnected ? comment.querySelector(selectors.commentLikeButton) : null);
      const deadline = clickedAt + FLIP_MS;
      let flippedAt = 0;
      const confirm = (): void => {
        if (want) {
          let videoId: string | null = null;
          try {
            videoId = videoIdOf(new URL(win.location.href));
          } catch {
            videoId = null;
          }
          emit({ op: 'did', platform: 'youtube', kind: 'like', ref: commentId, at: clickedAt, target: commentTarget(doc, commentId, videoId) });
        } else {
          emit({ op: 'undid', platform: 'youtube', kinds: ['like'], ref: commentId, at: clickedAt });
        }
      };
      const tick = (): void => {
        if (signal.aborted) return;
        const now = Date.now();
        const current = pressed(likeButton());
        if (!flippedAt) {
          if (current === want) flippedAt = now;
          else if (now < deadline) return void setTimeout(tick, TICK_MS);
          else return;
        }
        if (current !== want) return; // Rolled back: the request failed.
        if ((state.commentActionOkAt.get(commentId) ?? 0) >= clickedAt) return confirm();
        if (now - flippedAt >= SETTLE_MS) return confirm();
        setTimeout(tick, TICK_MS);
      };
      setTimeout(tick, 0);
    };

    doc.addEventListener('click', (event) => {
      try {
        const target = event.target instanceof win.Element ? event.target : null;
        if (!target || event.button !== 0) return;
        const like = target.closest(selectors.commentLikeButton);
        const dislike = like ? null : target.closest(selectors.commentDislikeButton);
        if (!like && !dislike) return;
        const comment = (like ?? dislike)?.closest(selectors.comment);
        if (!comment) return; // The video's own like button: counted from the network.
        const commentId = commentIdOf(comment.querySelector(selectors.commentLink)?.getAttribute('href'));
        if (!commentId) return;
        const before = pressed(comment.querySelector(selectors.commentLikeButton));
        if (before === null) return;
        // A dislike matters only when it takes a like away.
        if (dislike && !before) return;
        awaitFlip(comment, commentId, !before, Date.now());
      } catch (error) {
        console.warn('[Give First] youtube watch failed', error);
      }
    }, { capture: true, signal });
  };
}
