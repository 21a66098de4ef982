/**
 * URL → page kind, pure. Examples (tested both ways in x.test.ts):
 *   https://x.com/home → timeline · https://x.com/jack → profile · https://x.com/jack/status/20 → post
 *   https://x.com/compose/post → compose · https://x.com/settings/account → other
 */
export type XPageKind = 'timeline' | 'profile' | 'post' | 'compose' | 'other';

const RESERVED = new Set([
  'home', 'explore', 'notifications', 'messages', 'settings', 'i', 'compose', 'search', 'login', 'logout',
  'signup', 'tos', 'privacy', 'jobs', 'communities', 'lists', 'bookmarks',
]);

export function xPageKind(url: URL): XPageKind {
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'home') return 'timeline';
  if (parts[0] === 'compose') return 'compose';
  if (parts.length >= 3 && parts[1] === 'status' && /^\d+$/.test(parts[2] ?? '')) return 'post';
  if (parts.length === 1 && parts[0] && !RESERVED.has(parts[0].toLowerCase()) && /^\w{1,15}$/.test(parts[0])) return 'profile';
  return 'other';
}

/** Canonical post URL for a handle and id. */
export function postUrl(handle: string | undefined, id: string): string {
  return handle ? `https://x.com/${handle}/status/${id}` : `https://x.com/i/status/${id}`;
}

/** Reads `/<handle>/status/<id>` from a post URL. */
export function parsePostUrl(href: string): { handle: string; id: string } | null {
  try {
    const url = new URL(href, 'https://x.com');
    const m = /^\/(\w{1,15})\/status\/(\d+)/.exec(url.pathname);
    return m?.[1] && m[2] ? { handle: m[1], id: m[2] } : null;
  } catch {
    return null;
  }
}
