/**
 * URL → front end and page kind, pure. Examples (tested both ways in reddit.test.ts):
 *   https://www.reddit.com/ → shreddit listing · https://www.reddit.com/r/rust/ → shreddit subreddit
 *   https://www.reddit.com/r/rust/comments/1abc2d/title/ → shreddit post
 *   https://www.reddit.com/r/rust/submit → shreddit submit · https://www.reddit.com/submit → shreddit submit
 *   https://old.reddit.com/r/rust/ → old subreddit · https://old.reddit.com/submit → old submit
 *   https://www.reddit.com/settings/ → other
 */
export type RedditFront = 'shreddit' | 'old';
export type RedditPageKind = 'listing' | 'subreddit' | 'post' | 'submit' | 'user' | 'other';

export function redditFront(url: URL): RedditFront {
  return url.hostname === 'old.reddit.com' ? 'old' : 'shreddit';
}

export function redditPageKind(url: URL): RedditPageKind {
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length === 0) return 'listing';
  if (parts.at(-1) === 'submit') return 'submit';
  if (parts[0] === 'r' && parts[1]) {
    if (parts[2] === 'comments' && /^[a-z0-9]+$/.test(parts[3] ?? '')) return 'post';
    if (parts.length === 2 || (parts.length === 3 && ['hot', 'new', 'top', 'rising', 'best', 'controversial'].includes(parts[2] ?? ''))) return 'subreddit';
    return 'other';
  }
  if (parts[0] === 'comments' && parts[1]) return 'post';
  if ((parts[0] === 'user' || parts[0] === 'u') && parts[1]) return 'user';
  if (['hot', 'new', 'top', 'rising', 'best'].includes(parts[0] ?? '') && parts.length === 1) return 'listing';
  return 'other';
}

/** Canonical URL for a permalink path (`/r/x/comments/…`), always on www.reddit.com. */
export function canonicalUrl(permalink: string | null | undefined): string | undefined {
  if (!permalink) return undefined;
  try {
    const url = new URL(permalink, 'https://www.reddit.com');
    if (!/(^|\.)reddit\.com$/.test(url.hostname)) return undefined;
    return `https://www.reddit.com${url.pathname}`;
  } catch {
    return undefined;
  }
}

/** `t3_abc` for a post id read from a permalink `/r/x/comments/abc/…`. */
export function postFullnameFromUrl(href: string): string | undefined {
  const m = /\/comments\/([a-z0-9]+)(?:\/|$)/i.exec(href);
  return m?.[1] ? `t3_${m[1].toLowerCase()}` : undefined;
}
