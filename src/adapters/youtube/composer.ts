/**
 * YouTube composers, for the nudge. Every one is a `ytd-commentbox` with a contenteditable
 * `#contenteditable-root` and a `#submit-button` (platforms.md §8.A, M). Only the community post
 * composer on the user's own channel (`ytd-backstage-post-dialog-renderer`, M) publishes an original
 * post and may be nudged; comment and reply boxes (under `ytd-comments`, a thread, or the simplebox)
 * are gives and never are. A box in neither place is not described (fail open).
 * No keyboard submit is claimed: no source says YouTube's comment box submits on Ctrl/Cmd+Enter, and
 * claiming one would hold back a key press that posts nothing.
 */
import { pickSuggestions } from '../../shared/suggestions.ts';
import type { ComposerHooks } from '../types.ts';
import { handleOf } from './routes.ts';
import { selectors } from './selectors.ts';

function enabled(el: HTMLElement | null): HTMLElement | null {
  return el && !el.matches('[disabled], [aria-disabled="true"]') ? el : null;
}

function draftOf(box: Element): string {
  const input = box.querySelector<HTMLElement>(selectors.commentInput);
  return (input?.innerText ?? input?.textContent ?? '').trim();
}

export function createYoutubeComposer(): ComposerHooks {
  return {
    submitFromClick(target) {
      const host = target.closest<HTMLElement>(selectors.submitButton);
      if (!host?.closest(selectors.commentBox)) return null;
      // `ytd-button-renderer#submit-button` wraps the real <button>; either may be the click target.
      const button = host.matches('button') ? host : host.querySelector<HTMLElement>('button') ?? host;
      return enabled(button);
    },

    submitFromKey() {
      return null;
    },

    describe(submit) {
      const box = submit.closest(selectors.commentBox);
      if (!box) return null;
      const dialog = box.closest(selectors.postDialog);
      if (dialog) return { kind: 'post', draft: draftOf(box), anchor: dialog };
      if (box.closest(selectors.commentsArea)) return { kind: 'reply', draft: draftOf(box), anchor: box };
      return null;
    },

    noteClick() {
      // Where the box sits says what it publishes: no intent to remember.
    },

    suggestions(doc, ownHandle, max) {
      const own = ownHandle?.toLowerCase().replace(/^@/, '');
      const byOther = (href: string | null | undefined): boolean => {
        const author = handleOf(href);
        return !!author && author.toLowerCase() !== own;
      };
      // Others' comments first (answering them is the best give), then others' posts and videos.
      function* candidates(): Generator<HTMLElement> {
        for (const thread of doc.querySelectorAll<HTMLElement>(selectors.thread)) {
          if (byOther(thread.querySelector(selectors.comment)?.querySelector(selectors.commentAuthor)?.getAttribute('href'))) yield thread;
        }
        for (const post of doc.querySelectorAll<HTMLElement>(selectors.backstagePost)) {
          if (byOther(post.querySelector(selectors.backstageAuthor)?.getAttribute('href'))) yield post;
        }
        for (const item of doc.querySelectorAll<HTMLElement>(selectors.videoItem)) {
          if (byOther(item.querySelector(selectors.videoItemChannel)?.getAttribute('href'))) yield item;
        }
      }
      return pickSuggestions(candidates(), max);
    },
  };
}
