/**
 * The user's say over the self-promotion judgement: relabelling an own post moves it between the
 * promotional and ordinary counters at once, is never overridden by the classifier, and teaches the
 * classifier the user's vocabulary (learnLexicon) for the posts that come after.
 */
import type { IDBPDatabase } from 'idb';
import { learnLexicon, type Lexicon } from '../core/promo.ts';
import { applyToTally, dayOf, emptyTally, isLive, tallyKeyOf, type OwnHandles } from '../core/tally.ts';
import type { PostView } from '../shared/messages.ts';
import type { Settings } from '../shared/settings.ts';
import type { GiveFirstDB, StoredEvent } from './db/schema.ts';
import { promoContext } from './ledger.ts';

type DB = IDBPDatabase<GiveFirstDB>;

/** Longest text a post view carries: enough to recognise the post, not a second copy of the ledger. */
const VIEW_TEXT = 500;

export class RelabelError extends Error {}

/**
 * Sets an own post's label as the user chose. Returns whether anything changed. One transaction: the
 * event, its day's counters and the label record change together or not at all.
 */
export async function relabelPost(db: DB, id: string, promotional: boolean, own: OwnHandles): Promise<boolean> {
  const tx = db.transaction(['events', 'days', 'labels'], 'readwrite');
  const events = tx.objectStore('events');
  const event = await events.get(id);
  if (!event || event.kind !== 'post') {
    tx.abort();
    await tx.done.catch(() => undefined);
    throw new RelabelError(`not an own post: ${id}`);
  }
  const unchanged = event.promotional === promotional && event.labelledBy === 'user';
  if (!unchanged) {
    const days = tx.objectStore('days');
    const live = isLive(event);
    const day = dayOf(event);
    const tally = (await days.get(day)) ?? emptyTally(day);
    if (live) applyToTally(tally, tallyKeyOf(event, own), -1);
    event.promotional = promotional;
    event.labelledBy = 'user';
    if (live) applyToTally(tally, tallyKeyOf(event, own), 1);
    await Promise.all([
      events.put(event),
      days.put(tally),
      tx.objectStore('labels').put({ id, promotional, text: event.text ?? '', at: event.at }),
    ]);
  }
  await tx.done;
  return !unchanged;
}

// What the classifier learnt, rebuilt from the (small) labels store when a label or a setting changes.
let cached: { key: string; lexicon: Lexicon } | null = null;
let generation = 0;

export function forgetLexicon(): void {
  generation++;
  cached = null;
}

export async function currentLexicon(db: DB, settings: Settings, own: OwnHandles): Promise<Lexicon> {
  const key = `${generation}|${JSON.stringify([settings.domains, settings.brands, own])}`;
  if (cached?.key === key) return cached.lexicon;
  const labels = await db.getAll('labels');
  const lexicon = learnLexicon(labels, promoContext(settings, own));
  cached = { key, lexicon };
  return lexicon;
}

function viewOf(event: StoredEvent): PostView {
  return {
    id: event.id,
    platform: event.platform,
    at: event.at,
    text: (event.text ?? '').slice(0, VIEW_TEXT),
    promotional: event.promotional === true,
    reasons: event.promotional === true ? (event.reasons ?? []) : [],
    userLabelled: event.labelledBy === 'user',
    ...(event.target?.url ? { url: event.target.url } : {}),
  };
}

/** The user's live own posts in [from, to), newest first, at most `limit`. */
export async function listPosts(db: DB, from: number, to: number, limit: number): Promise<PostView[]> {
  const out: PostView[] = [];
  let cursor = await db.transaction('events').store.index('byAt').openCursor(IDBKeyRange.bound(from, to, false, true), 'prev');
  while (cursor && out.length < limit) {
    const event = cursor.value;
    if (event.kind === 'post' && isLive(event)) out.push(viewOf(event));
    cursor = await cursor.continue();
  }
  return out;
}
