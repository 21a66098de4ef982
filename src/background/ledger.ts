/**
 * The ledger: turns observations into stored events and keeps the per-day counters in step, each
 * change in one IndexedDB transaction so a service worker stopped mid-write leaves no half-change.
 */
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { dayKey, isDayKey } from '../core/days.ts';
import { isGenericReply } from '../core/generic.ts';
import { classifyPromotion, type Lexicon, type PromoContext } from '../core/promo.ts';
import { applyToTally, buildTallies, dayOf, emptyTally, isLive, tallyKeyOf, type OwnHandles } from '../core/tally.ts';
import { addDays, startOfDay } from '../core/week-summary.ts';
import { eventId, type GiveFirstEvent } from '../shared/events.ts';
import type { DidObservation, Observation, UndidObservation } from '../shared/observations.ts';
import type { Settings } from '../shared/settings.ts';
import type { GiveFirstDB, StoredEvent } from './db/schema.ts';

type DB = IDBPDatabase<GiveFirstDB>;
type Tx = IDBPTransaction<GiveFirstDB, ('events' | 'days' | 'labels' | 'aliases')[], 'readwrite'>;

export interface LedgerContext {
  settings: Settings;
  own: OwnHandles;
  /** What the user taught the classifier by relabelling (labels.ts). */
  lexicon?: Lexicon;
}

/** What the self-promotion classifier knows about the user. */
export function promoContext(settings: Settings, own: OwnHandles, lexicon?: Lexicon): PromoContext {
  return {
    domains: settings.domains,
    handles: Object.values(own).flat(),
    brands: settings.brands,
    ...(lexicon ? { lexicon } : {}),
  };
}

async function bump(tx: Tx, event: GiveFirstEvent, own: OwnHandles, delta: 1 | -1): Promise<void> {
  const days = tx.objectStore('days');
  const day = dayOf(event);
  const tally = (await days.get(day)) ?? emptyTally(day);
  await days.put(applyToTally(tally, tallyKeyOf(event, own), delta));
}

function newEvent(obs: DidObservation, ctx: LedgerContext): StoredEvent {
  const event: StoredEvent = {
    id: eventId(obs.platform, obs.kind, obs.ref),
    platform: obs.platform,
    kind: obs.kind,
    at: obs.at,
    source: 'capture',
    opAt: obs.at,
  };
  if (obs.target && Object.keys(obs.target).length > 0) event.target = obs.target;
  // Text is kept only for the user's own writing (posts, replies, quotes), never for others'.
  if (obs.text !== undefined && (obs.kind === 'post' || obs.kind === 'reply' || obs.kind === 'quote')) event.text = obs.text;
  if (obs.kind === 'post') {
    const result = classifyPromotion({ text: obs.text ?? '', links: obs.links ?? [] }, promoContext(ctx.settings, ctx.own, ctx.lexicon));
    event.promotional = result.promotional;
    if (result.promotional) event.reasons = result.reasons;
  }
  // The quality floor: a stock reply counts like a like. Replies are never promotional takes.
  if (obs.kind === 'reply' && obs.text !== undefined) event.generic = isGenericReply(obs.text);
  return event;
}

/** The stored event an id names: the event with that id, or the event an alias with that key belongs to. */
async function resolve(tx: Tx, id: string): Promise<StoredEvent | undefined> {
  const events = tx.objectStore('events');
  const direct = await events.get(id);
  if (direct) return direct;
  const alias = await tx.objectStore('aliases').get(id);
  return alias ? events.get(alias.event) : undefined;
}

/**
 * Records refs as other names of an event. The first event an alias was given to keeps it: an alias is
 * never moved, and one that is the id of a stored event is not needed (that event is found directly).
 */
async function addAliases(tx: Tx, event: StoredEvent, refs: readonly string[]): Promise<void> {
  const aliases = tx.objectStore('aliases');
  for (const ref of refs) {
    const key = eventId(event.platform, event.kind, ref);
    if (key === event.id || (await aliases.get(key))) continue;
    await aliases.put({ key, event: event.id });
  }
}

/**
 * The event a did observation is about: the one its ref names (directly or as a known alias), else
 * one any of its aliases names (a re-do reported under a new ref, e.g. a Bluesky re-like after a
 * reload, which is a new record of the same subject).
 */
async function findDid(tx: Tx, obs: DidObservation): Promise<StoredEvent | undefined> {
  const own = await resolve(tx, eventId(obs.platform, obs.kind, obs.ref));
  if (own) return own;
  for (const alias of obs.aliases ?? []) {
    const found = await resolve(tx, eventId(obs.platform, obs.kind, alias));
    if (found) return found;
  }
  return undefined;
}

async function applyDid(tx: Tx, obs: DidObservation, ctx: LedgerContext): Promise<boolean> {
  const store = tx.objectStore('events');
  const existing = await findDid(tx, obs);
  if (!existing) {
    const event = newEvent(obs, ctx);
    await store.put(event);
    await addAliases(tx, event, obs.aliases ?? []);
    await bump(tx, event, ctx.own, 1);
    return true;
  }
  // Every name this action was reported under now leads to the event, even if the action is stale.
  await addAliases(tx, existing, [obs.ref, ...(obs.aliases ?? [])]);
  // Only a newer action changes an event: late or repeated messages are ignored (idempotent).
  if (obs.at <= existing.opAt) return false;
  if (isLive(existing)) {
    // Already counted, but remember that this newer action happened: otherwise an undo from between
    // the two, arriving last, would undo the later like (like t1, like t3, unlike t2 must end liked;
    // ledger.test.ts, "out-of-order toggles").
    existing.opAt = obs.at;
    let changed = false;
    // At most fill in target details learnt since (e.g. the author).
    if (obs.target && !existing.target?.author && obs.target.author) {
      await bump(tx, existing, ctx.own, -1);
      existing.target = { ...existing.target, ...obs.target };
      await bump(tx, existing, ctx.own, 1);
      changed = true;
    }
    await store.put(existing);
    return changed;
  }
  // Re-done after an undo (like → unlike → like): the same one event, live again.
  delete existing.undoneAt;
  existing.opAt = obs.at;
  // Take the target details this action brings: a tombstone knows only the post id, and a first like
  // may have come before the author was on the page. Without the author, a re-like of one's own post
  // would count as giving (ledger.test.ts, "a like after a tombstone…").
  if (obs.target) existing.target = { ...existing.target, ...obs.target };
  await store.put(existing);
  await bump(tx, existing, ctx.own, 1);
  return true;
}

async function applyUndid(tx: Tx, obs: UndidObservation, ctx: LedgerContext): Promise<boolean> {
  const store = tx.objectStore('events');
  let changed = false;
  let found = false;
  for (const kind of obs.kinds) {
    // The ref may be an alias: e.g. the record of a Bluesky re-like, folded into the first like's event.
    const existing = await resolve(tx, eventId(obs.platform, kind, obs.ref));
    if (!existing) continue;
    found = true;
    if (obs.at <= existing.opAt) continue;
    if (!isLive(existing)) {
      // Already undone; remember the newer undo so a re-do from before it, arriving last, stays
      // ignored (unlike t1, unlike t3, like t2 must end unliked; ledger.test.ts, "out-of-order toggles").
      existing.opAt = obs.at;
      await store.put(existing);
      continue;
    }
    existing.undoneAt = obs.at;
    existing.opAt = obs.at;
    await store.put(existing);
    await bump(tx, existing, ctx.own, -1);
    changed = true;
  }
  if (!found && obs.kinds.length === 1 && obs.kinds[0] !== 'post') {
    // An undo that arrives before its action (responses can complete out of order) leaves a
    // tombstone, so the late action is recognised as older and does not count.
    const kind = obs.kinds[0] ?? 'like';
    await store.put({
      id: eventId(obs.platform, kind, obs.ref), platform: obs.platform, kind, at: obs.at, undoneAt: obs.at,
      opAt: obs.at, source: 'capture', target: { id: obs.ref },
    });
  }
  return changed;
}

export async function applyObservation(db: DB, obs: Observation, ctx: LedgerContext): Promise<boolean> {
  const tx = db.transaction(['events', 'days', 'aliases'], 'readwrite');
  const changed = obs.op === 'did' ? await applyDid(tx, obs, ctx) : await applyUndid(tx, obs, ctx);
  await tx.done;
  return changed;
}

/**
 * Merges imported events by id (all in one transaction) and rebuilds the counters. Requests are issued
 * together rather than one awaited after another: IndexedDB pipelines them, which turns a 100,000-event
 * restore from minutes into seconds (measured by `npm run bench`).
 */
export async function importEvents(db: DB, events: readonly GiveFirstEvent[], own: OwnHandles): Promise<{ added: number; updated: number }> {
  const tx = db.transaction(['events', 'days', 'labels'], 'readwrite');
  const store = tx.objectStore('events');
  const known = new Set(await store.getAllKeys());
  const fresh = events.filter((e) => !known.has(e.id));
  const seen = events.filter((e) => known.has(e.id));
  const current = await Promise.all(seen.map((e) => store.get(e.id)));
  const stored = (event: GiveFirstEvent): StoredEvent => ({ ...event, opAt: event.undoneAt ?? event.at });
  // An imported copy replaces the stored one only if it carries a later change.
  const newer = seen.filter((e, i) => stored(e).opAt > (current[i]?.opAt ?? Infinity));
  const written = [...fresh, ...newer].map((e) => (e.kind === 'reply' && e.text !== undefined && e.generic === undefined
    ? { ...e, generic: isGenericReply(e.text) } // from an export made before the quality floor
    : e));
  await Promise.all(written.map((e) => store.put(stored(e))));
  // Relabels travel with the backup, and so does what the classifier learnt from them.
  const labels = tx.objectStore('labels');
  await Promise.all(written.filter((e) => e.kind === 'post' && e.labelledBy === 'user').map((e) => labels.put({
    id: e.id, promotional: e.promotional === true, text: e.text ?? '', at: e.at,
  })));
  await rebuildTallies(tx, own);
  await tx.done;
  return { added: fresh.length, updated: newer.length };
}

/**
 * Recomputes counters from events, all of them or those since `sinceMs` (from the start of that local
 * day), in the given transaction.
 */
async function rebuildTallies(tx: Tx, own: OwnHandles, sinceMs?: number): Promise<void> {
  const days = tx.objectStore('days');
  const events = tx.objectStore('events');
  if (sinceMs === undefined) {
    const all = await events.getAll();
    await days.clear();
    await Promise.all([...buildTallies(all, own).values()].map((t) => days.put(t)));
    return;
  }
  const start = new Date(sinceMs);
  start.setHours(0, 0, 0, 0);
  const recent = await events.index('byAt').getAll(IDBKeyRange.lowerBound(start.getTime()));
  await days.delete(IDBKeyRange.lowerBound(dayKey(start.getTime())));
  await Promise.all([...buildTallies(recent, own).values()].map((t) => days.put(t)));
}

/** Recomputes every counter, e.g. after the user's own handles changed in the options. */
export async function rebuildAllTallies(db: DB, own: OwnHandles): Promise<void> {
  const tx = db.transaction(['events', 'days'], 'readwrite');
  await rebuildTallies(tx, own);
  await tx.done;
}

/**
 * Recomputes the counters of recent days only: what the popup, the nudge and the review's 12-week trend
 * read. Used when a site reveals the user's handle, which can happen on any page load with a year of
 * history stored; older days keep the classification they were counted with.
 */
export const RECENT_REBUILD_DAYS = 120;
export async function rebuildRecentTallies(db: DB, own: OwnHandles, now: number): Promise<void> {
  const tx = db.transaction(['events', 'days'], 'readwrite');
  const since = new Date(now);
  since.setDate(since.getDate() - RECENT_REBUILD_DAYS);
  await rebuildTallies(tx, own, since.getTime());
  await tx.done;
}

export async function exportEvents(db: DB): Promise<GiveFirstEvent[]> {
  const all = await db.getAllFromIndex('events', 'byAt');
  return all.map(({ opAt: _opAt, ...event }) => event);
}

export async function deleteAll(db: DB): Promise<void> {
  const tx = db.transaction(['events', 'days', 'nudges', 'labels', 'aliases'], 'readwrite');
  await Promise.all([
    tx.objectStore('events').clear(), tx.objectStore('days').clear(), tx.objectStore('nudges').clear(), tx.objectStore('labels').clear(),
    tx.objectStore('aliases').clear(), tx.done,
  ]);
}

/** A period that names no calendar day, or ends before it starts. Nothing is deleted. */
export class PeriodError extends Error {}

/**
 * Deletes what was recorded on the local days `from` to `to` (`YYYY-MM-DD`, both included) and returns
 * how many events went, in one transaction: the events whose `at` falls on those days (undone ones and
 * tombstones too), their relabels (labels, keyed by event id), the other refs that led to them
 * (aliases, whose `event` names them), the nudge log of those days, their counters, and the
 * reflections on weeks the period covers whole. Everything outside the period stays as it was.
 */
export async function deleteRange(db: DB, from: string, to: string): Promise<number> {
  if (!isDayKey(from) || !isDayKey(to)) throw new PeriodError(`not a calendar day: ${isDayKey(from) ? to : from}`);
  if (from > to) throw new PeriodError(`${from} is after ${to}`);
  // A day is what dayKey says it is, as for the counters: the time index is read a day wider on each
  // side and every time is filtered through dayKey, so a DST change at midnight cannot move the edge.
  const wide = IDBKeyRange.bound(startOfDay(addDays(from, -1)), startOfDay(addDays(to, 2)), false, true);
  const inPeriod = (at: number): boolean => {
    const day = dayKey(at);
    return day >= from && day <= to;
  };
  const tx = db.transaction(['events', 'days', 'nudges', 'labels', 'aliases', 'reviews'], 'readwrite');
  const ids = new Set<string>();
  for (let c = await tx.objectStore('events').index('byAt').openKeyCursor(wide); c; c = await c.continue()) {
    if (inPeriod(c.key)) ids.add(c.primaryKey);
  }
  // The nudge log of those days goes too: it is a record of them, and "heeded" is read from the gives
  // that followed a card, which are gone.
  const nudges: number[] = [];
  for (let c = await tx.objectStore('nudges').index('byAt').openKeyCursor(wide); c; c = await c.continue()) {
    if (inPeriod(c.key)) nudges.push(c.primaryKey);
  }
  // Aliases are keyed by the other ref, not by event: one pass over the (small) store.
  for (let c = await tx.objectStore('aliases').openCursor(); c; c = await c.continue()) {
    if (ids.has(c.value.event)) await c.delete();
  }
  const events = tx.objectStore('events');
  const labels = tx.objectStore('labels');
  // A reflection is the user's own words on one week (how it felt, an intention). Once the period has
  // erased every day of a week, keeping them would keep a record of days the user asked to forget, on a
  // week with nothing left to review; a week the period only cuts into keeps its reflection, which
  // still speaks of days that remain. (The target it set was copied into the settings when saved and
  // stays there either way.) Week keys are their first day, each spanning seven days from it.
  const lastWholeWeek = addDays(to, -6);
  await Promise.all([
    ...[...ids].flatMap((id) => [events.delete(id), labels.delete(id)]),
    ...nudges.map((id) => tx.objectStore('nudges').delete(id)),
    // The counters of the period's days are recomputed from the events left on those days, which are
    // none: every event whose dayKey is in the period was just deleted, and a day's counters hold only
    // events with that dayKey (tally.ts, dayOf). So recomputing them is removing them. Days outside the
    // period are not rebuilt: a rebuild could reclassify old days (rebuildRecentTallies leaves days
    // older than RECENT_REBUILD_DAYS as counted), and they must stay exactly as they were.
    tx.objectStore('days').delete(IDBKeyRange.bound(from, to)),
    ...(lastWholeWeek >= from ? [tx.objectStore('reviews').delete(IDBKeyRange.bound(from, lastWholeWeek))] : []),
    tx.done,
  ]);
  return ids.size;
}
