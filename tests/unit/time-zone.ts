/**
 * Runs a test file in a named IANA time zone. Node re-reads `process.env.TZ` whenever it is assigned,
 * so local-day logic (dayKey, lastDays, isoWithOffset) can be checked against a zone with daylight
 * saving time whatever zone the machine or CI runner is in. Restores the previous zone afterwards.
 */
import { afterAll, beforeAll } from 'vitest';

export function useTimeZone(zone: string): void {
  let previous: string | undefined;
  beforeAll(() => {
    previous = process.env.TZ;
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  });
}

/** Epoch ms of a local wall-clock time in the current zone (month 1-12). */
export function local(year: number, month: number, day: number, hour = 12, minute = 0): number {
  return new Date(year, month - 1, day, hour, minute).getTime();
}
