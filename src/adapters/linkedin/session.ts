/**
 * What the LinkedIn adapter remembers within one page, because LinkedIn's requests do not say it:
 * which post a repost menu or follow button was opened from (for the target's author), which reposts
 * this page made (so deleting the repost undoes it), and when an unreact request was seen (so the DOM
 * fallback in watch.ts does not double up). Kept in memory only, per tab; lost on reload, which costs
 * at most an author name or a late undo.
 */
export interface ClickContext {
  /** Activity urn of the post the click was in, if any. */
  urn: string | null;
  author: string | null;
  at: number;
}

/** How long a click explains a later request (the repost modal may stay open while the user writes). */
export const CLICK_TTL_MS = 30 * 60_000;

export class LinkedInSession {
  repostClick: ClickContext | null = null;
  followClick: ClickContext | null = null;
  /** Own repost activity urn → the reposted content's urn (ref of the repost event). */
  readonly reposts = new Map<string, string>();
  /** Activity urn → when the last unreact request for it started. */
  readonly unreacts = new Map<string, number>();

  recent(context: ClickContext | null, now: number): ClickContext | null {
    return context && now - context.at < CLICK_TTL_MS ? context : null;
  }
}
