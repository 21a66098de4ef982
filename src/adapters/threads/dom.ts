/** Reading posts, their controls and authors from the Threads page (hooks in selectors.ts). */
import { iconRole, selectors, TEXTS, textIs, type IconRole } from './selectors.ts';
import { parsePostHref, parseProfileHref } from './routes.ts';

/** The post a node is in (the innermost: a quoted post inside a post has no controls of its own). */
export function postOf(el: Element): Element | null {
  return el.closest(selectors.post);
}

/** The post's own code and author, from its permalink; the author link as a fallback for the author. */
export function postIdentity(post: Element): { code: string | null; author: string | null } {
  for (const link of post.querySelectorAll(selectors.postLink)) {
    if (postOf(link) !== post) continue;
    const parsed = parsePostHref(link.getAttribute('href') ?? '');
    if (parsed) return parsed;
  }
  for (const link of post.querySelectorAll(selectors.authorLink)) {
    const handle = parseProfileHref(link.getAttribute('href') ?? '');
    if (handle && postOf(link) === post) return { code: null, author: handle };
  }
  return { code: null, author: null };
}

/**
 * The icon control a click landed on and its role (like, unlike, reply…): the closest role=button
 * holding exactly one labelled icon, so a whole clickable post is never taken for a control.
 */
export function iconControl(target: Element): { control: Element; role: IconRole } | null {
  const control = target.closest(selectors.control);
  if (!control) return null;
  const icons = control.querySelectorAll(selectors.icon);
  if (icons.length !== 1) return null;
  const role = iconRole(icons[0]?.getAttribute('aria-label') ?? null);
  return role ? { control, role } : null;
}

/** Icons of one role in a post, leaving out those of a post nested in it. */
export function iconsIn(post: Element, roles: readonly IconRole[]): Element[] {
  return [...post.querySelectorAll(selectors.icon)].filter((svg) => {
    const role = iconRole(svg.getAttribute('aria-label'));
    return role !== null && roles.includes(role) && postOf(svg) === post;
  });
}

/** Whether the post shows as liked (its icon says "Unlike"), not liked, or has no like control (null). */
export function likeState(post: Element): boolean | null {
  const icon = iconsIn(post, ['like', 'unlike'])[0];
  return icon ? iconRole(icon.getAttribute('aria-label')) === 'unlike' : null;
}

/** Posts on the page outside any dialog (the composer shows the replied-to post too). */
export function pagePosts(doc: Document): Element[] {
  return [...doc.querySelectorAll(selectors.post)].filter((post) => !post.closest(selectors.dialog));
}

export function findPost(doc: Document, code: string): Element | null {
  return pagePosts(doc).find((post) => postIdentity(post).code === code) ?? null;
}

/** A follow button (`[aria-label="Follow"]` or a role=button whose text is "Follow", L) a click is in. */
export function followControl(target: Element): Element | null {
  const labelled = target.closest('[aria-label]');
  if (labelled && (TEXTS.follow as readonly string[]).includes(labelled.getAttribute('aria-label') ?? '')) return labelled;
  const control = target.closest(selectors.control);
  return control && (textIs(control, TEXTS.follow) || textIs(control, TEXTS.following)) ? control : null;
}
