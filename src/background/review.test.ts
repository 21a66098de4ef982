/**
 * The review's background side against a real (fake-indexeddb) database: what it reads (key ranges
 * only), reflections feeding the target, and the weekly alarm's notification rules.
 */
import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { local, useTimeZone } from '../../tests/unit/time-zone.ts';
import type { GiveFirstEvent } from '../shared/events.ts';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from '../shared/settings.ts';
import { openDatabase } from './db/open.ts';
import type { GiveFirstDB } from './db/schema.ts';
import { importEvents } from './ledger.ts';

// webextension-polyfill throws outside an extension: a small stand-in records what the code asks of the browser.
const fake = vi.hoisted(() => ({
  stored: {} as Record<string, unknown>,
  alarms: new Map<string, { name: string; scheduledTime: number }>(),
  notifications: [] as { id: string; options: unknown }[],
}));
vi.mock('webextension-polyfill', () => ({
  default: {
    storage: { local: { set: async (items: Record<string, unknown>) => void Object.assign(fake.stored, items) } },
    alarms: {
      get: async (name: string) => fake.alarms.get(name),
      create: async (name: string, info: { when: number }) => void fake.alarms.set(name, { name, scheduledTime: info.when }),
    },
    notifications: { create: async (id: string, options: unknown) => void fake.notifications.push({ id, options }) },
    runtime: { getURL: (path: string) => `chrome-extension://test/${path}` },
    i18n: { getMessage: (key: string) => key },
    tabs: { create: async () => undefined },
  },
}));

const { loadPeople, loadReview, loadWeekEvents, onReviewAlarm, REVIEW_ALARM, reviewWeekOfNotification, saveReflection, scheduleReviewAlarm } =
  await import('./review.ts');

useTimeZone('Europe/Madrid');

const own = { x: ['me'] };
const settings: Settings = structuredClone(DEFAULT_SETTINGS);
let db: IDBPDatabase<GiveFirstDB>;
let n = 0;
function ev(kind: GiveFirstEvent['kind'], at: number, extra: Partial<GiveFirstEvent> = {}): GiveFirstEvent {
  n++;
  return { id: `x:${kind}:${n}`, platform: 'x', kind, at, source: 'import', ...extra };
}

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase({ own });
  fake.stored = {};
  fake.alarms.clear();
  fake.notifications.length = 0;
});
afterEach(() => db.close());

// Monday 2026-11-16 is the week under review; "now" is Monday 2026-11-23, 09:00.
const NOW = local(2026, 11, 23, 9);
const events = (): GiveFirstEvent[] => [
  ev('like', local(2026, 11, 16, 10), { target: { author: 'ana' } }),
  ev('reply', local(2026, 11, 18, 10), { target: { author: 'bob' }, text: 'Which release fixed it?' }),
  ev('post', local(2026, 11, 19, 10), { promotional: true, text: 'buy' }),
  ev('like', local(2026, 11, 20, 10), { undoneAt: local(2026, 11, 20, 11) }),
  ev('like', local(2026, 11, 10, 10), { target: { author: 'cy' } }),
  ev('post', local(2026, 11, 11, 10), { promotional: false }),
  ev('like', local(2026, 10, 27, 10), { target: { author: 'dee' } }),
  ev('like', local(2026, 11, 23, 8), { target: { author: 'today' } }),
];

describe('loadReview', () => {
  it('reads the week by key ranges and gives this week, last week from counters, and the trend', async () => {
    await importEvents(db, events(), own);
    const calls: string[] = [];
    // Every read must carry a key range: a full scan would grow with the history.
    const spy = new Proxy(db, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver) as unknown;
        if (typeof prop === 'string' && /^(getAll|getAllFromIndex|get)$/.test(prop) && typeof value === 'function') {
          return (...args: unknown[]) => {
            const query = prop === 'getAllFromIndex' ? args[2] : args[1];
            calls.push(`${prop}:${String(args[0])}:${query instanceof IDBKeyRange ? 'range' : typeof query}`);
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const review = await loadReview(spy, settings, own, NOW);
    expect(review.week).toBe('2026-11-16');
    expect(review.thisWeek).toBe('2026-11-23');
    expect(review.partial).toBe(false);
    // like 1 + reply 3; promotional post 2. The undone like does not count but is stored (CSV).
    expect(review.current).toMatchObject({ give: 4, take: 2, posts: 1, promoPosts: 1 });
    expect(review.previous).toMatchObject({ week: '2026-11-09', give: 1, take: 1 });
    expect(review.trend.at(-1)).toMatchObject({ week: '2026-11-16', give: 4, take: 2 });
    expect(calls.every((c) => c.endsWith(':range') || c.startsWith('get:reviews'))).toBe(true);
    // No nudge was shown, so no event is read at all for the first render.
    expect(calls.filter((c) => c.startsWith('getAllFromIndex:events'))).toHaveLength(0);
  });

  it('heeded nudges read only the 15 minutes after each shown one', async () => {
    await importEvents(db, events(), own);
    await db.add('nudges', { platform: 'x', at: local(2026, 11, 18, 9, 50), outcome: 'shown', variant: 'full' });
    await db.add('nudges', { platform: 'x', at: local(2026, 11, 19, 9, 59), outcome: 'shown', variant: 'full' });
    await db.add('nudges', { platform: 'x', at: local(2026, 11, 19, 9, 59, ) + 1, outcome: 'postedAnyway', variant: 'full' });
    const review = await loadReview(db, settings, own, NOW);
    expect(review.nudge).toEqual({ shown: 2, heeded: 1, postedAnyway: 1, snoozed: 0 });
  });

  it('people, lapsed contacts and the week\'s events are separate reads; stored fields stay inside', async () => {
    await importEvents(db, events(), own);
    const { people, lapsed } = await loadPeople(db, settings, own, '2026-11-16');
    expect(people.map((p) => p.author)).toEqual(['bob', 'ana']);
    expect(lapsed.map((p) => p.author)).toEqual(['cy', 'dee']);
    const week = await loadWeekEvents(db, '2026-11-16');
    expect(week).toHaveLength(4);
    expect(week.every((e) => !('opAt' in e))).toBe(true);
  });

  it('an empty history is a review of zeros', async () => {
    const review = await loadReview(db, settings, own, NOW);
    expect(review.current.actions).toBe(0);
    expect(review.trend.every((w) => w.actions === 0)).toBe(true);
    expect(review.suggestedTarget).toBe(settings.target);
  });
});

describe('reflections', () => {
  it('saving one for the week that just ended sets the target; it comes back with that week and beside the next', async () => {
    await saveReflection(db, settings, NOW, { week: '2026-11-16', happy: 'no', intention: '  Reply first  ', target: 4 });
    expect((fake.stored[SETTINGS_KEY] as Settings).target).toBe(4);
    const review = await loadReview(db, { ...settings, target: 4 }, own, NOW);
    expect(review.reflection).toMatchObject({ week: '2026-11-16', happy: 'no', intention: 'Reply first', target: 4 });
    expect(review.suggestedTarget).toBe(4);
    const next = await loadReview(db, settings, own, NOW, '2026-11-23');
    expect(next.partial).toBe(true);
    expect(next.previousReflection?.intention).toBe('Reply first');
  });

  it('a reflection on an older week is kept but does not override the current target', async () => {
    await saveReflection(db, settings, NOW, { week: '2026-11-02', happy: 'yes', intention: '', target: 9 });
    expect(fake.stored[SETTINGS_KEY]).toBeUndefined();
    expect(await db.get('reviews', '2026-11-02')).toMatchObject({ target: 9 });
  });
});

describe('the weekly alarm', () => {
  it('is set for the next local week start, and kept when already due', async () => {
    await scheduleReviewAlarm(settings, NOW);
    expect(fake.alarms.get(REVIEW_ALARM)?.scheduledTime).toBe(local(2026, 11, 30, 0));
    await scheduleReviewAlarm({ ...settings, weekStart: 0 }, NOW);
    expect(fake.alarms.get(REVIEW_ALARM)?.scheduledTime).toBe(local(2026, 11, 30, 0));
    await scheduleReviewAlarm({ ...settings, weekStart: 0 }, NOW, true);
    expect(fake.alarms.get(REVIEW_ALARM)?.scheduledTime).toBe(local(2026, 11, 29, 0));
  });

  it('notifies when last week had live activity and the setting is on, never otherwise', async () => {
    const mondayMidnight = local(2026, 11, 23, 0) + 1000;
    expect(await onReviewAlarm(db, settings, mondayMidnight)).toBe(false);
    await importEvents(db, [ev('like', local(2026, 11, 17, 10), { undoneAt: local(2026, 11, 17, 11) })], own);
    expect(await onReviewAlarm(db, settings, mondayMidnight)).toBe(false);
    await importEvents(db, events(), own);
    expect(await onReviewAlarm(db, { ...settings, reviewNotifications: false }, mondayMidnight)).toBe(false);
    expect(fake.notifications).toEqual([]);
    expect(await onReviewAlarm(db, settings, mondayMidnight)).toBe(true);
    expect(fake.notifications.map((x) => x.id)).toEqual(['give-first-review:2026-11-16']);
    expect(reviewWeekOfNotification('give-first-review:2026-11-16')).toBe('2026-11-16');
    expect(reviewWeekOfNotification('other')).toBeNull();
    // Each firing sets the next one.
    expect(fake.alarms.get(REVIEW_ALARM)?.scheduledTime).toBe(local(2026, 11, 30, 0));
  });
});
