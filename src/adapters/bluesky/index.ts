/** The Bluesky (bsky.app) adapter. Its requests go to the user's data server, whatever its host. */
import { parseJson, pick, str } from '../../shared/json.ts';
import type { SiteAdapter } from '../types.ts';
import { createBlueskyComposer } from './composer.ts';
import { BLUESKY_TAP } from './network.ts';
import { emptyState, parseBlueskyCall } from './parse.ts';
import { blueskyPageKind } from './routes.ts';
import { selectors } from './selectors.ts';

const DID_RE = /^did:[a-z]+:[\w.:%-]{1,200}$/;

/**
 * The signed-in account's DID from social-app's persisted state (platforms.md §2.A, confidence M:
 * `localStorage.BSKY_STORAGE` → `session.currentAccount.did`). That entry also holds session tokens:
 * only the DID is taken from it, nothing else is kept or sent.
 */
function storedDid(doc: Document): string | null {
  try {
    const did = str(pick(parseJson(doc.defaultView?.localStorage.getItem('BSKY_STORAGE') ?? null), 'session.currentAccount.did'));
    return did && DID_RE.test(did) ? did : null;
  } catch {
    return null;
  }
}

export function createBlueskyAdapter(): SiteAdapter {
  const state = emptyState();
  return {
    id: 'bluesky',
    matches: ['https://bsky.app/*'],
    tap: BLUESKY_TAP,
    parseCall: (call) => parseBlueskyCall(state, call),
    composer: createBlueskyComposer(),

    // Authors are DIDs (see parse.ts), so the identity is the DID: first the repo the user's own
    // requests write to, else the one social-app keeps for the current account.
    readIdentity(doc) {
      const repo = state.repo && DID_RE.test(state.repo) ? state.repo : null;
      return repo ?? storedDid(doc);
    },

    healthApplies: (url) => blueskyPageKind(url) !== 'other',

    checkHealth(doc) {
      const items = doc.querySelectorAll(selectors.postItem);
      // Post controls on the page but no post container around them: the containers were renamed.
      if (items.length === 0) {
        return doc.querySelector(`${selectors.replyButton}, ${selectors.likeButton}`)
          ? { code: 'no-posts', detail: `post controls without ${selectors.postItem}` }
          : null;
      }
      for (const item of items) {
        if (item.querySelector(selectors.replyButton) && !item.querySelector(selectors.likeButton)) {
          return { code: 'no-like-button', detail: `post item without ${selectors.likeButton}` };
        }
        if (!item.querySelector(selectors.replyButton) && !item.querySelector(selectors.likeButton)) {
          return { code: 'no-post-controls', detail: `post item without ${selectors.likeButton} or ${selectors.replyButton}` };
        }
      }
      return null;
    },
  };
}

export const blueskyAdapter = createBlueskyAdapter();
