/** Reading posts, comments and authors from LinkedIn's page, for both front ends (selectors.ts). */
import type { Target } from '../../shared/events.ts';
import { authorFromHref, parseCommentUrn, postUrl } from './routes.ts';
import { REACT_LABEL_RE, selectors } from './selectors.ts';

const ACTIVITY_RE = /urn:li:activity:\d+/;

/** The activity urn of a post container: data-urn, data-id, or its permalink. */
export function postUrnOf(post: Element): string | null {
  for (const value of [post.getAttribute('data-urn'), post.getAttribute('data-id')]) {
    const found = value && ACTIVITY_RE.exec(value)?.[0];
    if (found) return found;
  }
  const link = post.querySelector(selectors.permalink)?.getAttribute('href');
  return (link && ACTIVITY_RE.exec(decodeURIComponent(link))?.[0]) ?? null;
}

/** Post containers, outermost only (the classic feed nests `.feed-shared-update-v2` in `div[data-urn]`). */
export function posts(doc: Document | Element): Element[] {
  return [...doc.querySelectorAll(selectors.post)].filter((el) => !el.parentElement?.closest(selectors.post));
}

export function postElement(from: Element): Element | null {
  let found: Element | null = null;
  for (let el = from.closest(selectors.post); el; el = el.parentElement?.closest(selectors.post) ?? null) found = el;
  return found;
}

/** The author of a post container (the header's actor link, outside any comment). */
export function postAuthor(post: Element): string | null {
  for (const link of post.querySelectorAll(selectors.actorLink)) {
    if (link.closest(selectors.comment)) continue;
    const anchor = link instanceof HTMLAnchorElement ? link : link.closest('a') ?? link.querySelector('a');
    const author = authorFromHref(anchor?.getAttribute('href') ?? '');
    if (author) return author;
  }
  return null;
}

export function findPost(doc: Document, urn: string): Element | null {
  return posts(doc).find((post) => postUrnOf(post) === urn) ?? null;
}

export function findComment(doc: Document, activity: string, comment: string): Element | null {
  for (const el of doc.querySelectorAll(selectors.comment)) {
    const parsed = parseCommentUrn(el.getAttribute('data-id') ?? '');
    if (parsed?.activity === activity && parsed.comment === comment) return el;
  }
  return null;
}

export function commentAuthor(comment: Element): string | null {
  const link = comment.querySelector(selectors.commentActorLink);
  const anchor = link instanceof HTMLAnchorElement ? link : link?.closest('a') ?? link?.querySelector('a');
  return authorFromHref(anchor?.getAttribute('href') ?? '');
}

/** Target of an action on a post or comment urn, with the author read from the page when shown. */
export function targetOf(doc: Document, urn: string, knownAuthor?: string | null): Target {
  let author = knownAuthor ?? null;
  const comment = parseCommentUrn(urn);
  if (!author && comment) {
    const el = findComment(doc, comment.activity, comment.comment);
    author = el ? commentAuthor(el) : null;
  } else if (!author) {
    const post = findPost(doc, urn);
    author = post ? postAuthor(post) : null;
  }
  return { id: urn, url: postUrl(urn), ...(author ? { author } : {}) };
}

/** The post-level react button of a post: the selectors first, then the localised label map. */
export function reactButtonOf(post: Element): HTMLElement | null {
  const direct = post.querySelector<HTMLElement>(selectors.reactButton);
  if (direct) return direct;
  for (const button of post.querySelectorAll<HTMLElement>('button[aria-pressed]')) {
    if (button.closest(selectors.comment)) continue;
    if (REACT_LABEL_RE.test(button.getAttribute('aria-label') ?? button.textContent?.trim() ?? '')) return button;
  }
  return null;
}

/** Whether `el` is (inside) a post-level react button. */
export function asReactButton(el: Element): HTMLElement | null {
  const post = postElement(el);
  const button = el.closest<HTMLElement>('button[aria-pressed]');
  return post && button && reactButtonOf(post) === button ? button : null;
}
