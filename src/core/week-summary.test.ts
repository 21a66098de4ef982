import { describe, expect, it } from 'vitest';
import { local, useTimeZone } from '../../tests/unit/time-zone.ts';
import type { GiveFirstEvent } from '../shared/events.ts';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings.ts';
import { buildTallies } from './tally.ts';
import {
  addDays, buildReview, changeOf, pointsBand, weekFiguresFromTallies, weekPeople, csvField, defaultReviewWeek, nextWeekStart, nudgeFigures, peopleIn, suggestTarget,
  weekBounds, weekCsv, weekFigures, weeklyTrend, weekOf, type NudgeLogEntry,
} from './week-summary.ts';

useTimeZone('Europe/Madrid');

const settings: Settings = structuredClone(DEFAULT_SETTINGS);
const own = { x: ['me'] };
let n = 0;
function ev(kind: GiveFirstEvent['kind'], at: number, extra: Partial<GiveFirstEvent> = {}): GiveFirstEvent {
  n++;
  return { id: `x:${kind}:${n}`, platform: 'x', kind, at, source: 'capture', ...extra };
}

describe('week boundaries (Europe/Madrid)', () => {
  it('a week starts on the configured day at local midnight', () => {
    // Wednesday 2026-11-18.
    const wed = local(2026, 11, 18, 15);
    expect(weekOf(wed, 1)).toBe('2026-11-16');
    expect(weekOf(wed, 0)).toBe('2026-11-15');
    expect(weekOf(wed, 3)).toBe('2026-11-18');
    expect(weekOf(wed, 4)).toBe('2026-11-12');
    // One millisecond before Monday's midnight still belongs to the week before.
    expect(weekOf(local(2026, 11, 23, 0) - 1, 1)).toBe('2026-11-16');
    expect(weekOf(local(2026, 11, 23, 0), 1)).toBe('2026-11-23');
  });

  it('weeks across the spring and autumn clock changes are 167 and 169 hours long', () => {
    const spring = weekBounds('2026-03-23');
    expect(spring.start).toBe(local(2026, 3, 23, 0));
    expect(spring.end).toBe(local(2026, 3, 30, 0));
    expect((spring.end - spring.start) / 3_600_000).toBe(167);
    const autumn = weekBounds('2026-10-19');
    expect((autumn.end - autumn.start) / 3_600_000).toBe(169);
    // 23:30 on the last Sunday of the long week is still inside it.
    expect(weekOf(local(2026, 10, 25, 23, 30), 1)).toBe('2026-10-19');
  });

  it('the default review is the week that just ended; the alarm is at the next week start', () => {
    const now = local(2026, 11, 23, 9);
    expect(defaultReviewWeek(now, 1)).toBe('2026-11-16');
    expect(nextWeekStart(now, 1)).toBe(local(2026, 11, 30, 0));
    expect(nextWeekStart(local(2026, 3, 25, 12), 1)).toBe(local(2026, 3, 30, 0));
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
  });
});

describe('week figures', () => {
  const week = '2026-03-23';
  it('an empty week is all zeros with no ratio', () => {
    const f = weekFigures(week, [], settings, own);
    expect(f).toMatchObject({ give: 0, take: 0, ratio: null, actions: 0, posts: 0 });
    expect(f.days.map((d) => d.day)).toEqual(['2026-03-23', '2026-03-24', '2026-03-25', '2026-03-26', '2026-03-27', '2026-03-28', '2026-03-29']);
  });

  it('counts live, imported and manual events by day and stack; undone, self-targeted and out-of-week ones are left out', () => {
    const events = [
      ev('like', local(2026, 3, 23, 0, 0), { target: { author: 'ana' } }),
      ev('reply', local(2026, 3, 24, 10), { target: { author: 'bob' }, source: 'import' }),
      ev('quote', local(2026, 3, 24, 11), { source: 'manual' }),
      ev('follow', local(2026, 3, 29, 23, 59)),
      ev('like', local(2026, 3, 25, 10), { undoneAt: local(2026, 3, 25, 11) }),
      ev('reply', local(2026, 3, 25, 10), { target: { author: 'Me' } }),
      ev('post', local(2026, 3, 29, 3, 0), { promotional: true }),
      ev('post', local(2026, 3, 26, 8), { promotional: false }),
      ev('post', local(2026, 3, 26, 9), { promotional: false, undoneAt: local(2026, 3, 26, 10) }),
      ev('like', local(2026, 3, 30, 0, 0)),
      ev('like', local(2026, 3, 22, 23, 59)),
    ];
    const f = weekFigures(week, events, settings, own);
    // give: like 1 + reply 3 + quote 2 + follow 1 = 7; take: promo 2 + post 1 = 3.
    expect(f).toMatchObject({ give: 7, take: 3, posts: 2, promoPosts: 1, actions: 6 });
    expect(f.ratio).toBeCloseTo(7 / 3);
    expect(f.days[0]?.counts.likes).toBe(1);
    expect(f.days[1]?.points).toMatchObject({ replies: 3, reposts: 2 });
    // Sunday of the short week: 03:00 (just after the clocks went forward) and 23:59.
    expect(f.days[6]?.points).toMatchObject({ promoPosts: 2, follows: 1 });
    expect(f.days[6]?.take).toBe(2);
    expect(f.perPlatform.x).toMatchObject({ give: 7, take: 3, actions: 6 });
  });

  it('the figures from the day counters equal the figures from the events', () => {
    const events = [
      ev('like', local(2026, 3, 23, 0, 0), { target: { author: 'ana' } }),
      ev('reply', local(2026, 3, 24, 10), { platform: 'bluesky', target: { author: 'bob' } }),
      ev('quote', local(2026, 3, 24, 11)),
      ev('reply', local(2026, 3, 25, 10), { target: { author: 'me' } }),
      ev('like', local(2026, 3, 25, 10), { undoneAt: local(2026, 3, 25, 11) }),
      ev('post', local(2026, 3, 29, 3, 0), { promotional: true }),
      ev('post', local(2026, 3, 29, 23, 59)),
      ev('follow', local(2026, 3, 30, 0, 0)),
    ];
    const tallies = [...buildTallies(events, own).values()];
    const off = { ...settings, disabledPlatforms: ['bluesky' as const] };
    expect(weekFiguresFromTallies(week, tallies, settings)).toEqual(weekFigures(week, events, settings, own));
    expect(weekFiguresFromTallies(week, tallies, off)).toEqual(weekFigures(week, events, off, own));
  });

  it('switched-off sites do not count', () => {
    const f = weekFigures(week, [ev('like', local(2026, 3, 24))], { ...settings, disabledPlatforms: ['x'] }, own);
    expect(f.give).toBe(0);
  });
});

describe('people, nudge, trend, target, words', () => {
  it('groups people by site and handle, most engaged first, with profile links', () => {
    const from = local(2026, 3, 23, 0);
    const events = [
      ev('like', from + 1, { target: { author: 'Ana' } }),
      ev('reply', from + 2, { target: { author: '@ana' } }),
      ev('like', from + 3, { target: { author: 'bob', url: 'javascript:alert(1)' } }),
      ev('like', from + 4, { platform: 'linkedin', target: { author: 'carol', url: 'https://www.linkedin.com/feed/update/1' } }),
      ev('like', from + 5, { target: { author: 'me' } }),
      ev('post', from + 6, { target: { author: 'zed' } }),
    ];
    const people = peopleIn(events, from, from + 1000, settings, own);
    expect(people).toEqual([
      { platform: 'x', author: 'ana', count: 2, url: 'https://x.com/ana' },
      { platform: 'linkedin', author: 'carol', count: 1, url: 'https://www.linkedin.com/feed/update/1' },
      { platform: 'x', author: 'bob', count: 1, url: 'https://x.com/bob' },
    ]);
  });

  it('a shown nudge is heeded when a give on the same site follows within 15 minutes', () => {
    const t0 = local(2026, 3, 24, 10);
    const log: NudgeLogEntry[] = [
      { platform: 'x', at: t0, outcome: 'shown' },
      { platform: 'x', at: t0 + 1000, outcome: 'engageFirst' },
      { platform: 'x', at: t0 + 3_600_000, outcome: 'shown' },
      { platform: 'x', at: t0 + 3_600_001, outcome: 'postedAnyway' },
      { platform: 'x', at: t0 + 7_200_000, outcome: 'shown' },
      { platform: 'x', at: t0 + 7_200_001, outcome: 'snoozed' },
    ];
    const events = [
      ev('like', t0 + 14 * 60_000),
      // 16 minutes after the second: too late. A give on another site after the third does not count.
      ev('like', t0 + 3_600_000 + 16 * 60_000),
      ev('like', t0 + 7_200_000 + 60_000, { platform: 'bluesky' }),
    ];
    expect(nudgeFigures(log, events, t0, t0 + 86_400_000, own)).toEqual({ shown: 3, heeded: 1, postedAnyway: 1, snoozed: 1 });
  });

  it('the 12-week trend comes from day counters, oldest first', () => {
    const events = [ev('reply', local(2026, 3, 24)), ev('post', local(2026, 3, 29, 12)), ev('like', local(2026, 1, 6))];
    const trend = weeklyTrend([...buildTallies(events, own).values()], '2026-03-23', 12, settings);
    expect(trend).toHaveLength(12);
    expect(trend[0]?.week).toBe('2026-01-05');
    expect(trend[0]).toMatchObject({ give: 1, take: 0, ratio: null });
    expect(trend[11]).toMatchObject({ week: '2026-03-23', give: 3, take: 1, ratio: 3 });
  });

  it('the trend weighs a generic reply as a like and a promotional post as such, like the week itself', () => {
    const events = [
      ev('reply', local(2026, 3, 24), { generic: true }), ev('reply', local(2026, 3, 25)),
      ev('post', local(2026, 3, 26), { promotional: true }),
    ];
    const tallies = [...buildTallies(events, own).values()];
    const [week] = weeklyTrend(tallies, '2026-03-23', 1, settings);
    expect(week).toMatchObject({ give: settings.weights.like + settings.weights.reply, take: settings.weights.promoPost, promoPosts: 1 });
    const figures = weekFiguresFromTallies('2026-03-23', tallies, settings);
    expect({ give: week?.give, take: week?.take }).toEqual({ give: figures.give, take: figures.take });
  });

  it('bands for hide-numbers mode follow the popup\'s rule', () => {
    expect(pointsBand({ give: 0, take: 0 }, 3)).toBe('empty');
    expect(pointsBand({ give: 9, take: 3 }, 3)).toBe('balanced');
    expect(pointsBand({ give: 2, take: 0 }, 3)).toBe('balanced');
    expect(pointsBand({ give: 5, take: 3 }, 3)).toBe('leaningTake');
    expect(pointsBand({ give: 4, take: 3 }, 3)).toBe('taking');
  });

  it('suggests a reachable target and describes the change in words', () => {
    expect(suggestTarget({ give: 6, take: 3, ratio: 2 }, 3)).toBe(2.5);
    expect(suggestTarget({ give: 0, take: 3, ratio: 0 }, 3)).toBe(1.5);
    expect(suggestTarget({ give: 12, take: 3, ratio: 4 }, 3)).toBe(3);
    expect(suggestTarget({ give: 5, take: 0, ratio: null }, 3)).toBe(3);
    expect(changeOf(10, 5)).toBe('up');
    expect(changeOf(5, 10)).toBe('down');
    expect(changeOf(10.5, 10)).toBe('same');
    expect(changeOf(3, 0)).toBe('first');
    expect(changeOf(0, 0)).toBe('same');
  });

  it('builds the review: this week against last (from counters), lapsed people, promotional share against the norm', () => {
    const w = '2026-03-23';
    const events = [
      ev('like', local(2026, 3, 24), { target: { author: 'ana' } }),
      ev('like', local(2026, 3, 17), { target: { author: 'ana' } }),
      ev('like', local(2026, 3, 3), { target: { author: 'old' } }),
      ev('like', local(2026, 2, 1), { target: { author: 'tooold' } }),
      ev('post', local(2026, 3, 25), { promotional: true }),
      ev('post', local(2026, 3, 10), { promotional: false }),
      ev('post', local(2026, 3, 11), { promotional: true }),
      ev('like', local(2026, 3, 26), { undoneAt: local(2026, 3, 26, 13) }),
    ];
    const tallies = [...buildTallies(events, own).values()];
    const review = buildReview({ week: w, now: local(2026, 3, 30, 9), settings, own, events, nudges: [], tallies });
    expect(review.partial).toBe(false);
    expect(review.current).toMatchObject({ give: 1, take: 2 });
    expect(review.previous).toMatchObject({ week: '2026-03-16', give: 1, take: 0 });
    expect(review.change).toEqual({ give: 'same', take: 'first', ratio: 'first' });
    const { people, lapsed } = weekPeople(w, events, settings, own);
    expect(people.map((p) => p.author)).toEqual(['ana']);
    expect(lapsed.map((p) => p.author)).toEqual(['old']);
    expect(review.promo).toEqual({ share: 1, norm: 0.5 });
    expect(review.trend).toHaveLength(12);
    // Ratio 0.5 against 3: halfway is 1.75, rounded to the nearest half.
    expect(review.suggestedTarget).toBe(2);
    expect(buildReview({ week: w, now: local(2026, 3, 26), settings, own, events: [], nudges: [], tallies: [] }).partial).toBe(true);
  });
});

describe('CSV', () => {
  it('quotes per RFC 4180, defuses formulas, and writes ISO-8601 times with the offset', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"\nnow')).toBe('"say ""hi""\nnow"');
    expect(csvField('=HYPERLINK("http://evil")')).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('@me')).toBe("'@me");
    const csv = weekCsv([
      ev('post', local(2026, 3, 29, 3, 0), { text: 'Hello, "world"', promotional: false }),
      ev('like', local(2026, 3, 28, 12), { target: { author: '-dash', url: 'https://x.com/a/status/1', id: '1' }, undoneAt: local(2026, 3, 28, 13) }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('time,platform,action,author,url,target_id,promotional,source,undone_at,text');
    expect(lines[1]).toBe("2026-03-28T12:00:00.000+01:00,x,like,'-dash,https://x.com/a/status/1,1,,capture,2026-03-28T13:00:00.000+01:00,");
    expect(lines[2]).toBe('2026-03-29T03:00:00.000+02:00,x,post,,,,false,capture,,"Hello, ""world"""');
    expect(lines[3]).toBe('');
  });
});
