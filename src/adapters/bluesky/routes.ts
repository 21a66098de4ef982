/**
 * Bluesky URLs and AT URIs, pure. Examples (tested in bluesky.test.ts):
 *   https://bsky.app/ → home · https://bsky.app/profile/alice.bsky.social → profile
 *   https://bsky.app/profile/alice.bsky.social/post/3lbqzyx2abc2k → post · https://bsky.app/settings → other
 *   at://did:plc:abc/app.bsky.feed.post/3lbqzyx2abc2k → { repo: 'did:plc:abc', collection: 'app.bsky.feed.post', rkey: '3lbqzyx2abc2k' }
 */
export type BlueskyPageKind = 'home' | 'profile' | 'post' | 'other';

export function blueskyPageKind(url: URL): BlueskyPageKind {
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length === 0) return 'home';
  if (parts[0] === 'profile' && parts[1]) {
    if (parts.length === 2) return 'profile';
    if (parts[2] === 'post' && parts[3] && parts.length === 4) return 'post';
  }
  return 'other';
}

export interface AtUri {
  repo: string;
  collection: string;
  rkey: string;
}

export function parseAtUri(uri: string): AtUri | null {
  const m = /^at:\/\/([^/]+)\/([a-zA-Z][\w.-]*)\/([\w.~:-]{1,512})$/.exec(uri);
  return m?.[1] && m[2] && m[3] ? { repo: m[1], collection: m[2], rkey: m[3] } : null;
}

export function atUri(repo: string, collection: string, rkey: string): string {
  return `at://${repo}/${collection}/${rkey}`;
}

/** bsky.app accepts a DID wherever a handle goes in a URL. */
export function postUrl(author: string, rkey: string): string {
  return `https://bsky.app/profile/${author}/post/${rkey}`;
}

export function profileUrl(actor: string): string {
  return `https://bsky.app/profile/${actor}`;
}

/** Reads `/profile/<handle-or-did>/post/<rkey>` from a link. */
export function parsePostHref(href: string): { actor: string; rkey: string } | null {
  const m = /\/profile\/([^/?#]+)\/post\/([^/?#]+)/.exec(href);
  return m?.[1] && m[2] ? { actor: decodeURIComponent(m[1]), rkey: m[2] } : null;
}
