/**
 * LinkedIn's composers, for the nudge. Only the share box's Post button publishes an original post:
 * classic `button.share-actions__primary-action` in the share modal opened by
 * `button.share-box-feed-entry__trigger` (platforms.md §5.A, M); in the SDUI front end a `share-post-button`
 * view name (L), else a button of the modal whose text is "Post" in the page's language (label map, fallback).
 * Comment and reply submits (`button.comments-comment-box__submit-button--cr`) are never nudged: they are
 * not matched here at all. Keyboard: LinkedIn's share box has no documented keyboard submit (Enter and
 * Ctrl+Enter add a line in the Quill editor; not verified on the live site), so none is nudged — holding back a
 * key that would not have posted and then clicking Post for the user would publish unasked.
 * A modal that shows a reshared post (repost with your thoughts) is a quote, never nudged; since the preview's
 * hook is low confidence, a modal opened from a post's repost menu (and not from the share box since) counts
 * as a quote too. When in doubt it is not a post: a missed nudge is harmless, a nudge on a quote is not.
 */
import type { ComposerHooks } from '../types.ts';
import { postAuthor, posts } from './dom.ts';
import { POST_BUTTON_LABELS, selectors } from './selectors.ts';

function shareModal(from: Element): Element | null {
  return from.closest(selectors.shareModal);
}

function isPostButton(button: HTMLElement): boolean {
  if (button.matches(selectors.sharePostButton)) return true;
  const modal = shareModal(button);
  return !!modal && !!modal.querySelector(selectors.shareEditor) && !button.closest(selectors.commentForm)
    && POST_BUTTON_LABELS.has(button.textContent?.trim() ?? '');
}

/** An intent older than this no longer explains an open composer. */
const INTENT_TTL_MS = 30 * 60_000;

export function createLinkedInComposer(): ComposerHooks {
  let intent: { kind: 'post' | 'quote'; at: number } | null = null;

  return {
    submitFromClick(target) {
      const button = target.closest<HTMLElement>('button');
      if (!button || button.closest(selectors.commentForm)) return null;
      if (button.matches('[disabled], [aria-disabled="true"]')) return null;
      return isPostButton(button) ? button : null;
    },

    submitFromKey() {
      return null;
    },

    describe(submit) {
      const modal = shareModal(submit);
      if (!modal || submit.closest(selectors.commentForm)) return null;
      const draft = [...modal.querySelectorAll<HTMLElement>(selectors.shareEditor)].map((b) => b.innerText.trim()).join('\n\n');
      const resharing = !!modal.querySelector(selectors.reshareePreview)
        || (intent?.kind === 'quote' && Date.now() - intent.at < INTENT_TTL_MS);
      return { kind: resharing ? 'quote' : 'post', draft, anchor: modal };
    },

    noteClick(target, now) {
      if (target.closest(selectors.repostButton)) intent = { kind: 'quote', at: now };
      else if (target.closest(selectors.shareTrigger)) intent = { kind: 'post', at: now };
    },

    suggestions(doc, ownHandle, max) {
      const own = ownHandle?.toLowerCase();
      const visible: HTMLElement[] = [];
      const offscreen: HTMLElement[] = [];
      for (const post of posts(doc)) {
        if (!(post instanceof HTMLElement) || post.closest(selectors.shareModal)) continue;
        const author = postAuthor(post);
        if (!author || author === own) continue;
        const box = post.getBoundingClientRect();
        (box.bottom > 0 && box.top < innerHeight ? visible : offscreen).push(post);
        if (visible.length >= max) break;
      }
      return [...visible, ...offscreen].slice(0, max);
    },
  };
}
