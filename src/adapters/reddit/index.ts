/** The Reddit adapter: the new UI (shreddit, www.reddit.com) and old.reddit.com, one platform `reddit`. */
import type { SiteAdapter } from '../types.ts';
import { createRedditComposer } from './composer.ts';
import { REDDIT_TAP } from './network.ts';
import { parseRedditCall } from './parse.ts';
import { redditFront, redditPageKind } from './routes.ts';
import { old, shreddit } from './selectors.ts';
import { watchShreddit } from './watch.ts';

const USERNAME = /^[\w-]{3,20}$/;

function readIdentity(doc: Document): string | null {
  // old.reddit: `span.user a` in the header (RES; confidence H). Signed out, it reads "login or register".
  const oldUser = doc.querySelector<HTMLAnchorElement>(old.user);
  if (oldUser) {
    const name = /\/user\/([\w-]+)/.exec(oldUser.getAttribute('href') ?? '')?.[1];
    return name && USERNAME.test(name) ? name : null;
  }
  // shreddit: confidence L (see selectors.ts).
  const app = doc.querySelector(shreddit.app);
  const fromApp = app?.getAttribute(shreddit.appUserAttr);
  if (fromApp && USERNAME.test(fromApp)) return fromApp;
  const link = doc.querySelector(shreddit.profileLink)?.getAttribute('href');
  const name = link ? /^\/user\/([\w-]+)/.exec(link)?.[1] : undefined;
  return name && USERNAME.test(name) ? name : null;
}

export const redditAdapter: SiteAdapter = {
  id: 'reddit',
  matches: ['https://www.reddit.com/*', 'https://old.reddit.com/*'],
  tap: REDDIT_TAP,
  parseCall: parseRedditCall,
  composer: createRedditComposer(),
  readIdentity,

  healthApplies(url) {
    const kind = redditPageKind(url);
    return kind === 'listing' || kind === 'subreddit' || kind === 'post';
  },

  checkHealth(doc, url) {
    const kind = redditPageKind(url);
    if (kind !== 'listing' && kind !== 'subreddit' && kind !== 'post') return null;
    if (redditFront(url) === 'old') {
      // Judge only a rendered listing or thread.
      if (!doc.querySelector(old.siteTable)) return null;
      const things = doc.querySelectorAll(old.link);
      if (things.length === 0) return { code: 'no-posts', detail: `no ${old.link} in ${old.siteTable}` };
      for (const thing of things) {
        if (thing.classList.contains('promoted') || thing.getAttribute('data-author') === null) continue;
        if (!thing.querySelector(old.upArrow)) return { code: 'no-vote-arrow', detail: `${old.link} without ${old.upArrow}` };
      }
      return null;
    }
    if (!doc.querySelector(shreddit.app)) return null;
    const posts = doc.querySelectorAll(shreddit.post);
    if (posts.length === 0) return { code: 'no-posts', detail: `no ${shreddit.post} in ${shreddit.app}` };
    for (const post of posts) {
      if (!/^t3_/.test(post.id) || !post.hasAttribute('author')) {
        return { code: 'post-shape', detail: `${shreddit.post} without id="t3_…" or author` };
      }
    }
    for (const comment of doc.querySelectorAll(shreddit.comment)) {
      if (!comment.getAttribute('thingid')?.startsWith('t1_') || !comment.hasAttribute('author')) {
        return { code: 'comment-shape', detail: `${shreddit.comment} without thingid="t1_…" or author` };
      }
    }
    for (const join of doc.querySelectorAll(shreddit.joinButton)) {
      if (!join.getAttribute('subreddit-id')?.startsWith('t5_')) {
        return { code: 'join-shape', detail: `${shreddit.joinButton} without subreddit-id="t5_…"` };
      }
    }
    return null;
  },

  watch(doc, emit, signal) {
    const url = new URL(doc.location.href);
    if (redditFront(url) !== 'shreddit') return;
    watchShreddit(doc, emit, signal, () => readIdentity(doc));
  },
};
