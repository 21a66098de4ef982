/**
 * What the background publishes in `storage.local` after every change: the last weeks of per-day
 * counters, adapter health and detected identities. The popup, the badge and (later) the nudge read
 * this instead of asking the database, so they stay instant however long the history is.
 */
import type { NudgeState } from '../core/nudge.ts';
import type { DayTally } from '../core/tally.ts';
import type { Platform } from './events.ts';
import type { PlatformHealth } from './health.ts';

export const SNAPSHOT_KEY = 'snapshot';
/** Enough days for the 30-day window plus a week of slack across time-zone moves. */
export const SNAPSHOT_DAYS = 40;

export interface Snapshot {
  tallies: DayTally[];
  health: Partial<Record<Platform, PlatformHealth>>;
  /** Handles read from the sites' own pages (the user can add more in options). */
  identities: Partial<Record<Platform, string>>;
  /** Snooze and frequency caps of the nudge before posting. */
  nudge: NudgeState;
  /** Set when the last write failed (e.g. storage quota); cleared by the next good write. */
  writeError?: string;
  updatedAt: number;
}

export function emptySnapshot(): Snapshot {
  return { tallies: [], health: {}, identities: {}, nudge: emptyNudgeState(), updatedAt: 0 };
}

export function emptyNudgeState(): NudgeState {
  return { lastFullCard: {}, lastEngageFirst: {} };
}
