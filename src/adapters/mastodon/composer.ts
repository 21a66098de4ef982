/**
 * Mastodon's compose form, for the nudge (platforms.md §3.A, mastodon `compose_form.jsx`, confidence H):
 * the submit button is `.compose-form__submit button[type="submit"]`; Ctrl/Cmd+Enter in the textarea
 * submits (`keyCode === 13 && (ctrlKey || metaKey)`). A reply shows `.reply-indicator` inside the form;
 * an edit shows `.edit-indicator`. These are class names, not words, so any UI language works.
 */
import type { ComposerHooks, ComposerKind } from '../types.ts';
import { selectors } from './selectors.ts';

function enabled(el: HTMLElement | null): HTMLElement | null {
  return el && !el.matches('[disabled], [aria-disabled="true"]') ? el : null;
}

export function createMastodonComposer(): ComposerHooks {
  return {
    submitFromClick(target) {
      return enabled(target.closest<HTMLElement>(selectors.submit));
    },

    submitFromKey(event) {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
      const form = event.target instanceof Element ? event.target.closest(selectors.composeForm) : null;
      if (!form || !(event.target instanceof HTMLTextAreaElement)) return null;
      return enabled(form.querySelector<HTMLElement>(selectors.submit));
    },

    describe(submit) {
      const form = submit.closest(selectors.composeForm);
      if (!form) return null;
      const draft = [...form.querySelectorAll<HTMLTextAreaElement>(selectors.composeText)].map((t) => t.value.trim()).join('\n\n');
      let kind: ComposerKind = 'post';
      if (form.querySelector(selectors.editIndicator)) kind = 'edit';
      else if (form.querySelector(selectors.replyIndicator)) kind = 'reply';
      return { kind, draft, anchor: form };
    },

    noteClick() {
      // The form itself says whether it replies (`.reply-indicator`): no intent needed.
    },

    suggestions(doc, ownHandle, max) {
      const own = ownHandle?.toLowerCase().replace(/^@/, '');
      const visible: HTMLElement[] = [];
      const offscreen: HTMLElement[] = [];
      for (const status of doc.querySelectorAll<HTMLElement>(selectors.status)) {
        if (status.closest(selectors.composeForm)) continue;
        const acct = status.querySelector(selectors.displayName)?.getAttribute('title')?.toLowerCase().replace(/^@/, '');
        if (!acct || acct === own) continue;
        const box = status.getBoundingClientRect();
        (box.bottom > 0 && box.top < innerHeight ? visible : offscreen).push(status);
        if (visible.length >= max) break;
      }
      return [...visible, ...offscreen].slice(0, max);
    },
  };
}
