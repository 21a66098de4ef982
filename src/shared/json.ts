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

/**
 * The first value anywhere in `value` that `match` accepts, given the key it sits under (null for the
 * root and array items). Sites nest what is looked for in wrappers whose shape changes (YouTube's
 * commentRenderer → commentViewModel in 2024, Reddit's things), so it is searched for rather than
 * reached by a path. A node's own children are tried before anything below them (the shallower match
 * wins there), and the search stops `depth` levels down.
 */
export function findInJson(value: unknown, match: (found: unknown, key: string | null) => boolean, depth = 16): unknown {
  if (match(value, null)) return value;
  return findBelow(value, match, depth);
}

function findBelow(value: unknown, match: (found: unknown, key: string | null) => boolean, depth: number): unknown {
  if (depth < 0 || value === null || typeof value !== 'object') return undefined;
  const entries: [string | null, unknown][] = Array.isArray(value) ? value.map((v: unknown) => [null, v]) : Object.entries(value);
  for (const [key, child] of entries) {
    if (match(child, key)) return child;
  }
  for (const [, child] of entries) {
    const found = findBelow(child, match, depth - 1);
    if (found !== undefined) return found;
  }
  return undefined;
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
