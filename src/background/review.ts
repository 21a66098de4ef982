/**
 * The weekly review in the background: reads one week's worth from IndexedDB by index ranges (never a
 * full scan, so it stays fast with a year of history), stores reflections, and owns the weekly alarm,
 * the "your review is ready" notification and the keyboard shortcut that open the review page.
 */
import browser from 'webextension-polyfill';
import type { IDBPDatabase } from 'idb';
import {
  addDays, buildReview, defaultReviewWeek, HEED_WINDOW_MS, LAPSED_WEEKS, nextWeekStart, startOfDay, TREND_WEEKS, weekBounds, weekOf, weekPeople,
  type HappyAnswer, type Person, type Reflection, type Review,
} from '../core/week-summary.ts';
import type { OwnHandles } from '../core/tally.ts';
import type { GiveFirstEvent } from '../shared/events.ts';
import { t } from '../shared/i18n.ts';
import { SETTINGS_KEY, type Settings } from '../shared/settings.ts';
import type { GiveFirstDB } from './db/schema.ts';

type DB = IDBPDatabase<GiveFirstDB>;

export const REVIEW_PAGE = 'src/ui/review/index.html';
export const REVIEW_ALARM = 'give-first-weekly-review';
const NOTIFICATION_PREFIX = 'give-first-review:';

/** What the review page receives: the review plus the settings it needs to draw it. */
export interface ReviewReply extends Review {
  weekStart: number;
  hideNumbers: boolean;
  /** The week containing now, so the page knows how far "next week" may go. */
  thisWeek: string;
}

function strip({ opAt: _opAt, ...event }: GiveFirstEvent & { opAt?: number }): GiveFirstEvent {
  return event;
}

/**
 * Loads the review of `week` (default: the week that just ended). Reads by key range only: 12 weeks of
 * day counters, the week's nudge log, the events in the 15 minutes after each shown nudge ("heeded"),
 * two reflections. No read of the week's events: with a year of heavy use that is ~2,000 records,
 * ~100 ms in Chromium on a busy 2-core machine, so the people come from a second request (loadPeople)
 * after the first render, and the CSV's events from a third on export.
 */
export async function loadReview(db: DB, settings: Settings, own: OwnHandles, now: number, week?: string): Promise<ReviewReply> {
  const selected = week ?? defaultReviewWeek(now, settings.weekStart);
  const { start, end } = weekBounds(selected);
  const firstTrendDay = addDays(selected, -7 * (TREND_WEEKS - 1));
  const [nudges, tallies, reflection, previousReflection] = await Promise.all([
    db.getAllFromIndex('nudges', 'byAt', IDBKeyRange.bound(start, end, false, true)),
    db.getAll('days', IDBKeyRange.bound(firstTrendDay, addDays(selected, 7), false, true)),
    db.get('reviews', selected),
    db.get('reviews', addDays(selected, -7)),
  ]);
  // The nudge is capped to a few cards a day, so these are a handful of small range reads.
  const shown = nudges.filter((n) => n.outcome === 'shown');
  const events = (await Promise.all(shown.map((n) =>
    db.getAllFromIndex('events', 'byAt', IDBKeyRange.bound(n.at, n.at + HEED_WINDOW_MS))))).flat().map(strip);
  const review = buildReview({
    week: selected, now, settings, own, events, nudges, tallies,
    ...(reflection ? { reflection } : {}),
    ...(previousReflection ? { previousReflection } : {}),
  });
  return { ...review, weekStart: settings.weekStart, hideNumbers: settings.hideNumbers, thisWeek: weekOf(now, settings.weekStart) };
}

function weekEvents(db: DB, week: string): Promise<GiveFirstEvent[]> {
  const { start, end } = weekBounds(week);
  return db.getAllFromIndex('events', 'byAt', IDBKeyRange.bound(start, end, false, true)).then((all) => all.map(strip));
}

/** The week's events in the export shape, for the page's CSV download. */
export function loadWeekEvents(db: DB, week: string): Promise<GiveFirstEvent[]> {
  return weekEvents(db, week);
}

/** The people engaged with most in `week`, and those of the four weeks before not heard from since (five weeks of events). */
export async function loadPeople(db: DB, settings: Settings, own: OwnHandles, week: string): Promise<{ people: Person[]; lapsed: Person[] }> {
  const from = startOfDay(addDays(week, -7 * LAPSED_WEEKS));
  const events = await db.getAllFromIndex('events', 'byAt', IDBKeyRange.bound(from, weekBounds(week).end, false, true));
  return weekPeople(week, events, settings, own);
}

/**
 * Saves a reflection. Its target becomes the target from now on (popup, badge and nudge all read
 * settings.target) when it is about the week that just ended or the current one; a reflection on an
 * older week is kept but does not override a newer decision.
 */
export async function saveReflection(
  db: DB, settings: Settings, now: number, input: { week: string; happy: HappyAnswer; intention: string; target: number },
): Promise<Reflection> {
  const reflection: Reflection = { ...input, intention: input.intention.trim(), savedAt: now };
  await db.put('reviews', reflection);
  if (input.week >= defaultReviewWeek(now, settings.weekStart) && settings.target !== input.target) {
    await browser.storage.local.set({ [SETTINGS_KEY]: { ...settings, target: input.target } });
  }
  return reflection;
}

export async function deleteReflections(db: DB): Promise<void> {
  await db.clear('reviews');
}

export function reviewUrl(week?: string): string {
  return browser.runtime.getURL(`${REVIEW_PAGE}${week ? `?week=${week}` : ''}`);
}

export async function openReview(week?: string): Promise<void> {
  await browser.tabs.create({ url: reviewUrl(week) });
}

/**
 * One alarm at the next local week start. Not a periodic alarm: weeks with a clock change are not
 * 7 × 24 h long. Kept when already set, so a worker restart does not push back one that is due.
 */
export async function scheduleReviewAlarm(settings: Settings, now: number, replace = false): Promise<void> {
  const when = nextWeekStart(now, settings.weekStart);
  const existing = await browser.alarms.get(REVIEW_ALARM);
  if (existing && !replace && existing.scheduledTime > now - 60_000) return;
  await browser.alarms.create(REVIEW_ALARM, { when });
}

/**
 * The alarm fired: the week before the current one is ready. Notify when the setting is on and that
 * week had any activity (an empty week gets no notification), then set the next alarm. Tests fire it
 * by creating the same alarm with a `when` in the past (tests/e2e/review-page.test.ts): no test-only code.
 */
export async function onReviewAlarm(db: DB, settings: Settings, now: number): Promise<boolean> {
  await scheduleReviewAlarm(settings, now, true);
  if (!settings.reviewNotifications) return false;
  const week = defaultReviewWeek(now, settings.weekStart);
  // Activity from the day counters (live actions only: a week whose one like was undone is empty).
  const days = await db.getAll('days', IDBKeyRange.bound(week, addDays(week, 7), false, true));
  if (!days.some((d) => Object.keys(d.counts).length > 0)) return false;
  await browser.notifications.create(`${NOTIFICATION_PREFIX}${week}`, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title: t('reviewNotificationTitle'),
    message: t('reviewNotificationBody'),
  });
  return true;
}

/** A click on the review notification opens that week's review. */
export function reviewWeekOfNotification(id: string): string | null {
  if (!id.startsWith(NOTIFICATION_PREFIX)) return null;
  const week = id.slice(NOTIFICATION_PREFIX.length);
  return /^\d{4}-\d{2}-\d{2}$/.test(week) ? week : null;
}
