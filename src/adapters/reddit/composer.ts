/**
 * Reddit's composers, for the nudge (platforms.md §4.A). Only a new post is an original post:
 *   shreddit: the new-post composer on /r/<sub>/submit (`r-post-composer-form`, `#submit-post-button`);
 *   old.reddit: the /submit page (`form#newlink`, its `submit` button).
 * Comment composers (shreddit-composer / comment-composer-host, old reddit `form.usertext`) are replies
 * and are never nudged. Neither front end submits with Ctrl/Cmd+Enter natively (RES and RedditEnhancer add
 * it), so there is no key to catch.
 */
import type { ComposerHooks, ComposerInfo } from '../types.ts';
import { old, shreddit } from './selectors.ts';

const SHREDDIT_POST_SUBMIT = `${shreddit.postSubmit}, ${shreddit.postComposer} button[type="submit"]`;
const OLD_POST_SUBMIT = `${old.submitForm} button[type="submit"], ${old.submitForm} button[name="submit"]`;
const COMMENT_SUBMIT = `:is(${shreddit.commentComposer}) button[type="submit"], ${old.commentForm} :is(${old.commentSave})`;
const SUBMIT = `${SHREDDIT_POST_SUBMIT}, ${OLD_POST_SUBMIT}, ${COMMENT_SUBMIT}`;

const value = (el: Element | null | undefined): string => {
  if (!el) return '';
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return el.value;
  return (el as HTMLElement).innerText || el.textContent || '';
};

export function createRedditComposer(): ComposerHooks {
  return {
    submitFromClick(target) {
      const submit = target.closest<HTMLElement>(SUBMIT);
      return submit && !submit.matches('[disabled], [aria-disabled="true"]') ? submit : null;
    },

    submitFromKey() {
      return null;
    },

    describe(submit) {
      const postForm = submit.closest(`${shreddit.postComposer}, ${old.submitForm}`) ?? (submit.matches(shreddit.postSubmit) ? submit.ownerDocument.querySelector(shreddit.postComposer) : null);
      if (postForm) {
        const title = value(postForm.querySelector(`${shreddit.postTitle}, ${old.submitTitle}`));
        const body = value(postForm.querySelector(old.submitText) ?? postForm.querySelector('shreddit-composer [contenteditable="true"], shreddit-composer textarea'));
        const info: ComposerInfo = { kind: 'post', draft: [title, body].filter(Boolean).join('\n\n'), anchor: postForm };
        return info;
      }
      const form = submit.closest(`${shreddit.commentComposer}, ${old.commentForm}`);
      if (!form) return null;
      // old reddit reuses form.usertext for editing one's own text (class edit-usertext).
      const kind = form.matches('.edit-usertext') ? 'edit' : 'reply';
      return { kind, draft: value(form.querySelector(`textarea, ${shreddit.composerText}`)), anchor: form };
    },

    noteClick() {
      // Nothing to remember: each composer says what it is.
    },

    suggestions(doc, ownHandle, max) {
      const own = ownHandle?.toLowerCase();
      const visible: HTMLElement[] = [];
      const offscreen: HTMLElement[] = [];
      const items = doc.querySelectorAll<HTMLElement>(`${shreddit.post}, ${shreddit.comment}, ${old.thing}`);
      for (const item of items) {
        const author = (item.getAttribute('author') ?? item.getAttribute('data-author'))?.toLowerCase();
        if (!author || author === own || author === '[deleted]') continue;
        const box = item.getBoundingClientRect();
        (box.bottom > 0 && box.top < innerHeight ? visible : offscreen).push(item);
        if (visible.length >= max) break;
      }
      return [...visible, ...offscreen].slice(0, max);
    },
  };
}
