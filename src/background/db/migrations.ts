/**
 * Numbered schema migrations. Migration N upgrades a version N-1 database to version N; never edit a
 * shipped migration, add the next one. Each is tested with data written by the version before it
 * (migrations.test.ts).
 */
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { isGenericReply } from '../../core/generic.ts';
import { applyToTally, buildTallies, dayOf, emptyTally, isLive, tallyKeyOf, type DayTally, type OwnHandles } from '../../core/tally.ts';
import type { GiveFirstDB, StoredEvent } from './schema.ts';

export interface MigrationContext {
  own: OwnHandles;
}

type UpgradeTx = IDBPTransaction<GiveFirstDB, StoreNames<GiveFirstDB>[], 'versionchange'>;
export type Migration = (db: IDBPDatabase<GiveFirstDB>, tx: UpgradeTx, ctx: MigrationContext) => Promise<void> | void;

export const MIGRATIONS: readonly Migration[] = [
  // 1: the event ledger, keyed by idempotent id, with a time index for windows and exports.
  (db) => {
    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('byAt', 'at');
  },
  // 2: per-day counters, so the popup never scans events; back-filled from the ledger.
  async (db, tx, ctx) => {
    db.createObjectStore('days', { keyPath: 'day' });
    const days = new Map<string, DayTally>();
    let cursor = await tx.objectStore('events').openCursor();
    while (cursor) {
      const event: StoredEvent = cursor.value;
      if (isLive(event)) {
        const day = dayOf(event);
        const tally = days.get(day) ?? emptyTally(day);
        applyToTally(tally, tallyKeyOf(event, ctx.own), 1);
        days.set(day, tally);
      }
      cursor = await cursor.continue();
    }
    const store = tx.objectStore('days');
    await Promise.all([...days.values()].map((t) => store.put(t)));
  },
  // 3: the nudge log (shown, engage first, posted anyway, snoozed), for the weekly review.
  (db) => {
    const nudges = db.createObjectStore('nudges', { keyPath: 'id', autoIncrement: true });
    nudges.createIndex('byAt', 'at');
  },
  // 4: weekly review reflections (happy?, intention, next week's target), one per week.
  (db) => {
    db.createObjectStore('reviews', { keyPath: 'week' });
  },
  // 5: the quality floor and relabelling. Stored replies are judged generic or not (a generic one now
  // counts like a like), the counters are rebuilt with that, and relabels get their own store.
  async (db, tx, ctx) => {
    db.createObjectStore('labels', { keyPath: 'id' });
    const events = tx.objectStore('events');
    const all: StoredEvent[] = [];
    let cursor = await events.openCursor();
    while (cursor) {
      const event: StoredEvent = cursor.value;
      if (event.kind === 'reply' && event.text !== undefined && event.generic === undefined) {
        event.generic = isGenericReply(event.text);
        await cursor.update(event);
      }
      all.push(event);
      cursor = await cursor.continue();
    }
    const days = tx.objectStore('days');
    await days.clear();
    await Promise.all([...buildTallies(all, ctx.own).values()].map((t) => days.put(t)));
  },
  // 6: aliases, other refs naming a stored event (a Bluesky re-like is a new record), so that an undo
  // naming any of them finds the event after any reload. Events and counters are left as they are.
  (db) => {
    db.createObjectStore('aliases', { keyPath: 'key' });
  },
];

export const DB_VERSION = MIGRATIONS.length;
