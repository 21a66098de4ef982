/**
 * Threads URLs, pure. threads.net redirects to threads.com since 2025; both are accepted, links are
 * built on threads.com. Examples (tested both ways in threads.test.ts):
 *   https://www.threads.com/ → home · https://www.threads.com/following → home
 *   https://www.threads.com/@alice.chen → profile · https://www.threads.net/@alice.chen/post/C9xAbCdEfGh → post
 *   https://www.threads.com/search → other · https://www.threads.com/@alice.chen/replies → profile
 */
export type ThreadsPageKind = 'home' | 'profile' | 'post' | 'other';

export const ORIGIN = 'https://www.threads.com';
const HOST_RE = /^www\.threads\.(?:com|net)$/;
const HANDLE = String.raw`[\w.]{1,64}`;

export function threadsPageKind(url: URL): ThreadsPageKind {
  if (!HOST_RE.test(url.hostname)) return 'other';
  const path = url.pathname.replace(/\/+$/, '');
  if (path === '' || path === '/for_you' || path === '/following') return 'home';
  if (new RegExp(`^/@${HANDLE}/post/[\\w-]{5,40}(?:/media)?$`).test(path)) return 'post';
  if (new RegExp(`^/@${HANDLE}(?:/(?:replies|media|reposts))?$`).test(path)) return 'profile';
  return 'other';
}

export function postUrl(author: string, code: string): string {
  return `${ORIGIN}/@${author}/post/${code}`;
}

export function profileUrl(handle: string): string {
  return `${ORIGIN}/@${handle}`;
}

/** `/@alice.chen/post/C9xAbCdEfGh` (relative or absolute) → its author and post code. */
export function parsePostHref(href: string): { author: string; code: string } | null {
  const m = new RegExp(`(?:^|threads\\.(?:com|net))/@(${HANDLE})/post/([\\w-]{5,40})`).exec(href);
  return m?.[1] && m[2] ? { author: m[1].toLowerCase(), code: m[2] } : null;
}

/** `/@alice.chen` or `/@alice.chen/replies` (not a post link) → the handle. */
export function parseProfileHref(href: string): string | null {
  const m = new RegExp(`(?:^|threads\\.(?:com|net))/@(${HANDLE})/?(?:$|[?#]|(?:replies|media|reposts)\\b)`).exec(href);
  return m?.[1]?.toLowerCase() ?? null;
}

const CODE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A post code → the numeric media pk the requests name. Threads runs on Instagram's media ids, and a post
 * code is Instagram's shortcode: the pk written in base 64 with this alphabet (junhoyeo/threads-api,
 * getPostIDfromThreadID, tested there with `CuX_UYABrr7` → `3141257742204189435`). Only the first 11
 * characters are the pk (longer codes carry a suffix). Null for anything that is not such a code.
 */
export function postCodePk(code: string): string | null {
  if (!/^[\w-]{1,11}/.test(code)) return null;
  let pk = 0n;
  for (const char of code.slice(0, 11)) {
    const digit = CODE_ALPHABET.indexOf(char);
    if (digit < 0) return null;
    pk = pk * 64n + BigInt(digit);
  }
  return pk.toString();
}
