import { describe, expect, it } from 'vitest';
import { local, useTimeZone } from '../../tests/unit/time-zone.ts';
import { dayKey, isDayKey, isoWithOffset, lastDays } from './days.ts';

/** `count` calendar days ending with `key`, newest first, by pure calendar arithmetic (no time zone). */
function calendarDaysBack(key: string, count: number): string[] {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return Array.from({ length: count }, (_, i) => new Date(Date.UTC(y, m - 1, d - i)).toISOString().slice(0, 10));
}

/** Every `stepMin` minutes from local midnight of the first day to the end of the last. */
function instants(from: [number, number, number], days: number, stepMin: number): number[] {
  const start = local(from[0], from[1], from[2], 0, 0);
  return Array.from({ length: (days * 24 * 60) / stepMin }, (_, i) => start + i * stepMin * 60_000);
}

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/;

describe('in Europe/Madrid (CET/CEST; 2026 changes on 29 March and 25 October)', () => {
  useTimeZone('Europe/Madrid');

  it('dayKey is the local calendar day, padded, changing exactly at local midnight', () => {
    expect(dayKey(local(2026, 1, 5, 9))).toBe('2026-01-05');
    expect(dayKey(local(2026, 3, 29, 0, 0))).toBe('2026-03-29');
    expect(dayKey(local(2026, 3, 29, 0, 0) - 1)).toBe('2026-03-28');
    // 23:30 UTC on 28 March is already 00:30 on the 29th in Madrid.
    expect(dayKey(Date.UTC(2026, 2, 28, 23, 30))).toBe('2026-03-29');
    // The 25-hour day: 23:59 local is still the 25th, midnight is the 26th.
    expect(dayKey(local(2026, 10, 25, 23, 59))).toBe('2026-10-25');
    expect(dayKey(local(2026, 10, 26, 0, 0))).toBe('2026-10-26');
  });

  it('lastDays steps back one calendar day at a time across the spring change (23-hour day)', () => {
    expect(lastDays(local(2026, 3, 31, 10), 5)).toEqual(['2026-03-31', '2026-03-30', '2026-03-29', '2026-03-28', '2026-03-27']);
    // Every quarter hour of the three days around the change, including the missing 02:00–03:00 hour.
    for (const now of instants([2026, 3, 28], 3, 15)) {
      const keys = lastDays(now, 10);
      expect(keys).toEqual(calendarDaysBack(dayKey(now), 10));
    }
  });

  it('lastDays steps back one calendar day at a time across the autumn change (25-hour day)', () => {
    expect(lastDays(local(2026, 10, 26, 0, 30), 3)).toEqual(['2026-10-26', '2026-10-25', '2026-10-24']);
    for (const now of instants([2026, 10, 24], 3, 15)) {
      expect(lastDays(now, 10)).toEqual(calendarDaysBack(dayKey(now), 10));
    }
  });

  it('a 30-day window spanning a change has 30 distinct consecutive days, newest first', () => {
    const keys = lastDays(local(2026, 4, 10, 23, 45), 30);
    expect(keys).toHaveLength(30);
    expect(new Set(keys).size).toBe(30);
    expect(keys[0]).toBe('2026-04-10');
    expect(keys[29]).toBe('2026-03-12');
    expect(keys).toEqual(calendarDaysBack('2026-04-10', 30));
  });

  it('lastDays handles the edges: zero and one day', () => {
    expect(lastDays(local(2026, 6, 1), 0)).toEqual([]);
    expect(lastDays(local(2026, 6, 1), 1)).toEqual(['2026-06-01']);
  });

  it('isoWithOffset writes local wall time with the offset in force at that instant', () => {
    expect(isoWithOffset(Date.UTC(2026, 10, 23, 8, 15))).toBe('2026-11-23T09:15:00.000+01:00');
    expect(isoWithOffset(Date.UTC(2026, 6, 1, 10, 0, 0, 123))).toBe('2026-07-01T12:00:00.123+02:00');
    // 02:30 happens twice on 25 October; the offset tells the two apart.
    expect(isoWithOffset(Date.UTC(2026, 9, 25, 0, 30))).toBe('2026-10-25T02:30:00.000+02:00');
    expect(isoWithOffset(Date.UTC(2026, 9, 25, 1, 30))).toBe('2026-10-25T02:30:00.000+01:00');
  });

  it('isoWithOffset round-trips through Date.parse around both changes', () => {
    for (const ms of [...instants([2026, 3, 28], 2, 10), ...instants([2026, 10, 24], 2, 10)]) {
      const iso = isoWithOffset(ms + 987);
      expect(iso).toMatch(ISO_WITH_OFFSET);
      expect(Date.parse(iso)).toBe(ms + 987);
    }
  });
});

describe('in America/Santiago (daylight time starts at midnight: 6 September 2026 has no 00:00)', () => {
  useTimeZone('America/Santiago');

  it('lastDays still yields consecutive calendar days when a local midnight does not exist', () => {
    expect(lastDays(local(2026, 9, 7, 0, 30), 4)).toEqual(['2026-09-07', '2026-09-06', '2026-09-05', '2026-09-04']);
    for (const now of [...instants([2026, 9, 4], 4, 30), ...instants([2026, 4, 3], 4, 30)]) {
      expect(lastDays(now, 8)).toEqual(calendarDaysBack(dayKey(now), 8));
    }
  });

  it('isoWithOffset uses negative offsets and round-trips', () => {
    expect(isoWithOffset(Date.UTC(2026, 6, 1, 16, 0))).toBe('2026-07-01T12:00:00.000-04:00');
    for (const ms of instants([2026, 9, 5], 2, 20)) expect(Date.parse(isoWithOffset(ms))).toBe(ms);
  });
});

describe('in Pacific/Apia (Samoa skipped Friday 30 December 2011 when it crossed the date line)', () => {
  useTimeZone('Pacific/Apia');

  it('lastDays still steps through the calendar, past the day that never existed locally', () => {
    expect(dayKey(local(2011, 12, 31, 12))).toBe('2011-12-31');
    expect(dayKey(local(2011, 12, 31, 0, 0) - 1)).toBe('2011-12-29');
    expect(lastDays(local(2011, 12, 31, 12), 4)).toEqual(['2011-12-31', '2011-12-30', '2011-12-29', '2011-12-28']);
    expect(new Set(lastDays(local(2012, 1, 15, 12), 30)).size).toBe(30);
  });
});

describe.each([
  ['UTC', '+00:00'],
  ['Asia/Kolkata', '+05:30'],
  ['America/St_Johns', '-02:30'],
  ['Pacific/Chatham', '+12:45'],
])('isoWithOffset in %s', (zone, julyOffset) => {
  useTimeZone(zone);

  it(`writes the offset with minutes (${julyOffset} in July) and round-trips`, () => {
    expect(isoWithOffset(Date.UTC(2026, 6, 15, 12))).toMatch(new RegExp(`${julyOffset.replace('+', '\\+')}$`));
    for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 86_400_000 * 7 + 3_600_000 + 1) {
      const iso = isoWithOffset(ms);
      expect(iso).toMatch(ISO_WITH_OFFSET);
      expect(Date.parse(iso)).toBe(ms);
    }
  });
});

describe('isDayKey', () => {
  it('accepts real calendar days, leap days included', () => {
    for (const key of ['2026-11-02', '2024-02-29', '1999-12-31', '2026-01-01']) expect(isDayKey(key), key).toBe(true);
  });
  it('rejects days that do not exist and anything not shaped YYYY-MM-DD', () => {
    for (const key of ['2026-02-29', '2026-11-31', '2026-13-01', '2026-00-10', '2026-11-2', '26-11-02', '2026-11-02T00:00', ' 2026-11-02', '']) {
      expect(isDayKey(key), key).toBe(false);
    }
  });
});
