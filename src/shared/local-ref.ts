/**
 * A stable stand-in id for the user's own post when the site's reply did not say the new post's id
 * (FNV-1a of the text and the time). The same retried message gives the same id, so it stays one event;
 * a later delete cannot match it, which is the price of not knowing the real id.
 */
export function localRef(text: string, at: number): string {
  let h = 0x811c9dc5;
  for (const ch of `${text}\u0000${at}`) {
    h ^= ch.codePointAt(0) ?? 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `local-${h.toString(36)}`;
}
