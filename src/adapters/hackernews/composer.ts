/**
 * Hacker News composers, for the nudge (platforms.md §9.A). The submit page (`/submit`,
 * form[action="/r"]) publishes an original post and may be nudged; comment and reply forms
 * (form[action="comment"]) never are. HN has no Ctrl/Cmd+Enter; Enter in the title or URL field submits
 * the submit form (implicit submission), so that key is caught too.
 */
import type { ComposerHooks } from '../types.ts';
import { selectors } from './selectors.ts';

const FORMS = `${selectors.submitForm}, ${selectors.commentForm}`;

function submitOf(form: Element | null): HTMLElement | null {
  return form?.querySelector<HTMLElement>(selectors.submitButton) ?? null;
}

export function createHnComposer(): ComposerHooks {
  return {
    submitFromClick(target) {
      const submit = target.closest<HTMLElement>(selectors.submitButton);
      return submit?.closest(FORMS) ? submit : null;
    },

    submitFromKey(event) {
      if (event.key !== 'Enter' || event.isComposing) return null;
      const field = event.target instanceof HTMLInputElement && event.target.type !== 'submit' ? event.target : null;
      return submitOf(field?.closest(selectors.submitForm) ?? null);
    },

    describe(submit) {
      const form = submit.closest<HTMLFormElement>(FORMS);
      if (!form) return null;
      const field = (name: string): string => {
        const el = form.elements.namedItem(name);
        return el && 'value' in el ? String((el as { value: unknown }).value) : '';
      };
      if (form.matches(selectors.submitForm)) {
        return { kind: 'post', draft: [field('title'), field('url'), field('text')].filter(Boolean).join('\n\n'), anchor: form };
      }
      return { kind: 'reply', draft: field('text'), anchor: form };
    },

    noteClick() {
      // Each form says what it is.
    },

    suggestions(doc, ownHandle, max) {
      const own = ownHandle?.toLowerCase();
      const out: HTMLElement[] = [];
      for (const row of doc.querySelectorAll<HTMLElement>(selectors.item)) {
        const author = (row.querySelector(selectors.author) ?? row.nextElementSibling?.querySelector(selectors.author))?.textContent?.trim().toLowerCase();
        if (!author || author === own) continue;
        out.push(row);
        if (out.length >= max) break;
      }
      return out;
    },
  };
}
