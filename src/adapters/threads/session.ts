/**
 * What the Threads adapter remembers within one page, because Threads' requests do not say it: which
 * post a Reply or Repost control, or which account a Follow button, was clicked for (the requests name
 * only numeric ids, which the page never shows, so the target's author and URL come from the click), and
 * the signed-in handle the post-creation answer names. In memory only, per tab; lost on reload, which
 * costs at most a target's author or URL.
 */
export interface ClickContext {
  /** Post code of the clicked post (`C9xAbCdEfGh`), if any. */
  code: string | null;
  /** Handle of that post's author, or of the account a follow button is for. */
  author: string | null;
  at: number;
}

/** How long a click explains a later request (a reply dialog may stay open while the user writes). */
export const CLICK_TTL_MS = 30 * 60_000;

export class ThreadsSession {
  replyClick: ClickContext | null = null;
  repostClick: ClickContext | null = null;
  followClick: ClickContext | null = null;
  /** The signed-in handle, as the answer to the user's own post names it. */
  me: string | null = null;

  recent(context: ClickContext | null, now: number): ClickContext | null {
    return context && now - context.at < CLICK_TTL_MS && context.at <= now + 1000 ? context : null;
  }
}
