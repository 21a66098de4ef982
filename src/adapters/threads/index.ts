/** The Threads (www.threads.com, formerly www.threads.net) adapter. */
import type { SiteAdapter } from '../types.ts';
import { createThreadsComposer } from './composer.ts';
import { iconsIn, pagePosts, postIdentity } from './dom.ts';
import { THREADS_TAP } from './network.ts';
import { parseThreadsCall } from './parse.ts';
import { parseProfileHref, threadsPageKind } from './routes.ts';
import { iconRole, selectors } from './selectors.ts';
import { ThreadsSession } from './session.ts';
import { createWatch } from './watch.ts';

const session = new ThreadsSession();

/**
 * The signed-in user's handle: the navigation's profile link (an `a[href="/@me"]` holding the
 * `svg[aria-label="Profile"]` icon, M/L, localized), else the handle the user's own post answer named.
 */
function readIdentity(doc: Document): string | null {
  for (const svg of doc.querySelectorAll(selectors.icon)) {
    if (iconRole(svg.getAttribute('aria-label')) !== 'profile') continue;
    const handle = parseProfileHref(svg.closest('a')?.getAttribute('href') ?? '');
    if (handle) return handle;
  }
  return session.me;
}

export const threadsAdapter: SiteAdapter = {
  id: 'threads',
  matches: ['https://www.threads.com/*', 'https://www.threads.net/*'],
  tap: THREADS_TAP,
  parseCall: (call, doc) => parseThreadsCall(call, session, readIdentity(doc)),
  composer: createThreadsComposer(),
  readIdentity,
  watch: createWatch(session),

  healthApplies: (url) => threadsPageKind(url) !== 'other',

  checkHealth(doc) {
    // Only judge a rendered page (signed-out visitors may get a login wall without a main region).
    if (!doc.querySelector(selectors.main)) return null;
    const posts = pagePosts(doc);
    if (posts.length === 0) {
      // Post controls on the page but no post container around them: the container hook was renamed.
      const controls = [...doc.querySelectorAll(selectors.icon)].some((svg) => {
        const role = iconRole(svg.getAttribute('aria-label'));
        return (role === 'like' || role === 'unlike' || role === 'reply') && !svg.closest(selectors.dialog);
      });
      return controls ? { code: 'no-posts', detail: `post controls without ${selectors.post}` } : null;
    }
    // One odd item (a suggestion card) is not breakage; hooks that are gone fail on every post.
    if (!posts.some((post) => iconsIn(post, ['like', 'unlike']).length > 0)) {
      return { code: 'no-like-button', detail: `no post with svg[aria-label] Like/Unlike in ${selectors.post}` };
    }
    if (!posts.some((post) => postIdentity(post).code)) {
      return { code: 'no-post-link', detail: `no post with a ${selectors.postLink} permalink` };
    }
    return null;
  },
};
