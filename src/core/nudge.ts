/**
 * Whether to nudge before a post, decided synchronously inside the submit event from what the content
 * script already holds (settings, the background's snapshot, the nudge state). Pure and deterministic:
 * the same inputs always give the same answer, and nothing here can block a post by itself.
 */
import type { Platform } from '../shared/events.ts';
import type { NudgeSettings, NudgeStrength } from '../shared/settings.ts';
import type { Balance } from './balance.ts';

/** What the extension remembers between nudges (kept by the background in storage.local). */
export interface NudgeState {
  /** No nudge anywhere before this time (epoch ms). */
  snoozedUntil?: number;
  /** When a full card was last shown, per site. */
  lastFullCard: Partial<Record<Platform, number>>;
  /** When the user last chose "Engage first", per site. */
  lastEngageFirst: Partial<Record<Platform, number>>;
}

export const FULL_CARD_EVERY_MS = 12 * 3_600_000;
export const ENGAGE_FIRST_QUIET_MS = 30 * 60_000;
/** A give within this time after a nudge counts as the nudge heeded. */
export const HEEDED_WITHIN_MS = 15 * 60_000;
/** The deterministic wait on "Post anyway" at the `pause` strength. */
export const PAUSE_SECONDS = 5;

export type NudgeDecision =
  | { show: false; why: 'not-original' | 'disabled' | 'site-off' | 'balanced' | 'snoozed' | 'quiet-hours' | 'after-engage' }
  | { show: true; variant: 'full' | 'compact'; strength: NudgeStrength; owed: number };

export interface NudgeInput {
  platform: Platform;
  isOriginalPost: boolean;
  balance: Balance;
  settings: NudgeSettings;
  state: NudgeState;
  now: number;
}

export function inQuietHours(quiet: NudgeSettings['quietHours'], now: number): boolean {
  if (!quiet || quiet.from === quiet.to) return false;
  const d = new Date(now);
  const hour = d.getHours() + d.getMinutes() / 60;
  return quiet.from < quiet.to ? hour >= quiet.from && hour < quiet.to : hour >= quiet.from || hour < quiet.to;
}

export function decideNudge(input: NudgeInput): NudgeDecision {
  const { platform, balance, settings, state, now } = input;
  if (!input.isOriginalPost) return { show: false, why: 'not-original' };
  if (!settings.enabled) return { show: false, why: 'disabled' };
  if (settings.disabledPlatforms.includes(platform)) return { show: false, why: 'site-off' };
  if (balance.met) return { show: false, why: 'balanced' };
  if (state.snoozedUntil !== undefined && now < state.snoozedUntil) return { show: false, why: 'snoozed' };
  if (inQuietHours(settings.quietHours, now)) return { show: false, why: 'quiet-hours' };
  const engaged = state.lastEngageFirst[platform];
  if (engaged !== undefined && now - engaged >= 0 && now - engaged < ENGAGE_FIRST_QUIET_MS) return { show: false, why: 'after-engage' };
  const lastFull = state.lastFullCard[platform];
  const variant = lastFull !== undefined && now - lastFull >= 0 && now - lastFull < FULL_CARD_EVERY_MS ? 'compact' : 'full';
  return { show: true, variant, strength: settings.strength, owed: balance.owed };
}

export type SnoozeChoice = 'hour' | 'today' | 'week';

/** When a snooze chosen at `now` ends: in an hour, at the next local midnight, or in seven days. */
export function snoozeUntil(choice: SnoozeChoice, now: number): number {
  if (choice === 'hour') return now + 3_600_000;
  const d = new Date(now);
  d.setHours(24, 0, 0, 0);
  if (choice === 'today') return d.getTime();
  const week = new Date(now);
  week.setDate(week.getDate() + 7);
  return week.getTime();
}
