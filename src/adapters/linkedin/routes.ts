/**
 * LinkedIn URL → page kind, pure, and URN helpers. Examples (tested both ways in linkedin.test.ts):
 *   https://www.linkedin.com/feed/ → feed · https://www.linkedin.com/feed/update/urn:li:activity:7212345678901234567/ → post
 *   https://www.linkedin.com/posts/alice-chen_webdev-activity-7212345678901234567-AbCd → post
 *   https://www.linkedin.com/in/alice-chen/ → profile · https://www.linkedin.com/company/acme-tools/ → company
 *   https://www.linkedin.com/messaging/ → other
 */
export type LinkedInPageKind = 'feed' | 'post' | 'profile' | 'company' | 'other';

export function linkedinPageKind(url: URL): LinkedInPageKind {
  const path = url.pathname;
  if (/^\/feed\/update\/urn:li:(?:activity|share|ugcPost):\d+\/?$/.test(decodeURIComponent(path))) return 'post';
  if (/^\/posts\/[^/]*activity-\d+/.test(path)) return 'post';
  if (/^\/feed\/?$/.test(path)) return 'feed';
  if (/^\/in\/[^/]+\/?$/.test(path)) return 'profile';
  if (/^\/company\/[^/]+\/?$/.test(path)) return 'company';
  return 'other';
}

/** The canonical URL of a post (or of the post a comment urn belongs to). */
export function postUrl(urn: string): string {
  const comment = parseCommentUrn(urn);
  if (comment) {
    return `https://www.linkedin.com/feed/update/urn:li:activity:${comment.activity}/?commentUrn=${encodeURIComponent(urn)}`;
  }
  return `https://www.linkedin.com/feed/update/${urn}/`;
}

/** Profile or company URL for an author as this adapter names them (`alice-chen`, `company/acme-tools`). */
export function authorUrl(author: string): string {
  return author.startsWith('company/') ? `https://www.linkedin.com/${author}/` : `https://www.linkedin.com/in/${author}/`;
}

/**
 * The author name this adapter uses, from a profile or company link: the public identifier of `/in/<slug>/`
 * (the same the signed-in user's own link carries, so self-actions compare equal), or `company/<slug>`.
 */
export function authorFromHref(href: string): string | null {
  try {
    const { pathname } = new URL(href, 'https://www.linkedin.com');
    const person = /^\/in\/([^/?#]+)/.exec(pathname)?.[1];
    if (person) return decodeURIComponent(person).toLowerCase();
    const company = /^\/company\/([^/?#]+)/.exec(pathname)?.[1];
    return company ? `company/${decodeURIComponent(company).toLowerCase()}` : null;
  } catch {
    return null;
  }
}

/**
 * A comment urn in either spelling — `urn:li:comment:(activity:1,2)`, `urn:li:comment:(urn:li:activity:1,2)`
 * or the dash form `urn:li:fsd_comment:(2,urn:li:activity:1)` — as its post and comment ids.
 */
export function parseCommentUrn(text: string): { activity: string; comment: string } | null {
  const plain = /urn:li:comment:\((?:urn:li:)?(?:activity|ugcPost|share):(\d+),(\d+)\)/.exec(text);
  if (plain?.[1] && plain[2]) return { activity: plain[1], comment: plain[2] };
  const dash = /urn:li:fsd_comment:\((\d+),urn:li:(?:activity|ugcPost|share):(\d+)\)/.exec(text);
  if (dash?.[1] && dash[2]) return { activity: dash[2], comment: dash[1] };
  return null;
}

/** The one spelling used for comment refs and targets. */
export function commentUrn(activity: string, comment: string): string {
  return `urn:li:comment:(activity:${activity},${comment})`;
}

/** `urn:li:fsd_company:1035` → `urn:li:company:1035`: dash and plain urns of one entity compare equal. */
export function plainUrn(urn: string): string {
  return urn.replace(/^urn:li:fsd_(\w+):/, 'urn:li:$1:');
}
