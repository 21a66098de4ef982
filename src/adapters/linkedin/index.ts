/** The LinkedIn (www.linkedin.com) adapter: both front ends, the classic Ember feed and the SDUI one. */
import type { SiteAdapter } from '../types.ts';
import { createLinkedInComposer } from './composer.ts';
import { postUrnOf, posts, reactButtonOf } from './dom.ts';
import { LINKEDIN_TAP } from './network.ts';
import { parseLinkedInCall } from './parse.ts';
import { authorFromHref, linkedinPageKind } from './routes.ts';
import { selectors } from './selectors.ts';
import { LinkedInSession } from './session.ts';
import { createWatch } from './watch.ts';

/**
 * The signed-in member's public identifier, from the feed's identity module or the "Me" menu
 * (`a[href*="/in/"]`; M for the classic feed, L for SDUI).
 */
function readIdentity(doc: Document): string | null {
  for (const link of doc.querySelectorAll(selectors.ownProfileLink)) {
    const author = authorFromHref(link.getAttribute('href') ?? '');
    if (author && !author.startsWith('company/')) return author;
  }
  return null;
}

const session = new LinkedInSession();

export const linkedinAdapter: SiteAdapter = {
  id: 'linkedin',
  matches: ['https://www.linkedin.com/*'],
  tap: LINKEDIN_TAP,
  parseCall: (call, doc) => parseLinkedInCall(call, doc, session, readIdentity(doc)),
  composer: createLinkedInComposer(),
  readIdentity,
  watch: createWatch(session),

  healthApplies(url) {
    const kind = linkedinPageKind(url);
    return kind === 'feed' || kind === 'post';
  },

  checkHealth(doc, url) {
    const kind = linkedinPageKind(url);
    // Only judge a rendered page (LinkedIn sends signed-out visitors of /feed/ to its login page).
    if (!doc.querySelector(selectors.main)) return null;
    const found = posts(doc);
    const identity = readIdentity(doc);
    if (found.length === 0) {
      // Without posts and without the own profile link this is most likely not a signed-in, rendered feed.
      return identity ? { code: 'no-posts', detail: `no post container (${selectors.post.split(', ')[0]} or data-view-name) on the ${kind} page` } : null;
    }
    if (!identity) return { code: 'no-identity', detail: 'posts shown but no own profile link (identity module or Me menu)' };
    // A single odd update (an aggregate, an ad) is not breakage; hooks that are gone fail on every post.
    if (!found.some((post) => postUrnOf(post))) return { code: 'no-post-urn', detail: 'no post with an activity urn (data-urn, data-id or permalink)' };
    if (!found.some((post) => reactButtonOf(post))) return { code: 'no-react-button', detail: 'no post with its post-level react button' };
    return null;
  },
};
