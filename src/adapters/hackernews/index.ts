/** The Hacker News adapter (news.ycombinator.com): everything is confirmed in the page (watch.ts). */
import { ShapeError, type SiteAdapter } from '../types.ts';
import { createHnComposer } from './composer.ts';
import { HN_TAP } from './network.ts';
import { hnPageKind } from './routes.ts';
import { selectors } from './selectors.ts';
import { ownHandle, watchHackerNews } from './watch.ts';

export const hackernewsAdapter: SiteAdapter = {
  id: 'hackernews',
  matches: ['https://news.ycombinator.com/*'],
  tap: HN_TAP,
  composer: createHnComposer(),
  readIdentity: ownHandle,

  parseCall(call) {
    // HN's own client sends none of these with fetch/XHR; if it starts to, the watch may miss actions.
    throw new ShapeError(new URL(call.url).pathname, 'sent with fetch/XHR; the adapter expects links and forms');
  },

  healthApplies(url) {
    const kind = hnPageKind(url);
    return kind === 'list' || kind === 'item';
  },

  checkHealth(doc, url) {
    const kind = hnPageKind(url);
    if (kind !== 'list' && kind !== 'item') return null;
    // A page that is not HN's table layout (an error text, a rate-limit page) says nothing.
    if (!doc.getElementById('hnmain')) return null;
    const items = doc.querySelectorAll(selectors.item);
    if (items.length === 0) return { code: 'no-items', detail: `no ${selectors.item}` };
    if (!ownHandle(doc)) return null;
    // Signed in, items by others carry a vote arrow (own items have none).
    const me = ownHandle(doc)?.toLowerCase();
    for (const row of items) {
      const author = (row.querySelector(selectors.author) ?? row.nextElementSibling?.querySelector(selectors.author))?.textContent?.trim().toLowerCase();
      if (!author || author === me) continue;
      if (!row.querySelector(`${selectors.upvote}, ${selectors.voteCell}`) && !doc.getElementById(`un_${row.id}`)) {
        return { code: 'no-vote-link', detail: `${selectors.item} without ${selectors.upvote}` };
      }
    }
    return null;
  },

  watch: watchHackerNews,
};
