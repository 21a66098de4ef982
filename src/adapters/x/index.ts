/** The X (x.com, twitter.com) adapter. */
import type { SiteAdapter } from '../types.ts';
import { createXComposer } from './composer.ts';
import { X_TAP } from './network.ts';
import { parseXCall } from './parse.ts';
import { xPageKind } from './routes.ts';
import { selectors } from './selectors.ts';

/** How many posts the health check looks into. */
const HEALTH_SAMPLE = 20;

export const xAdapter: SiteAdapter = {
  id: 'x',
  matches: ['https://x.com/*', 'https://twitter.com/*', 'https://mobile.x.com/*', 'https://mobile.twitter.com/*'],
  tap: X_TAP,
  parseCall: parseXCall,
  composer: createXComposer(),

  readIdentity(doc) {
    const href = doc.querySelector<HTMLAnchorElement>(selectors.ownProfileLink)?.getAttribute('href');
    const handle = href?.split('/').filter(Boolean)[0];
    return handle && /^\w{1,15}$/.test(handle) ? handle : null;
  },

  healthApplies(url) {
    const kind = xPageKind(url);
    return kind === 'timeline' || kind === 'profile' || kind === 'post';
  },

  checkHealth(doc, url) {
    const kind = xPageKind(url);
    // Only judge a page that has rendered its main column; a loading or signed-out page says nothing.
    if (!doc.querySelector(selectors.main)) return null;
    const posts = doc.querySelectorAll(selectors.postArticle);
    // A home timeline always has posts once rendered; a profile or thread may legitimately have none.
    if (posts.length === 0 && kind === 'timeline') {
      return { code: 'no-posts', detail: `no ${selectors.postArticle} on the timeline` };
    }
    // The first posts are enough to see that the markup changed, and keep the check bounded on a long
    // timeline: over 2,000 posts, looking into each one took ~8 ms of the page's main thread (issue #2).
    // Indexed, not spread: each post touched costs a wrapper object in the content script's world.
    for (let i = 0; i < Math.min(posts.length, HEALTH_SAMPLE); i++) {
      if (!posts[i]?.querySelector(selectors.likeButton)) {
        return { code: 'no-like-button', detail: `${selectors.postArticle} without ${selectors.likeButton}` };
      }
    }
    return null;
  },
};
