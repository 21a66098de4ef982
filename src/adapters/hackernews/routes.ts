/**
 * URL → page kind on Hacker News, pure. Examples (tested both ways in hackernews.test.ts):
 *   https://news.ycombinator.com/ → list · /news?p=2 → list · /newest → list · /ask → list
 *   /item?id=42000001 → item · /reply?id=42000101&goto=… → reply · /submit → submit
 *   /favorites?id=pg → favorites · /user?id=pg → other
 */
export type HnPageKind = 'list' | 'item' | 'reply' | 'submit' | 'favorites' | 'other';

const LISTS = new Set(['', 'news', 'newest', 'front', 'ask', 'show', 'best', 'active', 'submitted', 'threads', 'newcomments', 'shownew', 'asknew']);

export function hnPageKind(url: URL): HnPageKind {
  const page = url.pathname.replace(/^\//, '');
  if (page === 'item' && url.searchParams.get('id')) return 'item';
  if (page === 'reply' && url.searchParams.get('id')) return 'reply';
  if (page === 'submit' || page === 'submitlink') return 'submit';
  if (page === 'favorites') return 'favorites';
  if (LISTS.has(page)) return 'list';
  return 'other';
}

export function itemUrl(id: string): string {
  return `https://news.ycombinator.com/item?id=${id}`;
}
