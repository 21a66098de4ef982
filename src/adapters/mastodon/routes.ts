/**
 * Mastodon web UI URLs, pure. Examples (tested in mastodon.test.ts):
 *   https://mastodon.social/home → timeline · /public, /public/local → timeline
 *   https://mastodon.social/@alice → profile · /@alice@other.social → profile
 *   https://mastodon.social/@alice/113456789012345678 → post · /settings/profile → other
 */
export type MastodonPageKind = 'timeline' | 'profile' | 'post' | 'other';

export function mastodonPageKind(url: URL): MastodonPageKind {
  const parts = url.pathname.split('/').filter(Boolean);
  const [first, second] = parts;
  if (first === 'home' || first === 'public' || (first === 'deck' && second === 'home')) return 'timeline';
  if (first?.startsWith('@') && first.length > 1) {
    if (parts.length === 1) return 'profile';
    if (parts.length === 2 && /^\d+$/.test(second ?? '')) return 'post';
  }
  return 'other';
}

/** Reads `/@<acct>/<id>` from a status link. */
export function parseStatusHref(href: string): { acct: string; id: string } | null {
  const m = /\/@([^/?#]+)\/(\d+)(?:[/?#]|$)/.exec(href);
  return m?.[1] && m[2] ? { acct: decodeURIComponent(m[1]), id: m[2] } : null;
}
