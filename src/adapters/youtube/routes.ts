/**
 * YouTube URLs, pure. Only www.youtube.com is in scope: m.youtube.com is a separate mobile web app with
 * other markup, and uploads happen on studio.youtube.com (a separate app too); neither is matched.
 * Examples (tested in youtube.test.ts):
 *   https://www.youtube.com/watch?v=dQw4w9WgXcQ → watch · /shorts/dQw4w9WgXcQ → shorts
 *   https://www.youtube.com/@alice → channel · /@alice/videos → channel · /channel/UC… → channel
 *   https://www.youtube.com/@alice/posts → posts · /@alice/community → posts
 *   https://www.youtube.com/post/UgkxAbc → post · https://www.youtube.com/ → home · /feed/subscriptions → other
 */
export type YoutubePageKind = 'watch' | 'shorts' | 'channel' | 'posts' | 'post' | 'home' | 'other';

export const ORIGIN = 'https://www.youtube.com';
const VIDEO_ID = /^[\w-]{11}$/;
const HANDLE = /^@[\w.-]{1,100}$/;

export function youtubePageKind(url: URL): YoutubePageKind {
  const [first, second] = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
  if (!first) return 'home';
  if (first === 'watch') return VIDEO_ID.test(url.searchParams.get('v') ?? '') ? 'watch' : 'other';
  if (first === 'shorts') return VIDEO_ID.test(second ?? '') ? 'shorts' : 'other';
  if (first === 'post' && second) return 'post';
  if (HANDLE.test(first) || ((first === 'channel' || first === 'c' || first === 'user') && second)) {
    const tab = HANDLE.test(first) ? second : url.pathname.split('/').filter(Boolean)[2];
    return tab === 'posts' || tab === 'community' ? 'posts' : 'channel';
  }
  return 'other';
}

/** The video a watch or shorts URL shows, or null. */
export function videoIdOf(url: URL): string | null {
  const kind = youtubePageKind(url);
  if (kind === 'watch') return url.searchParams.get('v');
  if (kind === 'shorts') return url.pathname.split('/').filter(Boolean)[1] ?? null;
  return null;
}

/** The community post a `/post/<id>` URL shows, or null. */
export function postIdOf(url: URL): string | null {
  const parts = url.pathname.split('/').filter(Boolean);
  return parts[0] === 'post' && parts[1] && /^[\w-]+$/.test(parts[1]) ? parts[1] : null;
}

/** The channel handle (without `@`) of a `/@handle…` path or link, or null. */
export function handleOf(href: string | null | undefined): string | null {
  if (!href) return null;
  const m = /^(?:https:\/\/www\.youtube\.com)?\/@([\w.-]{1,100})(?:[/?#]|$)/.exec(href);
  return m?.[1] ?? null;
}

/** The comment id in a comment's permalink (`/watch?v=…&lc=<id>`), or null. */
export function commentIdOf(href: string | null | undefined): string | null {
  if (!href) return null;
  const m = /[?&]lc=([\w.-]+)/.exec(href);
  return m?.[1] ?? null;
}

export const watchUrl = (videoId: string): string => `${ORIGIN}/watch?v=${videoId}`;
export const commentUrl = (videoId: string | null, commentId: string): string | undefined =>
  videoId ? `${ORIGIN}/watch?v=${videoId}&lc=${commentId}` : undefined;
export const channelUrl = (channelId: string, handle?: string | null): string =>
  handle ? `${ORIGIN}/@${handle}` : `${ORIGIN}/channel/${channelId}`;
export const postUrl = (postId: string): string => `${ORIGIN}/post/${postId}`;
