/**
 * The message protocol, one union per direction. Receivers validate: a content script runs next to
 * the site's own code, so nothing it sends is trusted as typed.
 */
import * as v from 'valibot';
import type { SnoozeChoice } from '../core/nudge.ts';
import { isDayKey } from '../core/days.ts';
import { HAPPY_ANSWERS, type HappyAnswer } from '../core/week-summary.ts';
import { PLATFORMS, type Platform, type PromoReason } from './events.ts';
import { HEALTH_SCOPES, type HealthProblem, type HealthScope } from './health.ts';
import { ObservationSchema, type Observation } from './observations.ts';

/** Content script → background. */
export type ContentToBackground =
  | { type: 'observed'; observation: Observation }
  | { type: 'identity'; platform: Platform; handle: string }
  | { type: 'health'; platform: Platform; scope: HealthScope; problem: HealthProblem | null }
  | { type: 'nudge'; platform: Platform; outcome: NudgeOutcome; variant: 'full' | 'compact'; snooze?: SnoozeChoice };

export const NUDGE_OUTCOMES = ['shown', 'engageFirst', 'postedAnyway', 'snoozed'] as const;
export type NudgeOutcome = (typeof NUDGE_OUTCOMES)[number];

/** Extension page (popup, options, review) → background. */
export type PageToBackground =
  | { type: 'export' }
  | { type: 'import'; file: unknown }
  | { type: 'deleteAll' }
  /** Deletes what was recorded on the local days `from` to `to` (YYYY-MM-DD, both included); replies with the number of events deleted. */
  | { type: 'deleteRange'; from: string; to: string }
  | { type: 'ping' }
  /** The weekly review of the week starting on `week` (YYYY-MM-DD); without it, the week that just ended. */
  | { type: 'review'; week?: string }
  /** The week's people, and those of the four weeks before not heard from since (asked after the first render). */
  | { type: 'reviewPeople'; week: string }
  /** The events of the week starting on `week`, for its CSV export. */
  | { type: 'reviewEvents'; week: string }
  /** Saves the reflection on a week; its target becomes next week's (settings.target). */
  | { type: 'reflect'; week: string; happy: HappyAnswer; intention: string; target: number }
  /** The user's own live posts with `at` in [from, to), newest first (popup, review). */
  | { type: 'posts'; from: number; to: number; limit: number }
  /** The user's own label for an own post; it also teaches the classifier. */
  | { type: 'relabel'; id: string; promotional: boolean };

/** An own post as the popup and the review list it, with why it was judged promotional. */
export interface PostView {
  id: string;
  platform: Platform;
  at: number;
  text: string;
  url?: string;
  promotional: boolean;
  /** Only when promotional and judged by the classifier. */
  reasons: PromoReason[];
  /** The user set the label themselves. */
  userLabelled: boolean;
}

export type ToBackground = ContentToBackground | PageToBackground;

const problem = v.object({
  code: v.pipe(v.string(), v.maxLength(64)),
  detail: v.pipe(v.string(), v.maxLength(300)),
});

export const ContentToBackgroundSchema = v.variant('type', [
  v.object({ type: v.literal('observed'), observation: ObservationSchema }),
  v.object({
    type: v.literal('identity'),
    platform: v.picklist(PLATFORMS),
    handle: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(100), v.regex(/^@?[\w.\-:]+$/u)),
  }),
  v.object({ type: v.literal('health'), platform: v.picklist(PLATFORMS), scope: v.picklist(HEALTH_SCOPES), problem: v.nullable(problem) }),
  v.object({
    type: v.literal('nudge'),
    platform: v.picklist(PLATFORMS),
    outcome: v.picklist(NUDGE_OUTCOMES),
    variant: v.picklist(['full', 'compact']),
    snooze: v.optional(v.picklist(['hour', 'today', 'week'])),
  }),
]);

const weekKey = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/u));
const dayKey = v.pipe(v.string(), v.check(isDayKey, 'not a calendar day (YYYY-MM-DD)'));

// A variant's options cannot carry their own pipe, so the check across two fields sits on the whole union.
export const PageToBackgroundSchema = v.pipe(v.variant('type', [
  v.object({ type: v.literal('export') }),
  v.object({ type: v.literal('import'), file: v.unknown() }),
  v.object({ type: v.literal('deleteAll') }),
  v.object({ type: v.literal('deleteRange'), from: dayKey, to: dayKey }),
  v.object({ type: v.literal('ping') }),
  v.object({ type: v.literal('review'), week: v.optional(weekKey) }),
  v.object({ type: v.literal('reviewPeople'), week: weekKey }),
  v.object({ type: v.literal('reviewEvents'), week: weekKey }),
  v.object({
    type: v.literal('reflect'),
    week: weekKey,
    happy: v.picklist(HAPPY_ANSWERS),
    intention: v.pipe(v.string(), v.maxLength(500)),
    target: v.pipe(v.number(), v.minValue(0.1), v.maxValue(100)),
  }),
  v.object({
    type: v.literal('posts'),
    from: v.pipe(v.number(), v.integer(), v.minValue(0)),
    to: v.pipe(v.number(), v.integer(), v.minValue(0)),
    limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200)),
  }),
  v.object({ type: v.literal('relabel'), id: v.pipe(v.string(), v.minLength(1), v.maxLength(2048)), promotional: v.boolean() }),
]), v.check((message) => message.type !== 'deleteRange' || message.from <= message.to, 'deleteRange: from is after to'));

export type Reply<T> = { ok: true; value: T } | { ok: false; error: string; detail?: string };
