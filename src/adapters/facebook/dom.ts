/** Reading posts, comments, authors and the like control from Facebook's page (selectors.ts). */
import { authorFromHref, postIdFromHref } from './routes.ts';
import { LIKE_LABELS, REMOVE_REACTION_RE, selectors } from './selectors.ts';

/** Post containers, outermost only. */
/** The signed-in user's handle: the left rail's first profile link, or the "Your profile" link (L). */
export function ownProfileName(doc: Document): string | null {
  for (const link of doc.querySelectorAll(selectors.ownProfileLink)) {
    const author = authorFromHref(link.getAttribute('href') ?? '');
    if (author) return author;
  }
  return null;
}

export function posts(root: Document | Element): Element[] {
  return [...root.querySelectorAll(selectors.post)].filter((el) => !el.parentElement?.closest(selectors.post));
}

/** The post (outermost container) an element is in. */
export function postElement(from: Element): Element | null {
  let found: Element | null = null;
  for (let el = from.closest(selectors.post); el; el = el.parentElement?.closest(selectors.post) ?? null) found = el;
  return found;
}

/** The comment article an element is in (an article nested in a post's article), or null. */
export function commentElement(from: Element): Element | null {
  const article = from.closest(selectors.article);
  return article?.parentElement?.closest(selectors.article) ? article : null;
}

/** The author of a post: its `profile_name` block's link, outside any comment. */
export function postAuthor(post: Element): string | null {
  for (const block of post.querySelectorAll(selectors.profileName)) {
    if (commentElement(block)) continue;
    const link = block.matches('a[href]') ? block : block.querySelector('a[href]');
    const author = authorFromHref(link?.getAttribute('href') ?? '');
    if (author) return author;
  }
  return null;
}

/** The author of a comment: the first profile link in it. */
export function commentAuthor(comment: Element): string | null {
  for (const link of comment.querySelectorAll('a[href]')) {
    const author = authorFromHref(link.getAttribute('href') ?? '');
    if (author) return author;
  }
  return null;
}

/** The numeric post id a post's permalinks show, if any (many show an opaque `pfbid…` instead). */
export function postIdOf(post: Element): string | null {
  for (const link of post.querySelectorAll('a[href]')) {
    if (commentElement(link)) continue;
    const id = postIdFromHref(link.getAttribute('href') ?? '');
    if (id) return id;
  }
  return null;
}

export function findPost(doc: Document, postId: string): Element | null {
  return posts(doc).find((post) => postIdOf(post) === postId) ?? null;
}

/** A comment by its `<post>_<comment>` id, from the `comment_id=` in its links. */
export function findComment(doc: Document, ref: string): Element | null {
  const [, comment] = ref.split('_');
  if (!comment) return null;
  const link = doc.querySelector(`${selectors.article} a[href*="comment_id=${CSS.escape(comment)}"]`);
  return link ? commentElement(link) : null;
}

function label(el: Element): string {
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
}

/** The clickable like control around an element: the `like_button` role's button, else a labelled one. */
export function likeControl(from: Element): HTMLElement | null {
  const button = from.closest<HTMLElement>('[role="button"], button');
  if (!button || commentElement(button)) return null;
  if (button.matches(selectors.likeRole) || button.querySelector(selectors.likeRole) || button.closest(selectors.likeRole)) return button;
  const text = label(button);
  return LIKE_LABELS.has(text) || REMOVE_REACTION_RE.test(text) ? button : null;
}

/** A post's own like control (not a comment's). */
export function likeControlOf(post: Element): HTMLElement | null {
  for (const role of post.querySelectorAll(selectors.likeRole)) {
    const control = likeControl(role);
    if (control) return control;
  }
  for (const button of post.querySelectorAll('[role="button"][aria-label]')) {
    const control = likeControl(button);
    if (control) return control;
  }
  return null;
}

/** Whether a like control shows a reaction of the user ("Remove Like", "Quitar Me gusta"). */
export function isReacted(control: Element): boolean {
  return REMOVE_REACTION_RE.test(label(control));
}
