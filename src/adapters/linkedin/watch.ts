/**
 * The LinkedIn adapter's page watcher: one delegated click listener (capture phase) on the document.
 * - Remembers which post a repost menu or follow button was opened from (session.ts), since LinkedIn's
 *   repost and follow requests name an urn the page does not show next to an author.
 * - Fallback confirmation of an unreact: LinkedIn removes reactions through an SDUI action
 *   (network.ts, confidence M) whose route or body may change. When a pressed post-level react button is
 *   clicked and, once the page has settled, the button is still unpressed (aria-pressed="false", H) while no
 *   recognised unreact request was seen for that post, the reaction was removed: emit the undo. A failed
 *   request makes LinkedIn roll the button back, so it emits nothing. Reacting is never confirmed from the
 *   DOM: the optimistic UI presses the button before the server agrees.
 */
import type { Observation } from '../../shared/observations.ts';
import { asReactButton, findPost, postAuthor, postElement, postUrnOf, reactButtonOf } from './dom.ts';
import { authorFromHref } from './routes.ts';
import { selectors } from './selectors.ts';
import type { LinkedInSession } from './session.ts';

/** How long after the click the button's state is read (LinkedIn's request normally returns well within). */
export const UNREACT_SETTLE_MS = 3000;

function nearbyAuthor(from: Element): string | null {
  let node: Element | null = from;
  for (let depth = 0; node && depth < 6; depth++, node = node.parentElement) {
    const link = node.querySelector('a[href*="/in/"], a[href*="/company/"]');
    const author = link ? authorFromHref(link.getAttribute('href') ?? '') : null;
    if (author) return author;
  }
  return null;
}

export function createWatch(session: LinkedInSession) {
  return (doc: Document, emit: (observation: Observation) => void, signal: AbortSignal): void => {
    doc.addEventListener('click', (event) => {
      const target = event.target;
      if (!(target instanceof Element)) return;
      const now = Date.now();
      const post = postElement(target);
      if (target.closest(selectors.repostButton)) {
        session.repostClick = { urn: post && postUrnOf(post), author: post && postAuthor(post), at: now };
        return;
      }
      const follow = target.closest(selectors.followButton);
      if (follow) {
        session.followClick = { urn: null, author: (post && postAuthor(post)) ?? nearbyAuthor(follow), at: now };
        return;
      }
      const react = asReactButton(target);
      const urn = post && react?.getAttribute('aria-pressed') === 'true' ? postUrnOf(post) : null;
      if (!urn) return;
      const timer = setTimeout(() => {
        const button = reactButtonOf(findPost(doc, urn) ?? doc.createElement('div'));
        const seen = session.unreacts.get(urn) ?? 0;
        if (button?.getAttribute('aria-pressed') === 'false' && seen < now - 50) {
          emit({ op: 'undid', platform: 'linkedin', kinds: ['like'], ref: urn, at: now });
        }
      }, UNREACT_SETTLE_MS);
      signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    }, { capture: true, signal });
  };
}
