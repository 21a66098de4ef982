/**
 * Facebook URL → page kind, pure, and the id helpers. Examples (tested both ways in facebook.test.ts):
 *   https://www.facebook.com/ → feed · https://www.facebook.com/?sk=h_chr → feed
 *   https://www.facebook.com/groups/4455667788/ → group · https://www.facebook.com/groups/gardeners/posts/998877/ → post
 *   https://www.facebook.com/alice.chen/posts/1234567890123456 → post · https://www.facebook.com/permalink.php?story_fbid=1234&id=42 → post
 *   https://www.facebook.com/alice.chen → profile · https://www.facebook.com/profile.php?id=100004848287494 → profile
 *   https://www.facebook.com/settings → other · https://www.facebook.com/messages/t/42 → other
 */
import { base64UrlToBinary } from '../../shared/base64.ts';

export type FacebookPageKind = 'feed' | 'post' | 'group' | 'profile' | 'other';

/** First path segments that are Facebook's own sections, never a user name. */
const RESERVED = new Set([
  'groups', 'watch', 'marketplace', 'gaming', 'events', 'pages', 'photo', 'photo.php', 'photos', 'reel', 'reels', 'stories',
  'story.php', 'permalink.php', 'profile.php', 'hashtag', 'search', 'settings', 'messages', 'notifications', 'friends',
  'bookmarks', 'saved', 'memories', 'help', 'privacy', 'policies', 'login', 'login.php', 'logout.php', 'recover', 'checkpoint',
  'api', 'ajax', 'business', 'ads', 'share', 'sharer', 'sharer.php', 'video', 'videos', 'live', 'fundraisers', 'people', 'places',
]);

export function facebookPageKind(url: URL): FacebookPageKind {
  const path = url.pathname;
  if (path === '/' || path === '' || /^\/home\.php$/.test(path)) return 'feed';
  if (/^\/(?:permalink|story)\.php$/.test(path) && url.searchParams.has('story_fbid')) return 'post';
  if (/^\/groups\/[^/]+\/(?:posts|permalink)\/[^/]+\/?$/.test(path)) return 'post';
  if (/^\/groups\/[^/]+\/?$/.test(path)) return 'group';
  if (/^\/[^/]+\/posts\/[^/]+\/?$/.test(path) && !RESERVED.has(path.split('/')[1] ?? '')) return 'post';
  if (path === '/profile.php' && url.searchParams.has('id')) return 'profile';
  const first = /^\/([^/]+)\/?$/.exec(path)?.[1];
  if (first && !RESERVED.has(first.toLowerCase()) && /^[\w.-]+$/.test(first)) return 'profile';
  return 'other';
}

/**
 * The handle this adapter uses for a profile link: the user name of `/<name>` (lower case), or the numeric
 * id of `profile.php?id=<id>` (people without a user name) and of `/groups/<group>/user/<id>/` (how posts
 * and comments in a group link their authors, whatever their user name). Null for anything else.
 */
export function authorFromHref(href: string): string | null {
  try {
    const url = new URL(href, 'https://www.facebook.com');
    if (url.hostname !== 'www.facebook.com' && url.hostname !== 'facebook.com') return null;
    const member = /^\/groups\/[^/]+\/user\/(\d+)\/?$/.exec(url.pathname)?.[1];
    if (member) return member;
    if (url.pathname === '/profile.php') return url.searchParams.get('id') && /^\d+$/.test(url.searchParams.get('id') ?? '') ? url.searchParams.get('id') : null;
    const first = /^\/([\w.-]+)\/?$/.exec(url.pathname)?.[1];
    return first && !RESERVED.has(first.toLowerCase()) ? first.toLowerCase() : null;
  } catch {
    return null;
  }
}

export function authorUrl(author: string): string {
  return /^\d+$/.test(author) ? `https://www.facebook.com/profile.php?id=${author}` : `https://www.facebook.com/${author}`;
}

/** A post's URL by its numeric id (Facebook redirects `/<post id>` to the post). */
export function postUrl(postId: string): string {
  return `https://www.facebook.com/${postId}`;
}

/** A comment's URL, from its `<post>_<comment>` id. */
export function commentUrl(commentRef: string): string {
  const [post, comment] = commentRef.split('_');
  return `https://www.facebook.com/${post}?comment_id=${comment}`;
}

/**
 * Facebook's relay ids are base64 of `<type>:<id>` (`feedback:1234`, `comment:1234_5678`); some clients
 * send them decoded. Returns the id part for the expected type, or null.
 */
export function decodeRelayId(value: string, type: 'feedback' | 'comment'): string | null {
  const decoded = value.startsWith(`${type}:`) ? value : base64UrlToBinary(value);
  const id = decoded?.startsWith(`${type}:`) ? decoded.slice(type.length + 1) : null;
  return id && /^\d+(?:_\d+)?$/.test(id) ? id : null;
}

/** Numeric post ids in a permalink (`/posts/<id>`, `story_fbid=<id>`, `/permalink/<id>`, `?fbid=<id>`). */
export function postIdFromHref(href: string): string | null {
  return /(?:\/posts\/|\/permalink\/|[?&]story_fbid=|[?&]fbid=)(\d{5,})/.exec(href)?.[1] ?? null;
}
