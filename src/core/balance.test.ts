import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings.ts';
import { local, useTimeZone } from '../../tests/unit/time-zone.ts';
import { badgeText, bandOf, computeBalance, emptyTotals, owedReplies, type Balance } from './balance.ts';
import type { DayTally, TallyKey } from './tally.ts';

useTimeZone('Europe/Madrid');

function settings(patch: Partial<Settings> = {}): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...patch };
}

function day(key: string, counts: Partial<Record<TallyKey, number>>): DayTally {
  return { day: key, counts };
}

// "now" is 20 May 2026, 15:00 in Madrid; the week is 14–20 May, the 30 days 21 April – 20 May.
const now = (): number => local(2026, 5, 20, 15);

describe('owedReplies', () => {
  it('is the replies needed to reach target × take, rounded up', () => {
    // give 2, take 5, target 3: gap 13 points, a reply is worth 3 → ceil(13 / 3) = 5.
    expect(owedReplies(2, 5, 3, 3)).toBe(5);
    expect(owedReplies(0, 1, 3, 3)).toBe(1);
    expect(owedReplies(0, 2, 3, 3)).toBe(2);
    expect(owedReplies(1, 2, 3, 3)).toBe(2);
  });

  it('is 0 when the target is met or exceeded', () => {
    expect(owedReplies(9, 3, 3, 3)).toBe(0);
    expect(owedReplies(100, 3, 3, 3)).toBe(0);
    expect(owedReplies(0, 0, 3, 3)).toBe(0);
  });

  it('does not round up an exact multiple because of floating point', () => {
    // 0.1 × 30 - 0 = 3.0000000000000004 in floating point; one reply of weight 3 is enough.
    expect(owedReplies(0, 30, 0.1, 3)).toBe(1);
    expect(owedReplies(0.3, 1, 0.9, 0.2)).toBe(3);
  });

  it('treats a reply weight of 0 as 1 instead of dividing by zero', () => {
    expect(owedReplies(0, 2, 3, 0)).toBe(6);
  });
});

describe('computeBalance', () => {
  it('weighs each kind by the default weights: like 1, follow 1, repost 2, quote 2, reply 3, post 1, promo post 2', () => {
    const b = computeBalance([day('2026-05-20', {
      'x|like|give': 1, 'x|follow|give': 1, 'x|repost|give': 1, 'x|quote|give': 1, 'x|reply|give': 1,
      'x|post|plain': 1, 'x|post|promo': 1,
    })], settings(), now());
    expect(b.today.give).toBe(1 + 1 + 2 + 2 + 3);
    expect(b.today.take).toBe(1 + 2);
    expect(b.today.counts).toEqual({ like: 1, follow: 1, repost: 1, quote: 1, reply: 1, post: 2 });
    expect(b.today.promoPosts).toBe(1);
    expect(b.week).toEqual(b.today);
    expect(b.month).toEqual(b.today);
  });

  it('multiplies by counts and honours custom weights', () => {
    const weights = { like: 0.5, follow: 2, repost: 1, quote: 4, reply: 5, post: 3, promoPost: 10 };
    const b = computeBalance([day('2026-05-20', { 'x|like|give': 4, 'x|reply|give': 2, 'x|post|plain': 2, 'x|post|promo': 1 })],
      settings({ weights }), now());
    expect(b.today.give).toBe(4 * 0.5 + 2 * 5);
    expect(b.today.take).toBe(2 * 3 + 10);
  });

  it('sums today, the last 7 days and the last 30 days by local calendar day', () => {
    const tallies = [
      day('2026-05-20', { 'x|like|give': 1 }), // today
      day('2026-05-17', { 'x|like|give': 2 }), // in the week
      day('2026-05-14', { 'x|reply|give': 1 }), // 7th day of the week
      day('2026-05-13', { 'x|post|plain': 1 }), // 8th day: month only
      day('2026-04-21', { 'x|like|give': 8 }), // 30th day: month only
      day('2026-04-20', { 'x|like|give': 100, 'x|post|plain': 100 }), // 31st day: outside every window
      day('2026-05-21', { 'x|like|give': 50 }), // tomorrow (clock skew): outside every window
    ];
    const b = computeBalance(tallies, settings(), now());
    expect(b.today.give).toBe(1);
    expect(b.week.give).toBe(1 + 2 + 3);
    expect(b.week.take).toBe(0);
    expect(b.month.give).toBe(1 + 2 + 3 + 8);
    expect(b.month.take).toBe(1);
    expect(b.month.counts.like).toBe(11);
  });

  it('computes the windows from the local day, so "today" starts at local midnight', () => {
    const tallies = [day('2026-05-20', { 'x|like|give': 1 }), day('2026-05-19', { 'x|like|give': 10 })];
    expect(computeBalance(tallies, settings(), local(2026, 5, 20, 0, 0)).today.give).toBe(1);
    expect(computeBalance(tallies, settings(), local(2026, 5, 20, 0, 0) - 1).today.give).toBe(10);
  });

  it('splits the week per platform and lists platforms active in the last 30 days only', () => {
    const b = computeBalance([
      day('2026-05-20', { 'x|like|give': 2, 'bluesky|reply|give': 1, 'bluesky|post|plain': 1 }),
      day('2026-05-01', { 'mastodon|like|give': 3 }),
      day('2026-04-01', { 'reddit|like|give': 3 }),
    ], settings(), now());
    // In PLATFORMS order, whatever order the counters came in.
    expect(Object.keys(b.perPlatform)).toEqual(['x', 'bluesky', 'mastodon']);
    expect(b.perPlatform.x?.give).toBe(2);
    expect(b.perPlatform.bluesky?.give).toBe(3);
    expect(b.perPlatform.bluesky?.take).toBe(1);
    // Active this month but not this week: listed with empty 7-day totals.
    expect(b.perPlatform.mastodon).toEqual(emptyTotals());
    expect(b.perPlatform.reddit).toBeUndefined();
    expect(b.week.give).toBe(5);
  });

  it('leaves disabled platforms out of every total', () => {
    const tallies = [day('2026-05-20', { 'x|like|give': 2, 'bluesky|post|plain': 5, 'bluesky|like|give': 1 })];
    const b = computeBalance(tallies, settings({ disabledPlatforms: ['bluesky'] }), now());
    expect(b.today.give).toBe(2);
    expect(b.week.take).toBe(0);
    expect(b.month.counts.post).toBe(0);
    expect(b.perPlatform.bluesky).toBeUndefined();
    expect(b.ratio).toBeNull();
  });

  it('records actions on own posts as self actions, never as giving', () => {
    const b = computeBalance([day('2026-05-20', { 'x|reply|self': 3, 'x|like|self': 2, 'x|like|give': 1, 'x|post|plain': 1 })],
      settings(), now());
    expect(b.week.selfActions).toBe(5);
    expect(b.week.give).toBe(1);
    expect(b.week.counts.reply).toBe(0);
    expect(b.week.counts.like).toBe(1);
  });

  it('reports ratio, owed replies and whether the target is met over the week', () => {
    // give 2 (two likes), take 5 (five plain posts), target 3 → 13 points short → 5 replies.
    const b = computeBalance([day('2026-05-18', { 'x|like|give': 2, 'x|post|plain': 5 })], settings(), now());
    expect(b.ratio).toBeCloseTo(0.4);
    expect(b.owed).toBe(5);
    expect(b.met).toBe(false);
    expect(b.target).toBe(3);

    const met = computeBalance([day('2026-05-18', { 'x|reply|give': 2, 'x|post|promo': 1 })], settings(), now());
    expect(met.ratio).toBe(3);
    expect(met.owed).toBe(0);
    expect(met.met).toBe(true);
  });

  it('uses the target from settings', () => {
    const tallies = [day('2026-05-18', { 'x|like|give': 2, 'x|post|plain': 5 })];
    expect(computeBalance(tallies, settings({ target: 9 }), now()).owed).toBe(Math.ceil((45 - 2) / 3));
    expect(computeBalance(tallies, settings({ target: 0.4 }), now()).met).toBe(true);
  });

  it('has a null ratio and owes nothing when nothing was taken', () => {
    const b = computeBalance([day('2026-05-20', { 'x|like|give': 4 })], settings(), now());
    expect(b.ratio).toBeNull();
    expect(b.owed).toBe(0);
    expect(b.met).toBe(true);
    const empty = computeBalance([], settings(), now());
    expect(empty.ratio).toBeNull();
    expect(empty.week).toEqual(emptyTotals());
    expect(empty.perPlatform).toEqual({});
  });
});

describe('badgeText', () => {
  const balanceWith = (give: number, take: number): Balance =>
    computeBalance([day('2026-05-20', {
      ...(give ? { 'x|like|give': give } : {}),
      ...(take ? { 'x|post|plain': take } : {}),
    })], settings(), now());

  it('is empty with no activity and a tick with giving but no taking', () => {
    expect(badgeText(balanceWith(0, 0))).toBe('');
    expect(badgeText(balanceWith(3, 0))).toBe('✓');
  });

  it('shows the 7-day ratio with one decimal below 10 and a whole number from 10, capped at 99', () => {
    expect(badgeText(balanceWith(0, 2))).toBe('0.0');
    expect(badgeText(balanceWith(5, 2))).toBe('2.5');
    expect(badgeText(balanceWith(29, 3))).toBe('9.7');
    expect(badgeText(balanceWith(31, 3))).toBe('10');
    expect(badgeText(balanceWith(500, 1))).toBe('99');
  });
});

describe('bandOf (hide numbers mode)', () => {
  const at = (give: number, take: number, target = 3) =>
    bandOf({ week: { ...emptyTotals(), give, take }, target, met: owedReplies(give, take, target, 3) === 0 });
  it('empty, balanced, leaning take, taking', () => {
    expect(at(0, 0)).toBe('empty');
    expect(at(9, 3)).toBe('balanced');
    expect(at(1, 0)).toBe('balanced');
    expect(at(5, 3)).toBe('leaningTake');
    expect(at(4.5, 3)).toBe('leaningTake');
    expect(at(4, 3)).toBe('taking');
    expect(at(0, 1)).toBe('taking');
  });
});
