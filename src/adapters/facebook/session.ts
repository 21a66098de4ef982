/**
 * What the Facebook adapter remembers within one page, because Facebook's requests do not say it and its
 * permalinks often hide the numeric post id behind an opaque `pfbid…`: which post the last like or share
 * control was clicked in (to name the target's author), which post element a reaction request was for (so
 * the DOM can confirm an unreact, watch.ts), and when an unreact request was seen (so that fallback does not
 * double up). Memory only, per tab; a reload costs at most an author name or a late undo.
 */
export interface ClickContext {
  post: Element;
  at: number;
}

/** A like request follows its click within moments; a share dialog may stay open while the user writes. */
export const REACT_CLICK_TTL_MS = 10_000;
export const SHARE_CLICK_TTL_MS = 30 * 60_000;

export class FacebookSession {
  reactClick: ClickContext | null = null;
  shareClick: ClickContext | null = null;
  /** Post element → the id its reactions were sent for. */
  readonly postRefs = new WeakMap<Element, string>();
  /** Post id → when the last unreact request for it started. */
  readonly unreacts = new Map<string, number>();

  recent(context: ClickContext | null, now: number, ttl: number): ClickContext | null {
    return context && Math.abs(now - context.at) < ttl && context.post.isConnected ? context : null;
  }
}
