/**
 * The one event model. Everything the extension records — captured, imported or added by hand —
 * is a GiveFirstEvent. Its shape is also the public export format (README, "Export format").
 */
import * as v from 'valibot';

export const PLATFORMS = [
  'x', 'linkedin', 'bluesky', 'mastodon', 'reddit', 'threads', 'facebook', 'youtube', 'hackernews',
] as const;
export type Platform = (typeof PLATFORMS)[number];

export const KINDS = ['like', 'reply', 'repost', 'quote', 'follow', 'post'] as const;
export type Kind = (typeof KINDS)[number];

/** Kinds that give attention to someone else. `post` is the only take. */
export const GIVE_KINDS: readonly Kind[] = ['like', 'reply', 'repost', 'quote', 'follow'];

/** Why an own post is self-promotional (src/core/promo.ts finds them; the popup and review name them). */
export const PROMO_SIGNALS = [
  'own-domain', 'own-page', 'self-mention', 'call-to-action', 'launch', 'discount', 'price', 'own-product', 'hiring', 'event', 'urgency', 'learned', 'wording',
] as const;
export type PromoSignal = (typeof PROMO_SIGNALS)[number];

export interface PromoReason {
  code: PromoSignal;
  /** What matched: the domain, the phrase, the code or the learned word. */
  detail: string;
}

export const SOURCES = ['capture', 'import', 'manual'] as const;
export type Source = (typeof SOURCES)[number];

export interface Target {
  /** The acted-on post or account, in the platform's own id space. */
  id?: string;
  url?: string;
  /** Handle of the author of the post, or of the followed account. */
  author?: string;
}

export interface GiveFirstEvent {
  id: string;
  platform: Platform;
  kind: Kind;
  /** Epoch milliseconds of the action. */
  at: number;
  target?: Target;
  /** Only for the user's own posts, replies and quotes. */
  text?: string;
  /** Only for own posts. */
  promotional?: boolean;
  /** Only for own posts: why the classifier called it promotional (shown next to the post). */
  reasons?: PromoReason[];
  /** Only for own posts: `user` once the user relabelled it; the classifier never overrides that. */
  labelledBy?: 'user';
  /** Only for replies: a stock phrase or emoji without substance, which counts like a like. */
  generic?: boolean;
  source: Source;
  /** Epoch milliseconds when the action was reversed (unlike, undo repost, unfollow, delete). */
  undoneAt?: number;
}

// Limits keep a hostile page or a doctored backup from filling the database with junk.
export const MAX_TEXT = 10_000;
const MAX_FIELD = 2_048;

const shortString = v.pipe(v.string(), v.maxLength(MAX_FIELD));
const epochMs = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));

export const TargetSchema = v.object({
  id: v.optional(shortString),
  url: v.optional(shortString),
  author: v.optional(shortString),
});

export const EventSchema = v.object({
  id: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_FIELD)),
  platform: v.picklist(PLATFORMS),
  kind: v.picklist(KINDS),
  at: epochMs,
  target: v.optional(TargetSchema),
  text: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT))),
  promotional: v.optional(v.boolean()),
  reasons: v.optional(v.pipe(v.array(v.object({
    code: v.picklist(PROMO_SIGNALS),
    detail: v.pipe(v.string(), v.maxLength(200)),
  })), v.maxLength(PROMO_SIGNALS.length))),
  labelledBy: v.optional(v.literal('user')),
  generic: v.optional(v.boolean()),
  source: v.picklist(SOURCES),
  undoneAt: v.optional(epochMs),
});

/** Stable, idempotent key: the same action on the same thing is always the same event. */
export function eventId(platform: Platform, kind: Kind, ref: string): string {
  return `${platform}:${kind}:${ref}`;
}

export function isGiveKind(kind: Kind): boolean {
  return kind !== 'post';
}
