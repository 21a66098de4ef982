/**
 * The Mastodon adapter, for the official web UI on any instance. The manifest lists a few large
 * instances; any other runs the same scripts once the user adds it in the options
 * (src/background/instances.ts registers them for that origin).
 */
import { parseJson, pick, str } from '../../shared/json.ts';
import type { SiteAdapter } from '../types.ts';
import { createMastodonComposer } from './composer.ts';
import { MASTODON_TAP } from './network.ts';
import { parseMastodonCall, type MastodonState } from './parse.ts';
import { mastodonPageKind } from './routes.ts';
import { selectors } from './selectors.ts';

/** Instances whose content scripts ship in the manifest. Others are added by the user (instances.ts). */
export const MASTODON_MATCHES = [
  'https://mastodon.social/*', 'https://mastodon.online/*', 'https://mstdn.social/*', 'https://fosstodon.org/*',
  'https://hachyderm.io/*', 'https://mastodon.world/*', 'https://infosec.exchange/*',
] as const;

const ACCT_RE = /^[\w.-]+(?:@[\w.-]+)?$/;

/**
 * The user's acct from the page's initial state (platforms.md §3.A, confidence M): `meta.me` is the
 * account id and `accounts[me].acct` the acct. The same JSON holds `meta.access_token`, which is never
 * read into anything, kept or sent: only these two fields are picked.
 */
function initialStateAcct(doc: Document): string | null {
  const state = parseJson(doc.querySelector(selectors.initialState)?.textContent ?? null);
  const me = str(pick(state, 'meta.me'));
  if (!me || !/^\w+$/.test(me)) return null;
  const accounts = pick(state, 'accounts');
  const acct = accounts && typeof accounts === 'object' ? str(pick((accounts as Record<string, unknown>)[me], 'acct')) : undefined;
  return acct && ACCT_RE.test(acct) ? acct : null;
}

export function createMastodonAdapter(): SiteAdapter {
  const state: MastodonState = { acct: null };
  return {
    id: 'mastodon',
    matches: MASTODON_MATCHES,
    tap: MASTODON_TAP,
    parseCall: (call, doc) => parseMastodonCall(state, call, doc),
    composer: createMastodonComposer(),

    readIdentity(doc) {
      return initialStateAcct(doc) ?? (state.acct && ACCT_RE.test(state.acct) ? state.acct : null);
    },

    healthApplies: (url) => mastodonPageKind(url) !== 'other',

    checkHealth(doc, url) {
      // Scripts run on every page of an instance the user added; the web UI is what they expect.
      if (!doc.querySelector(selectors.root)) {
        return doc.querySelector(selectors.initialState) ? { code: 'no-root', detail: `${selectors.initialState} without ${selectors.root}` } : null;
      }
      const kind = mastodonPageKind(url);
      if (!doc.querySelector(selectors.columns)) return null; // not rendered yet
      const statuses = doc.querySelectorAll(selectors.status);
      if (statuses.length === 0 && kind === 'timeline' && !doc.querySelector(selectors.emptyColumn)) {
        return { code: 'no-posts', detail: `no ${selectors.status} on the timeline` };
      }
      for (const status of statuses) {
        const bar = status.querySelector(selectors.actionBar);
        if (!bar) return { code: 'no-action-bar', detail: `${selectors.status} without ${selectors.actionBar}` };
        if (!bar.querySelector(selectors.favouriteButton)) return { code: 'no-favourite-button', detail: `${selectors.actionBar} without ${selectors.favouriteButton}` };
      }
      return null;
    },
  };
}

export const mastodonAdapter = createMastodonAdapter();
