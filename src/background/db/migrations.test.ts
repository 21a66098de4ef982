import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildTallies, type OwnHandles } from '../../core/tally.ts';
import { local, useTimeZone } from '../../../tests/unit/time-zone.ts';
import { DB_VERSION, MIGRATIONS } from './migrations.ts';
import { openDatabase } from './open.ts';
import { DB_NAME, type StoredEvent } from './schema.ts';

useTimeZone('Europe/Madrid');

const own: OwnHandles = { x: ['me_here'] };

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** What version 1 (the event ledger alone) wrote: live and undone events over several days. */
function v1Events(): StoredEvent[] {
  const at = (day: number, hour: number, minute = 0): number => local(2026, 3, day, hour, minute);
  return [
    {
      id: 'x:like:20', platform: 'x', kind: 'like', at: at(27, 9), opAt: at(27, 9), source: 'capture',
      target: { id: '20', url: 'https://x.com/jack/status/20', author: 'jack' },
    },
    {
      id: 'x:like:21', platform: 'x', kind: 'like', at: at(27, 10), opAt: at(27, 11), undoneAt: at(27, 11), source: 'capture',
      target: { id: '21', url: 'https://x.com/i/status/21' },
    },
    {
      id: 'x:repost:22', platform: 'x', kind: 'repost', at: at(28, 23, 59), opAt: at(28, 23, 59), source: 'capture',
      target: { id: '22', url: 'https://x.com/alice/status/22', author: 'alice' },
    },
    {
      // 00:30 on the day the clocks go forward.
      id: 'x:post:1900000000000000001', platform: 'x', kind: 'post', at: at(29, 0, 30), opAt: at(29, 0, 30), source: 'capture',
      text: 'Just launched my newsletter: https://example.com', promotional: true,
      target: { id: '1900000000000000001', url: 'https://x.com/me_here/status/1900000000000000001', author: 'me_here' },
    },
    {
      id: 'x:reply:1900000000000000002', platform: 'x', kind: 'reply', at: at(29, 12), opAt: at(29, 12), source: 'capture',
      text: 'Adding context to my own thread', target: { id: '1900000000000000001', author: 'Me_Here' },
    },
    {
      id: 'x:reply:1900000000000000003', platform: 'x', kind: 'reply', at: at(29, 13), opAt: at(29, 13), source: 'capture',
      text: 'Great point!', target: { id: '20', url: 'https://x.com/jack/status/20', author: 'jack' },
    },
    {
      id: 'x:post:1900000000000000004', platform: 'x', kind: 'post', at: at(30, 8), opAt: at(30, 9), undoneAt: at(30, 9), source: 'capture',
      text: 'typo', promotional: false,
    },
    {
      id: 'x:quote:1900000000000000005', platform: 'x', kind: 'quote', at: at(30, 18), opAt: at(30, 18), source: 'capture',
      text: 'This.', target: { id: '22', url: 'https://x.com/alice/status/22', author: 'alice' },
    },
    { id: 'x:follow:12', platform: 'x', kind: 'follow', at: at(31, 9), opAt: at(31, 9), source: 'capture', target: { id: '12', author: 'jack' } },
    { id: 'x:post:1900000000000000006', platform: 'x', kind: 'post', at: at(31, 20), opAt: at(31, 20), source: 'import', text: 'Good morning', promotional: false },
    { id: 'bluesky:like:at://did:plc:x/app.bsky.feed.post/1', platform: 'bluesky', kind: 'like', at: at(31, 21), opAt: at(31, 21), source: 'manual' },
  ];
}

describe('migrations', () => {
  it('are numbered: the database version is the number of migrations', () => {
    expect(DB_VERSION).toBe(MIGRATIONS.length);
    expect(DB_VERSION).toBeGreaterThanOrEqual(2);
  });

  it('a fresh open creates every store and index at the latest version', async () => {
    const db = await openDatabase({ own });
    expect(db.name).toBe(DB_NAME);
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['aliases', 'days', 'events', 'labels', 'nudges', 'reviews']);
    const tx = db.transaction(['events', 'days', 'nudges'], 'readonly');
    expect(tx.objectStore('events').keyPath).toBe('id');
    expect([...tx.objectStore('events').indexNames]).toEqual(['byAt']);
    expect(tx.objectStore('days').keyPath).toBe('day');
    expect(tx.objectStore('nudges').keyPath).toBe('id');
    expect(tx.objectStore('nudges').autoIncrement).toBe(true);
    expect([...tx.objectStore('nudges').indexNames]).toEqual(['byAt']);
    await tx.done;
    expect(await db.count('events')).toBe(0);
    expect(await db.count('days')).toBe(0);
    db.close();
  });

  it('version 1 has the event ledger only', async () => {
    const db = await openDatabase({ own }, 1);
    expect(db.version).toBe(1);
    expect([...db.objectStoreNames]).toEqual(['events']);
    db.close();
  });

  it('1 → latest keeps every event (replies gain the generic judgement) and back-fills day counters equal to buildTallies', async () => {
    const events = v1Events();
    const v1 = await openDatabase({ own }, 1);
    // Written straight into the store, as version 1 did; the typed API would insist on version-2 stores.
    const tx = v1.transaction('events', 'readwrite');
    for (const event of events) await tx.store.put(event);
    await tx.done;
    v1.close();

    const db = await openDatabase({ own });
    expect(db.version).toBe(DB_VERSION);
    const byId = (a: StoredEvent, b: StoredEvent): number => a.id.localeCompare(b.id);
    const judged = events.map((e) => (e.kind === 'reply' ? { ...e, generic: e.text === 'Great point!' } : e));
    expect((await db.getAll('events')).sort(byId)).toEqual([...judged].sort(byId));

    const expected = [...buildTallies(judged, own).values()].sort((a, b) => a.day.localeCompare(b.day));
    const days = await db.getAll('days');
    expect(days).toEqual(expected);
    // Spelled out, so a bug shared by the migration and buildTallies would still show.
    expect(Object.fromEntries(days.map((d) => [d.day, d.counts]))).toEqual({
      '2026-03-27': { 'x|like|give': 1 },
      '2026-03-28': { 'x|repost|give': 1 },
      // "Great point!" is a generic reply (migration 5): it gives what a like gives.
      '2026-03-29': { 'x|post|promo': 1, 'x|reply|self': 1, 'x|reply|generic': 1 },
      '2026-03-30': { 'x|quote|give': 1 },
      '2026-03-31': { 'x|follow|give': 1, 'x|post|plain': 1, 'bluesky|like|give': 1 },
    });
    db.close();
  });

  it('a version-1 database with no events upgrades to empty counters', async () => {
    (await openDatabase({ own }, 1)).close();
    const db = await openDatabase({ own });
    expect(await db.count('days')).toBe(0);
    db.close();
  });

  it('reopening at the latest version runs no migration again', async () => {
    const db = await openDatabase({ own });
    await db.put('events', { ...v1Events()[0]! });
    db.close();
    const again = await openDatabase({ own });
    // Migration 2 back-fills from events; had it run again, the counter for this event would appear.
    expect(await again.count('days')).toBe(0);
    expect(await again.count('events')).toBe(1);
    again.close();
  });

  it('2 → 3 adds the nudge log and leaves events and counters as they were', async () => {
    const v2 = await openDatabase({ own }, 2);
    for (const event of v1Events()) await v2.put('events', { ...event });
    const countersBefore = await v2.getAll('days');
    const eventsBefore = await v2.getAll('events');
    v2.close();
    const db = await openDatabase({ own }, 3);
    expect(db.version).toBe(3);
    expect(await db.getAll('events')).toEqual(eventsBefore);
    expect(await db.getAll('days')).toEqual(countersBefore);
    const id = await db.add('nudges', { platform: 'x', at: 1, outcome: 'shown', variant: 'full' });
    expect(await db.get('nudges', id)).toEqual({ id, platform: 'x', at: 1, outcome: 'shown', variant: 'full' });
    db.close();
  });

  it('3 → 4 adds the review reflections and keeps events, counters and the nudge log', async () => {
    const v3 = await openDatabase({ own }, 3);
    for (const event of v1Events()) await v3.put('events', { ...event });
    await v3.add('nudges', { platform: 'x', at: 5, outcome: 'shown', variant: 'full' });
    const [eventsBefore, countersBefore, nudgesBefore] = await Promise.all([v3.getAll('events'), v3.getAll('days'), v3.getAll('nudges')]);
    v3.close();
    const db = await openDatabase({ own }, 4);
    expect(db.version).toBe(4);
    expect(await db.getAll('events')).toEqual(eventsBefore);
    expect(await db.getAll('days')).toEqual(countersBefore);
    expect(await db.getAll('nudges')).toEqual(nudgesBefore);
    const reflection = { week: '2026-03-23', happy: 'somewhat' as const, intention: 'Reply more', target: 2.5, savedAt: 1 };
    await db.put('reviews', reflection);
    expect(await db.get('reviews', '2026-03-23')).toEqual(reflection);
    db.close();
  });

  it('4 → 5 judges stored replies, rebuilds the counters with generic replies apart, adds the labels store, keeps the rest', async () => {
    const v4 = await openDatabase({ own }, 4);
    for (const event of v1Events()) await v4.put('events', { ...event });
    // A reply judged before (e.g. imported from a newer export) keeps its judgement.
    await v4.put('events', {
      id: 'x:reply:judged', platform: 'x', kind: 'reply', at: local(2026, 3, 31, 22), opAt: local(2026, 3, 31, 22), source: 'import',
      text: 'Great post!', generic: false, target: { id: '20', author: 'jack' },
    });
    await v4.add('nudges', { platform: 'x', at: 5, outcome: 'shown', variant: 'full' });
    await v4.put('reviews', { week: '2026-03-23', happy: 'yes', intention: 'More replies', target: 3, savedAt: 2 });
    // The counter of that day as version 4 kept it: the generic reply counted as a full reply.
    await v4.put('days', { day: '2026-03-29', counts: { 'x|post|promo': 1, 'x|reply|self': 1, 'x|reply|give': 1 } });
    const [nudgesBefore, reviewsBefore] = await Promise.all([v4.getAll('nudges'), v4.getAll('reviews')]);
    v4.close();

    const db = await openDatabase({ own }, 5);
    expect(db.version).toBe(5);
    expect((await db.get('events', 'x:reply:1900000000000000003'))?.generic).toBe(true);
    expect((await db.get('events', 'x:reply:1900000000000000002'))?.generic).toBe(false);
    expect((await db.get('events', 'x:reply:judged'))?.generic).toBe(false);
    expect((await db.get('events', 'x:like:20'))).toEqual(v1Events()[0]);
    const days = Object.fromEntries((await db.getAll('days')).map((d) => [d.day, d.counts]));
    expect(days['2026-03-29']).toEqual({ 'x|post|promo': 1, 'x|reply|self': 1, 'x|reply|generic': 1 });
    expect(days['2026-03-31']).toEqual({ 'x|follow|give': 1, 'x|post|plain': 1, 'bluesky|like|give': 1, 'x|reply|give': 1 });
    expect(await db.getAll('nudges')).toEqual(nudgesBefore);
    expect(await db.getAll('reviews')).toEqual(reviewsBefore);
    await db.put('labels', { id: 'x:post:1900000000000000006', promotional: true, text: 'Good morning', at: 1 });
    expect(await db.count('labels')).toBe(1);
    db.close();
  });

  it('5 → 6 adds the aliases store and keeps events, counters, nudges, reviews and labels as they were', async () => {
    const v5 = await openDatabase({ own }, 5);
    for (const event of v1Events()) await v5.put('events', { ...event });
    // Bluesky events as version 5 wrote them: a like keyed by its record, re-done once, and an unlike.
    const liked = local(2026, 4, 1, 9);
    await v5.put('events', {
      id: 'bluesky:like:at://did:plc:me/app.bsky.feed.like/3aaa', platform: 'bluesky', kind: 'like', at: liked, opAt: liked + 2000, source: 'capture',
      target: { id: 'at://did:plc:alice/app.bsky.feed.post/1', author: 'did:plc:alice' },
    });
    await v5.put('days', { day: '2026-04-01', counts: { 'bluesky|like|give': 1 } });
    await v5.add('nudges', { platform: 'bluesky', at: 5, outcome: 'shown', variant: 'compact' });
    await v5.put('reviews', { week: '2026-03-23', happy: 'yes', intention: 'More replies', target: 3, savedAt: 2 });
    await v5.put('labels', { id: 'x:post:1900000000000000006', promotional: true, text: 'Good morning', at: 1 });
    const [eventsBefore, countersBefore, nudgesBefore, reviewsBefore, labelsBefore] = await Promise.all([
      v5.getAll('events'), v5.getAll('days'), v5.getAll('nudges'), v5.getAll('reviews'), v5.getAll('labels'),
    ]);
    expect(eventsBefore).toHaveLength(v1Events().length + 1);
    v5.close();

    const db = await openDatabase({ own }, 6);
    expect(db.version).toBe(6);
    expect(await db.getAll('events')).toEqual(eventsBefore);
    expect(await db.getAll('days')).toEqual(countersBefore);
    expect(await db.getAll('nudges')).toEqual(nudgesBefore);
    expect(await db.getAll('reviews')).toEqual(reviewsBefore);
    expect(await db.getAll('labels')).toEqual(labelsBefore);
    expect(await db.count('aliases')).toBe(0);
    const tx = db.transaction('aliases', 'readonly');
    expect(tx.store.keyPath).toBe('key');
    await tx.done;
    await db.put('aliases', { key: 'bluesky:like:at://did:plc:me/app.bsky.feed.like/3bbb', event: 'bluesky:like:at://did:plc:me/app.bsky.feed.like/3aaa' });
    expect(await db.get('aliases', 'bluesky:like:at://did:plc:me/app.bsky.feed.like/3bbb')).toEqual({
      key: 'bluesky:like:at://did:plc:me/app.bsky.feed.like/3bbb', event: 'bluesky:like:at://did:plc:me/app.bsky.feed.like/3aaa',
    });
    db.close();
  });
});
