/**
 * Bluesky's composer, for the nudge (platforms.md §2.A, social-app `Composer.tsx`, `TextInput.web.tsx`,
 * confidence H): the submit control is `composerPublishBtn`; Ctrl/Cmd+Enter in the editor publishes.
 *
 * Original or not: a composer opened with `replyTo` shows the replied-to post (ComposerReplyTo) and its
 * button is labelled "Publish reply" / "Publish replies" (English; other languages translate it), so
 * the adapter combines the label with what opened the composer (a post's reply button, the repost
 * menu's quote item). When in doubt it says "reply": a missed nudge is harmless, a nudge on a reply is not.
 */
import type { ComposerHooks, ComposerKind } from '../types.ts';
import { parsePostHref } from './routes.ts';
import { selectors } from './selectors.ts';

const INTENT_TTL_MS = 30 * 60_000;

function enabled(el: HTMLElement | null): HTMLElement | null {
  return el && !el.matches('[disabled], [aria-disabled="true"]') ? el : null;
}

/** The nearest ancestor holding both a text box and the publish button. */
function composerRoot(from: Element): Element | null {
  for (let node: Element | null = from; node && node !== from.ownerDocument.body; node = node.parentElement) {
    if (node.querySelector(selectors.composerText) && node.querySelector(selectors.composerPublish)) return node;
  }
  return null;
}

/** The handle in `feedItem-by-<handle>`. */
export function itemAuthor(item: Element): string | null {
  const id = item.getAttribute('data-testid') ?? '';
  const m = /^(?:feedItem|postThreadItem)-by-(.+)$/.exec(id);
  return m?.[1] ?? null;
}

export function createBlueskyComposer(): ComposerHooks {
  let intent: { kind: ComposerKind; at: number } | null = null;

  return {
    submitFromClick(target) {
      return enabled(target.closest<HTMLElement>(selectors.composerPublish));
    },

    submitFromKey(event) {
      // social-app: `(metaKey || ctrlKey) && code === 'Enter'` emits publish.
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
      const box = event.target instanceof Element ? event.target.closest(selectors.composerText) : null;
      const root = box && composerRoot(box);
      return enabled(root?.querySelector<HTMLElement>(selectors.composerPublish) ?? null);
    },

    describe(submit) {
      const root = composerRoot(submit);
      if (!root) return null;
      const draft = [...root.querySelectorAll<HTMLElement>(selectors.composerText)].map((b) => b.innerText.trim()).join('\n\n');
      const label = submit.getAttribute('aria-label') ?? '';
      const recent = intent && Date.now() - intent.at < INTENT_TTL_MS ? intent.kind : null;
      let kind: ComposerKind = 'post';
      if (/\brepl(y|ies)\b/i.test(label)) kind = 'reply';
      else if (/\bpost(s)?\b/i.test(label)) kind = recent === 'quote' ? 'quote' : 'post';
      else if (recent === 'reply' || recent === 'quote') kind = recent;
      // A label in another language and no intent seen: a composer that shows a post is a reply.
      else if (root.querySelector(selectors.postLink)) kind = 'reply';
      return { kind, draft, anchor: root.closest('[role="dialog"]') ?? root };
    },

    noteClick(target, now) {
      if (target.closest(selectors.replyButton)) intent = { kind: 'reply', at: now };
      else if (target.closest(selectors.quoteMenuItem)) intent = { kind: 'quote', at: now };
      else if (target.closest(selectors.composeButton)) intent = { kind: 'post', at: now };
    },

    suggestions(doc, ownHandle, max) {
      const own = ownHandle?.toLowerCase();
      const visible: HTMLElement[] = [];
      const offscreen: HTMLElement[] = [];
      for (const item of doc.querySelectorAll<HTMLElement>(selectors.postItem)) {
        if (item.closest('[role="dialog"]')) continue;
        const author = itemAuthor(item)?.toLowerCase();
        const link = item.querySelector<HTMLAnchorElement>(selectors.postLink);
        const actor = link ? parsePostHref(link.getAttribute('href') ?? '')?.actor.toLowerCase() : undefined;
        if (!author || author === own || actor === own) continue;
        const box = item.getBoundingClientRect();
        (box.bottom > 0 && box.top < innerHeight ? visible : offscreen).push(item);
        if (visible.length >= max) break;
      }
      return [...visible, ...offscreen].slice(0, max);
    },
  };
}
