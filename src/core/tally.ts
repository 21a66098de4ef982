/**
 * Per-day counters. The ledger keeps one small record per local day, so the popup, the badge and the
 * nudge never scan the event list: 30 days of balance are at most 30 reads whatever the history size.
 * Counters hold counts, not points, so that a change of weights never needs a rebuild.
 */
import type { GiveFirstEvent, Kind, Platform } from '../shared/events.ts';
import { normalizeHandle, weightOf, type Weights } from '../shared/settings.ts';
import { dayKey } from './days.ts';

/**
 * give: counts as giving · generic: a reply without substance, which gives what a like gives ·
 * self: an action on one's own post or in one's own thread (neutral) · plain / promo: an own post,
 * ordinary or self-promotional.
 */
export type TallyFlag = 'give' | 'generic' | 'self' | 'plain' | 'promo';
export type TallyKey = `${Platform}|${Kind}|${TallyFlag}`;

export interface DayTally {
  day: string;
  counts: Partial<Record<TallyKey, number>>;
}

/** Handles the user owns, per platform, already normalised. */
export type OwnHandles = Partial<Record<Platform, readonly string[]>>;

export function isSelfTargeted(event: Pick<GiveFirstEvent, 'platform' | 'kind' | 'target'>, own: OwnHandles): boolean {
  if (event.kind === 'post') return false;
  const author = event.target?.author;
  if (!author) return false;
  return (own[event.platform] ?? []).includes(normalizeHandle(author));
}

export function tallyKeyOf(event: GiveFirstEvent, own: OwnHandles): TallyKey {
  let flag: TallyFlag;
  if (event.kind === 'post') flag = event.promotional ? 'promo' : 'plain';
  else if (isSelfTargeted(event, own)) flag = 'self';
  else flag = event.kind === 'reply' && event.generic === true ? 'generic' : 'give';
  return `${event.platform}|${event.kind}|${flag}`;
}

/** Whether the event is live (not reversed) and so belongs in the counters. */
export function isLive(event: GiveFirstEvent): boolean {
  return event.undoneAt === undefined;
}

/** Adds (`delta` 1) or removes (`delta` -1) one event from its day's counters, in place. */
export function applyToTally(tally: DayTally, key: TallyKey, delta: 1 | -1): DayTally {
  const next = (tally.counts[key] ?? 0) + delta;
  if (next <= 0) delete tally.counts[key];
  else tally.counts[key] = next;
  return tally;
}

export function emptyTally(day: string): DayTally {
  return { day, counts: {} };
}

export function dayOf(event: GiveFirstEvent): string {
  return dayKey(event.at);
}

/** Builds counters from scratch (migrations, imports with changed handles, repair). */
export function buildTallies(events: Iterable<GiveFirstEvent>, own: OwnHandles): Map<string, DayTally> {
  const out = new Map<string, DayTally>();
  for (const event of events) {
    if (!isLive(event)) continue;
    const day = dayOf(event);
    const tally = out.get(day) ?? emptyTally(day);
    applyToTally(tally, tallyKeyOf(event, own), 1);
    out.set(day, tally);
  }
  return out;
}

/**
 * Points of one counted action of this kind and flag: a promotional post takes more, a generic reply
 * gives what a like gives. Every figure read from counters (balance, week, trend) goes through this.
 */
export function flagPoints(weights: Weights, kind: Kind, flag: TallyFlag): number {
  return weightOf(weights, kind, flag === 'promo', flag === 'generic');
}

export function parseTallyKey(key: string): { platform: Platform; kind: Kind; flag: TallyFlag } {
  const [platform, kind, flag] = key.split('|') as [Platform, Kind, TallyFlag];
  return { platform, kind, flag };
}
