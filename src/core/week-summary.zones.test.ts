/** Week boundaries in zones other than the main test's: Sunday weeks in New York, a skipped day in Samoa. */
import { describe, expect, it } from 'vitest';
import { local, useTimeZone } from '../../tests/unit/time-zone.ts';
import { DEFAULT_SETTINGS } from '../shared/settings.ts';
import { weekBounds, weekFigures, weekOf } from './week-summary.ts';

describe('America/New_York, weeks from Sunday', () => {
  useTimeZone('America/New_York');
  it('the DST week (clocks forward 2026-03-08 02:00) is 167 hours; a Saturday-night event stays in its week', () => {
    const { start, end } = weekBounds('2026-03-08');
    expect(start).toBe(local(2026, 3, 8, 0));
    expect((end - start) / 3_600_000).toBe(167);
    expect(weekOf(local(2026, 3, 14, 23, 59), 0)).toBe('2026-03-08');
    expect(weekOf(local(2026, 3, 15, 0, 0), 0)).toBe('2026-03-15');
    const f = weekFigures('2026-03-08', [
      { id: 'a', platform: 'x', kind: 'like', at: local(2026, 3, 8, 3, 30), source: 'import' },
      { id: 'b', platform: 'x', kind: 'like', at: local(2026, 3, 14, 23, 59), source: 'import' },
    ], DEFAULT_SETTINGS, {});
    expect(f.days[0]?.give).toBe(1);
    expect(f.days[6]?.give).toBe(1);
  });
});

describe('Pacific/Apia: 2011-12-30 never happened', () => {
  useTimeZone('Pacific/Apia');
  it('the week that lost a day is six days long and still has seven day slots', () => {
    const { start, end } = weekBounds('2011-12-26');
    expect((end - start) / 3_600_000).toBe(6 * 24);
    expect(weekOf(local(2011, 12, 31, 12), 1)).toBe('2011-12-26');
    expect(weekFigures('2011-12-26', [], DEFAULT_SETTINGS, {}).days).toHaveLength(7);
  });
});
