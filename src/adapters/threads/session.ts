/**
 * What the Threads adapter remembers within one page, because Threads' requests do not say it: which
 * post a Reply or Repost control, or which account a Follow button, was clicked for (the requests name
 * only numeric ids, which the page never shows, so the target's author and URL come from the click), the
 * user's own posts created here, and the signed-in handle the post-creation answer names. In memory
 * only, per tab; lost on reload, which costs at most a target's author or URL.
 */
import { postCodePk } from './routes.ts';

export interface ClickContext {
  /** Post code of the clicked post (`C9xAbCdEfGh`), if any. */
  code: string | null;
  /** Handle of that post's author, or of the account a follow button is for. */
  author: string | null;
  at: number;
}

/**
 * How long a click explains a later request (a reply dialog may stay open while the user writes). A
 * click names a reply's or repost's target only when its post is the one the request names (`forPost`),
 * so this bound only keeps stale clicks from lingering.
 */
export const CLICK_TTL_MS = 10 * 60_000;
/** How many of the user's own post pks are kept (a long thread written in one sitting fits many times). */
const OWN_POSTS_MAX = 200;
/** How many like answers are kept (cleared when full: an old answer only ever explains an old click). */
const LIKE_CALLS_MAX = 500;

export class ThreadsSession {
  replyClick: ClickContext | null = null;
  repostClick: ClickContext | null = null;
  followClick: ClickContext | null = null;
  /** The signed-in handle, as the answer to the user's own post names it. */
  me: string | null = null;
  /**
   * The user's own posts created in this page (media pk → post code), from the configure answers. Parts
   * 2+ of a thread reply to the part before, with no Reply click at all: this is how they are known
   * to be replies in the user's own thread, not gives.
   */
  readonly ownPosts = new Map<string, string | null>();

  /**
   * The answers to like-control requests (media pk → when the last one started, and whether it was
   * accepted), once the page tap relays them: watch.ts counts a like when its request is accepted, not
   * on a timer. Only answered 2xx requests arrive here (a failed one never reaches the adapter), so a
   * failure is seen as the icon flipping back; `ok: false` is a refusal sent with HTTP 200.
   */
  readonly likeCalls = new Map<string, { at: number; ok: boolean }>();
  /** Whether this page has relayed any like-control request (then watch.ts waits for each like's). */
  likeCallsSeen = false;

  noteLikeCall(pk: string, at: number, ok: boolean): void {
    this.likeCallsSeen = true;
    if (this.likeCalls.size >= LIKE_CALLS_MAX) this.likeCalls.clear();
    const last = this.likeCalls.get(pk);
    if (!last || last.at <= at) this.likeCalls.set(pk, { at, ok });
  }

  /** The answer to the last like-control request on `pk` started at or after `since`, if any came. */
  likeAnswer(pk: string, since: number): boolean | undefined {
    const last = this.likeCalls.get(pk);
    return last && last.at >= since ? last.ok : undefined;
  }

  recent(context: ClickContext | null, now: number): ClickContext | null {
    return context && now - context.at < CLICK_TTL_MS && context.at <= now + 1000 ? context : null;
  }

  /** A recent click, only if it was on the post `pk` (its code encodes the pk: routes.ts postCodePk). */
  forPost(context: ClickContext | null, pk: string, now: number): ClickContext | null {
    const click = this.recent(context, now);
    return click?.code && postCodePk(click.code) === pk ? click : null;
  }

  rememberOwnPost(pk: string, code: string | null): void {
    if (this.ownPosts.size >= OWN_POSTS_MAX) {
      const oldest = this.ownPosts.keys().next().value;
      if (oldest !== undefined) this.ownPosts.delete(oldest);
    }
    this.ownPosts.set(pk, code);
  }
}
