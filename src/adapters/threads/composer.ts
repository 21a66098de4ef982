/**
 * Threads' composer, for the nudge (platforms.md §6.A, M/L): a `[role="dialog"]` with a contenteditable
 * `[role="textbox"]` and a role=button whose text is "Post" (localized, selectors.ts). The same dialog
 * writes original posts and replies, so what opened it decides: a post's Reply control → reply, the
 * repost menu's Quote item → quote, the Create control or the feed's "What's new?" box → post (noted in
 * noteClick, as the model adapters do). Without a remembered opener, a dialog that shows another post
 * (the replied-to one) is a reply. When unsure it answers not-a-post: a missed nudge is harmless, a nudge
 * on a reply is not.
 * Keyboard: no keyboard submit is documented for Threads' composer (not verified on the live site), so
 * none is held back — holding a key that would not have posted and then clicking Post would publish unasked.
 */
import { pickSuggestions } from '../../shared/suggestions.ts';
import type { ComposerHooks, ComposerKind } from '../types.ts';
import { iconControl, pagePosts, postIdentity } from './dom.ts';
import { selectors, TEXTS, textIs } from './selectors.ts';

const INTENT_TTL_MS = 30 * 60_000;

function dialogOf(el: Element): Element | null {
  const dialog = el.closest(selectors.dialog);
  return dialog?.querySelector(selectors.composerText) ? dialog : null;
}

function disabled(el: Element): boolean {
  return el.matches('[disabled], [aria-disabled="true"]');
}

export function createThreadsComposer(): ComposerHooks {
  let intent: { kind: ComposerKind; at: number } | null = null;

  return {
    submitFromClick(target) {
      const control = target.closest<HTMLElement>(selectors.control);
      if (!control || disabled(control) || !dialogOf(control)) return null;
      return textIs(control, TEXTS.post) ? control : null;
    },

    submitFromKey() {
      return null;
    },

    describe(submit) {
      const dialog = dialogOf(submit);
      if (!dialog) return null;
      const draft = [...dialog.querySelectorAll<HTMLElement>(selectors.composerText)].map((b) => b.innerText.trim()).filter(Boolean).join('\n\n');
      const recent = intent && Date.now() - intent.at < INTENT_TTL_MS ? intent.kind : null;
      let kind: ComposerKind;
      if (recent) kind = recent;
      else kind = dialog.querySelector(selectors.postLink) ? 'reply' : 'post';
      return { kind, draft, anchor: dialog };
    },

    noteClick(target, now) {
      const hit = iconControl(target);
      if (hit?.role === 'reply' && !target.closest(selectors.dialog)) intent = { kind: 'reply', at: now };
      else if (hit?.role === 'create') intent = { kind: 'post', at: now };
      else if (!hit) {
        const control = target.closest('[role="menuitem"], [role="button"], button');
        if (control && textIs(control, TEXTS.quote)) intent = { kind: 'quote', at: now };
        else if (control && textIs(control, TEXTS.startPost)) intent = { kind: 'post', at: now };
      }
    },

    suggestions(doc, ownHandle, max) {
      const own = ownHandle?.toLowerCase();
      function* candidates(): Generator<HTMLElement> {
        for (const post of pagePosts(doc)) {
          if (!(post instanceof HTMLElement) || post.parentElement?.closest(selectors.post)) continue;
          const { author } = postIdentity(post);
          if (author && author !== own) yield post;
        }
      }
      return pickSuggestions(candidates(), max);
    },
  };
}
