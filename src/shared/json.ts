/** Defensive reading of JSON a site sends: never throws, never trusts a type. */

export function parseJson(text: string | null): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Reads a dotted path (`data.create_tweet.tweet_results.result`) from unknown JSON. */
export function pick(value: unknown, path: string): unknown {
  let cur = value;
  for (const key of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** A non-empty string, or undefined. Numbers are accepted for ids sites send either way. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** The first path that yields a non-empty string. */
export function firstStr(value: unknown, paths: readonly string[]): string | undefined {
  for (const path of paths) {
    const found = str(pick(value, path));
    if (found) return found;
  }
  return undefined;
}
