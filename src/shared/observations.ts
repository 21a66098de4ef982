/**
 * What a site adapter reports after a confirmed action, before it becomes a stored event.
 * The background turns observations into events (ids, promotional flag, counters).
 */
import * as v from 'valibot';
import { KINDS, MAX_TEXT, PLATFORMS, TargetSchema, type Kind, type Platform, type Target } from './events.ts';

export interface DidObservation {
  op: 'did';
  platform: Platform;
  kind: Kind;
  /** What makes the action unique: the target for like/repost/follow, the new post's own id otherwise. */
  ref: string;
  /** Epoch ms when the request started (orders rapid toggles). */
  at: number;
  target?: Target;
  text?: string;
  /** Links attached to an own post beyond its text (for the promotion check). */
  links?: string[];
  /**
   * Other refs that name this same action: a later undo or re-do may name one of them instead of `ref`
   * (e.g. a Bluesky re-like is a new record, and its unlike names only that record). The ledger keeps
   * each alias → this event, so such an undo finds the event in any later page, and a re-do whose own
   * ref is new but whose alias is known re-does the known event instead of making a second one.
   */
  aliases?: string[];
}

export interface UndidObservation {
  op: 'undid';
  platform: Platform;
  /** Kinds the reversal may apply to (a deleted tweet may have been a post, a reply or a quote). */
  kinds: Kind[];
  ref: string;
  at: number;
}

export type Observation = DidObservation | UndidObservation;

const ref = v.pipe(v.string(), v.minLength(1), v.maxLength(512));
const at = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(8.64e15));

export const ObservationSchema = v.variant('op', [
  v.object({
    op: v.literal('did'),
    platform: v.picklist(PLATFORMS),
    kind: v.picklist(KINDS),
    ref,
    at,
    target: v.optional(TargetSchema),
    text: v.optional(v.pipe(v.string(), v.maxLength(MAX_TEXT))),
    links: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(2048))), v.maxLength(20))),
    aliases: v.optional(v.pipe(v.array(ref), v.maxLength(8))),
  }),
  v.object({
    op: v.literal('undid'),
    platform: v.picklist(PLATFORMS),
    kinds: v.pipe(v.array(v.picklist(KINDS)), v.minLength(1), v.maxLength(KINDS.length)),
    ref,
    at,
  }),
]);
