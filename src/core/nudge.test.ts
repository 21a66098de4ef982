import { describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, type NudgeSettings } from '../shared/settings.ts';
import { computeBalance, type Balance } from './balance.ts';
import { dayKey } from './days.ts';
import {
  decideNudge, ENGAGE_FIRST_QUIET_MS, FULL_CARD_EVERY_MS, inQuietHours, snoozeUntil, type NudgeInput, type NudgeState,
} from './nudge.ts';

const NOW = new Date(2026, 10, 23, 15, 0, 0).getTime(); // a Monday, 15:00 local
const HOUR = 3_600_000;

function balanceWith(counts: Record<string, number>): Balance {
  return computeBalance([{ day: dayKey(NOW), counts }], DEFAULT_SETTINGS, NOW);
}
const LOW = balanceWith({ 'x|post|plain': 2, 'x|like|give': 1 }); // 1 given, 2 taken → owes 2 replies
const MET = balanceWith({ 'x|post|plain': 1, 'x|reply|give': 1 }); // 3 : 1

const settings = (patch: Partial<NudgeSettings> = {}): NudgeSettings => ({ ...DEFAULT_SETTINGS.nudge, ...patch });
const fresh = (): NudgeState => ({ lastFullCard: {}, lastEngageFirst: {} });
const input = (patch: Partial<NudgeInput> = {}): NudgeInput => ({
  platform: 'x', isOriginalPost: true, balance: LOW, settings: settings(), state: fresh(), now: NOW, ...patch,
});

describe('decideNudge', () => {
  test('fires a full gentle card on an original post below target, with what is owed', () => {
    expect(LOW.owed).toBe(2);
    expect(decideNudge(input())).toEqual({ show: true, variant: 'full', strength: 'gentle', owed: 2 });
  });

  test('never on a reply, a comment or a quote (not an original post)', () => {
    expect(decideNudge(input({ isOriginalPost: false }))).toEqual({ show: false, why: 'not-original' });
  });

  test('never when the target is met', () => {
    expect(decideNudge(input({ balance: MET }))).toEqual({ show: false, why: 'balanced' });
  });

  test('switched off globally or for the site: stays off', () => {
    expect(decideNudge(input({ settings: settings({ enabled: false }) })).show).toBe(false);
    expect(decideNudge(input({ settings: settings({ disabledPlatforms: ['x'] }) }))).toEqual({ show: false, why: 'site-off' });
    expect(decideNudge(input({ settings: settings({ disabledPlatforms: ['bluesky'] }) })).show).toBe(true);
  });

  test('snooze holds until its end, then the nudge returns', () => {
    const state = { ...fresh(), snoozedUntil: NOW + HOUR };
    expect(decideNudge(input({ state }))).toEqual({ show: false, why: 'snoozed' });
    expect(decideNudge(input({ state, now: NOW + HOUR })).show).toBe(true);
  });

  test('quiet hours, including a window across midnight', () => {
    expect(decideNudge(input({ settings: settings({ quietHours: { from: 14, to: 16 } }) }))).toEqual({ show: false, why: 'quiet-hours' });
    expect(inQuietHours({ from: 22, to: 7 }, new Date(2026, 10, 23, 23, 30).getTime())).toBe(true);
    expect(inQuietHours({ from: 22, to: 7 }, new Date(2026, 10, 23, 6, 59).getTime())).toBe(true);
    expect(inQuietHours({ from: 22, to: 7 }, new Date(2026, 10, 23, 7, 0).getTime())).toBe(false);
    expect(inQuietHours(null, NOW)).toBe(false);
  });

  test('no nudge for 30 minutes after "Engage first" on that site', () => {
    const state = { ...fresh(), lastEngageFirst: { x: NOW - 10 * 60_000 } };
    expect(decideNudge(input({ state }))).toEqual({ show: false, why: 'after-engage' });
    expect(decideNudge(input({ state, now: NOW - 10 * 60_000 + ENGAGE_FIRST_QUIET_MS })).show).toBe(true);
    expect(decideNudge(input({ state, platform: 'bluesky' })).show).toBe(true);
  });

  test('full card at most once per site per 12 hours, compact otherwise', () => {
    const state = { ...fresh(), lastFullCard: { x: NOW - HOUR } };
    expect(decideNudge(input({ state }))).toMatchObject({ show: true, variant: 'compact' });
    expect(decideNudge(input({ state, now: NOW - HOUR + FULL_CARD_EVERY_MS }))).toMatchObject({ variant: 'full' });
    expect(decideNudge(input({ state, platform: 'mastodon' }))).toMatchObject({ variant: 'full' });
  });

  test('strength is the user\'s choice, deterministic', () => {
    for (const strength of ['gentle', 'pause', 'reflect'] as const) {
      expect(decideNudge(input({ settings: settings({ strength }) }))).toMatchObject({ strength });
    }
  });
});

describe('snoozeUntil', () => {
  test('an hour, the rest of today (next local midnight), a week', () => {
    expect(snoozeUntil('hour', NOW)).toBe(NOW + HOUR);
    expect(snoozeUntil('today', NOW)).toBe(new Date(2026, 10, 24, 0, 0, 0).getTime());
    expect(snoozeUntil('week', NOW)).toBe(new Date(2026, 10, 30, 15, 0, 0).getTime());
  });
});
