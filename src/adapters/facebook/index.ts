/** The Facebook (www.facebook.com) adapter; m.facebook.com and mbasic are other apps, out of scope. */
import type { SiteAdapter } from '../types.ts';
import { createFacebookComposer } from './composer.ts';
import { likeControlOf, ownProfileName, postAuthor, posts } from './dom.ts';
import { FACEBOOK_TAP } from './network.ts';
import { parseFacebookCall } from './parse.ts';
import { facebookPageKind } from './routes.ts';
import { selectors } from './selectors.ts';
import { FacebookSession } from './session.ts';
import { createWatch } from './watch.ts';

/** How many posts the health check looks into. */
const HEALTH_SAMPLE = 20;

const readIdentity = ownProfileName;

const session = new FacebookSession();

export const facebookAdapter: SiteAdapter = {
  id: 'facebook',
  matches: ['https://www.facebook.com/*'],
  tap: FACEBOOK_TAP,
  parseCall: (call, doc) => parseFacebookCall(call, doc, session, readIdentity(doc)),
  composer: createFacebookComposer(),
  readIdentity,
  watch: createWatch(session),

  healthApplies(url) {
    const kind = facebookPageKind(url);
    return kind === 'feed' || kind === 'group' || kind === 'post';
  },

  checkHealth(doc, url) {
    const kind = facebookPageKind(url);
    // Only judge a rendered page: a signed-out visitor gets the login form and no main region.
    if (!doc.querySelector(selectors.main)) return null;
    const found = posts(doc).slice(0, HEALTH_SAMPLE);
    if (found.length === 0) {
      return kind === 'feed' ? { code: 'no-posts', detail: `no post container (${selectors.post}) on the feed` } : null;
    }
    // One odd unit (an ad, a "people you may know" box) is not breakage; hooks that are gone fail on every post.
    if (!found.some((post) => likeControlOf(post))) return { code: 'no-like-button', detail: `no post with ${selectors.likeRole} or a Like label` };
    if (!found.some((post) => postAuthor(post))) return { code: 'no-author', detail: `no post with ${selectors.profileName} and a profile link` };
    return null;
  },
};
