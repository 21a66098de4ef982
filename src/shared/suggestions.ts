/**
 * The nudge's suggestions (others' posts worth engaging with), shared by the adapters' composer hooks:
 * the candidates a page offers, those in the viewport first, then the rest, each group in page order.
 */

/**
 * Up to `max` of `candidates`, visible ones first. `candidates` is read lazily and no further once `max`
 * visible ones were found, so an adapter can yield candidates from a long feed without collecting them
 * all first.
 */
export function pickSuggestions(candidates: Iterable<HTMLElement>, max: number): HTMLElement[] {
  const visible: HTMLElement[] = [];
  const offscreen: HTMLElement[] = [];
  if (max <= 0) return [];
  for (const el of candidates) {
    const box = el.getBoundingClientRect();
    const height = el.ownerDocument.defaultView?.innerHeight ?? globalThis.innerHeight;
    (box.bottom > 0 && box.top < height ? visible : offscreen).push(el);
    if (visible.length >= max) break;
  }
  return [...visible, ...offscreen].slice(0, max);
}
