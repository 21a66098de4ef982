/**
 * X's composers, for the nudge. Submit controls and text boxes by data-testid (platforms.md §1.A,
 * CPFT v4.24.0): `tweetButton` in the modal and on /compose/post, `tweetButtonInline` in the home box and
 * under a post; the text box is `tweetTextarea_N`; Ctrl/Cmd+Enter submits.
 *
 * Original or not: X's labels are localised ("Reply"/"Responder"), so the adapter combines language-free
 * signals: an inline composer on a post page is a reply; a modal opened by a post's reply button or the
 * repost menu's quote item is a reply or a quote; a modal that shows a post (an `article`) is one too.
 * When in doubt it says "reply": a missed nudge is harmless, a nudge on a reply is not.
 */
import type { ComposerHooks, ComposerInfo, ComposerKind } from '../types.ts';
import { parsePostUrl, xPageKind } from './routes.ts';
import { selectors } from './selectors.ts';

const SUBMIT = '[data-testid="tweetButton"], [data-testid="tweetButtonInline"]';
const REPLY_BUTTON = '[data-testid="reply"]';
const REPOST_CONFIRM = '[data-testid="retweetConfirm"], [data-testid="repostConfirm"], [data-testid="unretweetConfirm"], [data-testid="unrepostConfirm"]';
const NEW_POST_BUTTON = '[data-testid="SideNav_NewTweet_Button"]';
/** An intent older than this no longer explains an open composer. */
const INTENT_TTL_MS = 30 * 60_000;

/** The nearest ancestor that holds both a text box and a submit control. */
function composerRoot(from: Element): Element | null {
  for (let node: Element | null = from; node && node !== from.ownerDocument.body; node = node.parentElement) {
    if (node.querySelector(selectors.composerText) && node.querySelector(SUBMIT)) return node;
  }
  return null;
}

export function createXComposer(): ComposerHooks {
  let intent: { kind: ComposerKind; at: number } | null = null;

  return {
    submitFromClick(target) {
      const submit = target.closest<HTMLElement>(SUBMIT);
      return submit && !submit.matches('[disabled], [aria-disabled="true"]') ? submit : null;
    },

    submitFromKey(event) {
      if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
      const box = event.target instanceof Element ? event.target.closest(selectors.composerText) : null;
      const root = box && composerRoot(box);
      const submit = root?.querySelector<HTMLElement>(SUBMIT) ?? null;
      return submit && !submit.matches('[disabled], [aria-disabled="true"]') ? submit : null;
    },

    describe(submit, url) {
      const root = composerRoot(submit);
      if (!root) return null;
      const draft = [...root.querySelectorAll<HTMLElement>(selectors.composerText)].map((b) => b.innerText.trim()).join('\n\n');
      const dialog = submit.closest('[role="dialog"]');
      let kind: ComposerKind = 'post';
      const recent = intent && Date.now() - intent.at < INTENT_TTL_MS ? intent.kind : null;
      if (dialog) {
        if (recent === 'reply' || recent === 'quote') kind = recent;
        else if (dialog.querySelector('article')) kind = 'reply';
      } else if (submit.matches('[data-testid="tweetButtonInline"]') && xPageKind(url) === 'post') {
        kind = 'reply';
      }
      const info: ComposerInfo = { kind, draft, anchor: dialog ?? root };
      return info;
    },

    noteClick(target, now) {
      if (target.closest(REPLY_BUTTON)) intent = { kind: 'reply', at: now };
      else if (target.closest(NEW_POST_BUTTON)) intent = { kind: 'post', at: now };
      else {
        // The quote item sits in the same menu as the repost confirm item, and has no stable test id.
        const item = target.closest('[role="menuitem"]');
        if (item && !item.matches(REPOST_CONFIRM) && item.parentElement?.closest('[role="menu"]')?.querySelector(REPOST_CONFIRM)) {
          intent = { kind: 'quote', at: now };
        }
      }
    },

    suggestions(doc, ownHandle, max) {
      const own = ownHandle?.toLowerCase();
      const visible: HTMLElement[] = [];
      const offscreen: HTMLElement[] = [];
      for (const article of doc.querySelectorAll<HTMLElement>(selectors.postArticle)) {
        if (article.closest('[role="dialog"]')) continue;
        const link = article.querySelector<HTMLAnchorElement>(selectors.permalink);
        const author = link ? parsePostUrl(link.getAttribute('href') ?? '')?.handle.toLowerCase() : undefined;
        if (!author || author === own) continue;
        const box = article.getBoundingClientRect();
        (box.bottom > 0 && box.top < innerHeight ? visible : offscreen).push(article);
        if (visible.length >= max) break;
      }
      return [...visible, ...offscreen].slice(0, max);
    },
  };
}
