/** Local calendar days. The day boundary is the user's local midnight, as they live it. */

/** `YYYY-MM-DD` of the local day that contains `ms`. */
export function dayKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Whether `key` is a `YYYY-MM-DD` naming a real calendar day (2026-02-30 is not one). */
export function isDayKey(key: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(key);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` === key;
}

/** Keys of the `count` local days ending with the day of `now`, newest first. DST-safe (calendar steps). */
export function lastDays(now: number, count: number): string[] {
  const d = new Date(now);
  const [year, month, date] = [d.getFullYear(), d.getMonth(), d.getDate()];
  // Step back on the calendar alone (in UTC, which has no gaps), not on local clock time: stepping
  // local time with setDate() lands on the next day whenever a local day does not exist, and then never
  // gets past it (Pacific/Apia skipped 30 December 2011: every key came out as 2011-12-31; days.test.ts).
  const step = new Date(0);
  const keys: string[] = [];
  for (let i = 0; i < count; i++) {
    step.setUTCFullYear(year, month, date - i);
    keys.push(`${step.getUTCFullYear()}-${pad(step.getUTCMonth() + 1)}-${pad(step.getUTCDate())}`);
  }
  return keys;
}

/** ISO-8601 with the local offset, e.g. `2026-11-23T09:15:00.000+01:00`. */
export function isoWithOffset(ms: number): string {
  const d = new Date(ms);
  const offsetMin = -d.getTimezoneOffset();
  const sign = offsetMin >= 0 ? '+' : '-';
  const abs = Math.abs(offsetMin);
  const local = new Date(ms + offsetMin * 60_000).toISOString().slice(0, 23);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
