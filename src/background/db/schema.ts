/** The IndexedDB schema. Only the background service worker opens this database. */
import type { DBSchema } from 'idb';
import type { DayTally } from '../../core/tally.ts';
import type { Reflection } from '../../core/week-summary.ts';
import type { GiveFirstEvent, Platform } from '../../shared/events.ts';
import type { NudgeOutcome } from '../../shared/messages.ts';

export const DB_NAME = 'give-first';

/** A stored event carries the time of the last change applied to it, to order late or repeated messages. */
export interface StoredEvent extends GiveFirstEvent {
  opAt: number;
}

/** One line of the nudge log. `heeded` is derived later: a give within 15 minutes of `shown`. */
export interface NudgeRecord {
  id?: number;
  platform: Platform;
  at: number;
  outcome: NudgeOutcome;
  variant: 'full' | 'compact';
}

/**
 * A post the user relabelled (promotional or not), with its text: what the classifier learns the
 * user's own vocabulary from. Kept apart from the event so learning never scans the ledger.
 */
export interface LabelRecord {
  id: string;
  promotional: boolean;
  text: string;
  at: number;
}

/**
 * Another ref that names the same stored event: `key` is the event id that ref would have
 * (`<platform>:<kind>:<alias ref>`), `event` the id of the event it belongs to. A site whose undo names
 * something other than the action's first ref (Bluesky: a re-like is a new record) reports the other
 * names as aliases, so an undo in any later page still finds the event. Kept locally only, not exported.
 */
export interface AliasRecord {
  key: string;
  event: string;
}

export interface GiveFirstDB extends DBSchema {
  events: { key: string; value: StoredEvent; indexes: { byAt: number } };
  days: { key: string; value: DayTally };
  nudges: { key: number; value: NudgeRecord; indexes: { byAt: number } };
  /** Weekly review reflections, keyed by the week's first day (`YYYY-MM-DD`). */
  reviews: { key: string; value: Reflection };
  /** The user's relabels of own posts, keyed by event id. */
  labels: { key: string; value: LabelRecord };
  /** Other refs of stored events (AliasRecord), keyed by the event id each would have. */
  aliases: { key: string; value: AliasRecord };
}
