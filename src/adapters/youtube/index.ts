/**
 * The YouTube adapter, for the desktop web app at www.youtube.com only: m.youtube.com is a separate
 * mobile app with its own markup, and studio.youtube.com (uploads, the creator's tools) is another app
 * again; neither is matched. Gives: video likes, subscriptions, comments and replies (network, via the
 * page tap) and comment likes (confirmed in the page, watch.ts). Takes: community posts on the user's
 * own channel (backstage/create_post), the only YouTube composer the nudge holds back.
 *
 * YouTube is a single-page app (it fires `yt-navigate-finish` after each in-app navigation, through
 * history.pushState): the runtime's Navigation API listener schedules the health check after each one.
 */
import type { SiteAdapter } from '../types.ts';
import { createYoutubeComposer } from './composer.ts';
import { YOUTUBE_TAP } from './network.ts';
import { HANDLE_RE, parseYoutubeCall, type YoutubeState } from './parse.ts';
import { youtubePageKind } from './routes.ts';
import { selectors } from './selectors.ts';
import { watchYoutube } from './watch.ts';

export const YOUTUBE_MATCHES = ['https://www.youtube.com/*'] as const;

/** The user's handle from the account menu's header (rendered once the menu was opened; L). */
function menuHandle(doc: Document): string | null {
  const text = doc.querySelector(selectors.ownHandle)?.textContent?.trim();
  return text?.startsWith('@') && HANDLE_RE.test(text.slice(1)) ? text.slice(1) : null;
}

export function createYoutubeAdapter(): SiteAdapter {
  const state: YoutubeState = { handle: null, commentActionOkAt: new Map() };
  return {
    id: 'youtube',
    matches: YOUTUBE_MATCHES,
    tap: YOUTUBE_TAP,
    parseCall: (call, doc) => parseYoutubeCall(state, call, doc),
    composer: createYoutubeComposer(),
    watch: watchYoutube(state),

    readIdentity(doc) {
      return menuHandle(doc) ?? state.handle;
    },

    // Only a watch page reliably shows the hooks (like, subscribe, comments); feeds and channel pages
    // vary too much with experiments to judge.
    healthApplies: (url) => youtubePageKind(url) === 'watch',

    checkHealth(doc, url) {
      if (youtubePageKind(url) !== 'watch') return null;
      if (!doc.querySelector(selectors.app)) return null; // consent or error page
      const watch = doc.querySelector(selectors.watch);
      if (!watch) return { code: 'no-watch-page', detail: `${selectors.app} without ${selectors.watch}` };
      const metadata = watch.querySelector(selectors.watchMetadata);
      if (!metadata) return null; // not rendered yet
      const like = metadata.querySelector(selectors.videoLikeButton);
      if (!like || like.getAttribute('aria-pressed') === null) {
        return { code: 'no-like-button', detail: `${selectors.watchMetadata} without ${selectors.videoLikeButton}[aria-pressed]` };
      }
      if (!metadata.querySelector(selectors.ownerLink)) return { code: 'no-owner', detail: `no ${selectors.ownerLink}` };
      if (doc.querySelector(selectors.signedIn) && !metadata.querySelector(selectors.subscribeButton)) {
        return { code: 'no-subscribe-button', detail: `no ${selectors.subscribeButton}` };
      }
      // Comments load only when scrolled to; judge those rendered.
      for (const thread of doc.querySelectorAll(selectors.thread)) {
        const comment = thread.querySelector(selectors.comment);
        if (!comment) return { code: 'no-comment', detail: `${selectors.thread} without ${selectors.comment}` };
        if (!comment.querySelector(selectors.commentLink)) return { code: 'no-comment-link', detail: `comment without ${selectors.commentLink}` };
        const button = comment.querySelector(selectors.commentLikeButton);
        if (!button || button.getAttribute('aria-pressed') === null) {
          return { code: 'no-comment-like', detail: `comment without ${selectors.commentLikeButton}[aria-pressed]` };
        }
      }
      return null;
    },
  };
}

export const youtubeAdapter = createYoutubeAdapter();
