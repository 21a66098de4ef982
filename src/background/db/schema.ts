/** The IndexedDB schema. Only the background service worker opens this database. */
import type { DBSchema } from 'idb';
import type { DayTally } from '../../core/tally.ts';
import type { GiveFirstEvent } from '../../shared/events.ts';

export const DB_NAME = 'give-first';

/** A stored event carries the time of the last change applied to it, to order late or repeated messages. */
export interface StoredEvent extends GiveFirstEvent {
  opAt: number;
}

export interface GiveFirstDB extends DBSchema {
  events: { key: string; value: StoredEvent; indexes: { byAt: number } };
  days: { key: string; value: DayTally };
}
