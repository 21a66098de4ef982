/**
 * Facebook's composers, for the nudge. Only the create-post dialog publishes an original post: it opens
 * from the feed's "What's on your mind?" entry (`[data-pagelet="FeedComposer"] [role="button"]`, L/M) and
 * its submit is `div[aria-label="Post"][role="button"]` (platforms.md §7.A, L/M; "Publicar" in Spanish,
 * from the label map). Comment and reply boxes (Lexical editors under a post or a comment) submit with
 * Enter (L) or their own "Comment" button: both are gives and never matched here, so never nudged.
 * Keyboard: the create-post dialog has no known keyboard submit, so no key is ever held back.
 * A dialog that shows a post (the share dialog's preview of the shared post), or one opened from a post's
 * share control, is a quote — never nudged. So is a post written on another person's profile page: it
 * goes on their wall, and parse.ts counts it as a reply to them. When unsure describe() says null: a
 * missed nudge is harmless, a nudge on a comment is not.
 */
import { pickSuggestions } from '../../shared/suggestions.ts';
import type { ComposerHooks } from '../types.ts';
import { ownProfileName, postAuthor, posts } from './dom.ts';
import { authorFromHref, facebookPageKind } from './routes.ts';
import { POST_LABELS, selectors } from './selectors.ts';

/** An intent older than this no longer explains an open dialog. */
const INTENT_TTL_MS = 30 * 60_000;

function label(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
}

/** The create-post (or share) dialog a control is in: a dialog with a Lexical editor, the control outside any article. */
function composerDialog(from: Element): Element | null {
  const dialog = from.closest(selectors.dialog);
  if (!dialog || from.closest(selectors.article) || from.closest('form')) return null;
  return dialog.querySelector(selectors.editor) ? dialog : null;
}

export function createFacebookComposer(): ComposerHooks {
  let intent: { kind: 'post' | 'quote'; at: number } | null = null;

  return {
    submitFromClick(target) {
      const button = target.closest<HTMLElement>('[role="button"], button');
      if (!button || button.matches('[disabled], [aria-disabled="true"]')) return null;
      if (!POST_LABELS.has(label(button))) return null;
      return composerDialog(button) ? button : null;
    },

    submitFromKey() {
      return null;
    },

    describe(submit, url) {
      const dialog = composerDialog(submit);
      if (!dialog) return null;
      const editors = [...dialog.querySelectorAll<HTMLElement>(selectors.editor)].filter((box) => !box.closest(selectors.article));
      if (editors.length === 0) return null;
      const draft = editors.map((box) => box.innerText.trim()).join('\n\n');
      const sharing = !!dialog.querySelector(selectors.article) || (intent?.kind === 'quote' && Date.now() - intent.at < INTENT_TTL_MS);
      const profile = facebookPageKind(url) === 'profile' ? authorFromHref(url.href) : null;
      const onSomeoneElsesWall = profile !== null && profile !== ownProfileName(submit.ownerDocument);
      return { kind: sharing ? 'quote' : onSomeoneElsesWall ? 'reply' : 'post', draft, anchor: dialog };
    },

    noteClick(target, now) {
      if (target.closest(selectors.shareRole)) intent = { kind: 'quote', at: now };
      else if (target.closest(selectors.composerTrigger)) intent = { kind: 'post', at: now };
    },

    suggestions(doc, ownHandle, max) {
      const own = ownHandle?.toLowerCase();
      function* candidates(): Generator<HTMLElement> {
        for (const post of posts(doc)) {
          if (!(post instanceof HTMLElement) || post.closest(selectors.dialog)) continue;
          const author = postAuthor(post);
          if (author && author !== own) yield post;
        }
      }
      return pickSuggestions(candidates(), max);
    },
  };
}
