/**
 * A year of heavy use as a backup file: `count` events of mixed kinds spread over the last 365 days,
 * in the public export format (README, "Export format"), generated deterministically.
 */
import { rng } from './stats.ts';

export interface BenchEvent {
  id: string;
  platform: 'x';
  kind: 'like' | 'reply' | 'repost' | 'quote' | 'follow' | 'post';
  at: string;
  target?: { id: string; url: string; author: string };
  text?: string;
  promotional?: boolean;
  source: 'import';
}

const KIND_WEIGHTS: [BenchEvent['kind'], number][] = [
  ['like', 0.55], ['reply', 0.15], ['repost', 0.1], ['quote', 0.03], ['follow', 0.05], ['post', 0.12],
];

function pickKind(r: number): BenchEvent['kind'] {
  let acc = 0;
  for (const [kind, w] of KIND_WEIGHTS) {
    acc += w;
    if (r < acc) return kind;
  }
  return 'like';
}

export function yearOfEvents(count: number, now = Date.now(), seed = 42): BenchEvent[] {
  const random = rng(seed);
  const yearMs = 365 * 24 * 3600 * 1000;
  const events: BenchEvent[] = [];
  for (let n = 0; n < count; n++) {
    const kind = pickKind(random());
    const at = new Date(now - Math.floor(random() * yearMs)).toISOString();
    const author = `author${Math.floor(random() * 5000)}`;
    // Ids far from the replica timeline's (which start at 1900000000000000000).
    const postId = String(1_500_000_000_000_000_000n + BigInt(n));
    const event: BenchEvent = { id: `x:${kind}:${n}`, platform: 'x', kind, at, source: 'import' };
    if (kind === 'follow') {
      event.target = { id: String(10_000 + n), url: `https://x.com/${author}`, author };
    } else if (kind !== 'post') {
      event.target = { id: postId, url: `https://x.com/${author}/status/${postId}`, author };
    }
    if (kind === 'post' || kind === 'reply' || kind === 'quote') {
      event.text = `Benchmark ${kind} number ${n}: a sentence of ordinary length about nothing in particular.`;
    }
    if (kind === 'post') event.promotional = random() < 0.2;
    events.push(event);
  }
  return events;
}
