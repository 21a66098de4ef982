import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dayKey } from '../core/days.ts';
import { buildTallies, type DayTally, type OwnHandles } from '../core/tally.ts';
import type { GiveFirstEvent } from '../shared/events.ts';
import type { DidObservation, Observation, UndidObservation } from '../shared/observations.ts';
import { DEFAULT_SETTINGS } from '../shared/settings.ts';
import { local, useTimeZone } from '../../tests/unit/time-zone.ts';
import { openDatabase } from './db/open.ts';
import type { GiveFirstDB } from './db/schema.ts';
import { relabelPost } from './labels.ts';
import {
  applyObservation, deleteAll, deleteRange, exportEvents, importEvents, PeriodError, rebuildAllTallies, rebuildRecentTallies, RECENT_REBUILD_DAYS,
  type LedgerContext,
} from './ledger.ts';

useTimeZone('Europe/Madrid');

const own: OwnHandles = { x: ['me_here'] };
const ctx: LedgerContext = {
  settings: { ...structuredClone(DEFAULT_SETTINGS), handles: { x: ['me_here'] }, domains: ['example.com'] },
  own,
};

let db: IDBPDatabase<GiveFirstDB>;

beforeEach(async () => {
  // A fresh, empty IndexedDB for every test.
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase({ own });
});

afterEach(() => {
  db.close();
});

const t0 = (): number => local(2026, 5, 4, 10);
const min = 60_000;

function like(ref: string, at: number, author?: string): DidObservation {
  return {
    op: 'did', platform: 'x', kind: 'like', ref, at,
    target: { id: ref, url: `https://x.com/${author ?? 'i'}/status/${ref}`, ...(author ? { author } : {}) },
  };
}

function unlike(ref: string, at: number): UndidObservation {
  return { op: 'undid', platform: 'x', kinds: ['like'], ref, at };
}

const apply = (obs: Observation): Promise<boolean> => applyObservation(db, obs, ctx);
const allEvents = (): Promise<GiveFirstEvent[]> => db.getAll('events');
const counts = async (at: number): Promise<DayTally['counts'] | undefined> => (await db.get('days', dayKey(at)))?.counts;

/** The counters on disk equal counters rebuilt from scratch: the incremental path never drifts. */
async function expectCountersConsistent(): Promise<void> {
  const days = (await db.getAll('days')).filter((d) => Object.keys(d.counts).length > 0);
  const rebuilt = [...buildTallies(await allEvents(), own).values()];
  expect(days.sort((a, b) => a.day.localeCompare(b.day))).toEqual(rebuilt.sort((a, b) => a.day.localeCompare(b.day)));
}

describe('likes', () => {
  it('a like creates one event and one day counter', async () => {
    expect(await apply(like('20', t0(), 'jack'))).toBe(true);
    const events = await allEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      id: 'x:like:20', platform: 'x', kind: 'like', at: t0(), source: 'capture',
      target: { id: '20', url: 'https://x.com/jack/status/20', author: 'jack' },
    });
    expect(events[0]?.undoneAt).toBeUndefined();
    expect(await counts(t0())).toEqual({ 'x|like|give': 1 });
  });

  it('the same observation twice is one event, counted once', async () => {
    expect(await apply(like('20', t0(), 'jack'))).toBe(true);
    expect(await apply(like('20', t0(), 'jack'))).toBe(false);
    // A later, repeated like of an already-liked post does not count again either.
    expect(await apply(like('20', t0() + min, 'jack'))).toBe(false);
    expect(await allEvents()).toHaveLength(1);
    expect(await counts(t0())).toEqual({ 'x|like|give': 1 });
  });

  it('like → unlike → like is one live event, with the counters right at each step', async () => {
    await apply(like('20', t0(), 'jack'));
    expect(await counts(t0())).toEqual({ 'x|like|give': 1 });

    expect(await apply(unlike('20', t0() + min))).toBe(true);
    let events = await allEvents();
    expect(events).toHaveLength(1);
    expect(events[0]?.undoneAt).toBe(t0() + min);
    expect(await counts(t0())).toEqual({});

    expect(await apply(like('20', t0() + 2 * min, 'jack'))).toBe(true);
    events = await allEvents();
    expect(events).toHaveLength(1);
    expect(events[0]?.undoneAt).toBeUndefined();
    expect(await counts(t0())).toEqual({ 'x|like|give': 1 });
    await expectCountersConsistent();
  });

  it('a repeated unlike does not take the count below zero', async () => {
    await apply(like('20', t0(), 'jack'));
    await apply(like('21', t0(), 'jack'));
    await apply(unlike('20', t0() + min));
    expect(await apply(unlike('20', t0() + 2 * min))).toBe(false);
    expect(await counts(t0())).toEqual({ 'x|like|give': 1 });
    await expectCountersConsistent();
  });

  it('an unlike processed before an older like ends unliked (tombstone)', async () => {
    // Responses can complete out of order: the unlike (t0 + 1 min) arrives first.
    expect(await apply(unlike('20', t0() + min))).toBe(false);
    expect(await apply(like('20', t0(), 'jack'))).toBe(false);
    const events = await allEvents();
    expect(events).toHaveLength(1);
    expect(events[0]?.undoneAt).toBe(t0() + min);
    expect(await counts(t0())).toBeUndefined();
    expect(await counts(t0() + min)).toBeUndefined();
    await expectCountersConsistent();
  });

  it('a like after a tombstone counts, with the target details the like brings', async () => {
    await apply(unlike('20', t0() + min)); // tombstone: knows only the post id
    expect(await apply(like('20', t0() + 2 * min, 'me_here'))).toBe(true);
    const [event] = await allEvents();
    expect(event?.undoneAt).toBeUndefined();
    expect(event?.target).toEqual({ id: '20', url: 'https://x.com/me_here/status/20', author: 'me_here' });
    // Liking one's own post is a self action, not giving.
    expect(await counts(event?.at ?? 0)).toEqual({ 'x|like|self': 1 });
    await expectCountersConsistent();
  });

  it('a re-like fills in an author the first like did not know', async () => {
    await apply(like('20', t0()));
    await apply(unlike('20', t0() + min));
    await apply(like('20', t0() + 2 * min, 'jack'));
    expect((await allEvents())[0]?.target?.author).toBe('jack');
    expect(await counts(t0())).toEqual({ 'x|like|give': 1 });
  });

  // Rapid toggles whose responses complete out of order: the latest action by time must win,
  // whatever order the observations arrive in.
  const toggles = [like('20', t0(), 'jack'), unlike('20', t0() + 1000), like('20', t0() + 2000, 'jack'), unlike('20', t0() + 3000)];
  const orders: [string, number[], boolean][] = [
    ['like, unlike, like in order', [0, 1, 2], true],
    ['like, like, then the unlike between them', [0, 2, 1], true],
    ['unlike, like, like', [1, 0, 2], true],
    ['like, unlike, unlike, then the like between them', [0, 1, 3, 2], false],
    ['all four in order', [0, 1, 2, 3], false],
    ['all four backwards', [3, 2, 1, 0], false],
    ['the last like last', [1, 3, 0, 2], false],
  ];

  it.each(orders)('out-of-order toggles end in the latest state: %s', async (_name, order, liked) => {
    for (const i of order) await apply(toggles[i]!);
    const events = await allEvents();
    expect(events).toHaveLength(1);
    expect(events[0]?.undoneAt === undefined).toBe(liked);
    expect((await counts(t0())) ?? {}).toEqual(liked ? { 'x|like|give': 1 } : {});
    await expectCountersConsistent();
  });

  it('an older unlike arriving after a newer like is ignored', async () => {
    await apply(like('20', t0() + min, 'jack'));
    expect(await apply(unlike('20', t0()))).toBe(false);
    expect((await allEvents())[0]?.undoneAt).toBeUndefined();
    expect(await counts(t0())).toEqual({ 'x|like|give': 1 });
  });

  it('fills in an author learnt later, and moves the count if the post turns out to be ours', async () => {
    await apply(like('30', t0()));
    expect(await counts(t0())).toEqual({ 'x|like|give': 1 });
    expect(await apply(like('30', t0() + min, '@Me_Here'))).toBe(true);
    const [event] = await allEvents();
    expect(event?.target?.author).toBe('@Me_Here');
    expect(await counts(t0())).toEqual({ 'x|like|self': 1 });
    await expectCountersConsistent();
  });

  it('never stores text for actions on other people’s posts', async () => {
    await apply({ ...like('20', t0(), 'jack'), text: 'their words' });
    expect((await allEvents())[0]).not.toHaveProperty('text');
  });
});

describe('posts, replies and deletes', () => {
  const post = (ref: string, at: number, text: string, links?: string[]): DidObservation => ({
    op: 'did', platform: 'x', kind: 'post', ref, at, text, target: { id: ref, author: 'me_here' }, ...(links ? { links } : {}),
  });

  it('classifies an own post as promotional from settings.domains', async () => {
    await apply(post('100', t0(), 'New essay: https://blog.example.com/give'));
    await apply(post('101', t0(), 'What do you think about remote work?'));
    await apply(post('102', t0(), 'Something I wrote', ['https://example.com/card']));
    const byId = new Map((await allEvents()).map((e) => [e.id, e]));
    expect(byId.get('x:post:100')).toMatchObject({ kind: 'post', promotional: true, text: 'New essay: https://blog.example.com/give' });
    expect(byId.get('x:post:101')?.promotional).toBe(false);
    expect(byId.get('x:post:102')?.promotional).toBe(true);
    expect(await counts(t0())).toEqual({ 'x|post|promo': 2, 'x|post|plain': 1 });
  });

  it('a post is not promotional when the user owns no domains', async () => {
    await applyObservation(db, post('100', t0(), 'Some notes: https://example.com/give'), {
      ...ctx, settings: { ...ctx.settings, domains: [] },
    });
    expect((await allEvents())[0]?.promotional).toBe(false);
  });

  it('counts a reply to one’s own handle as self, not give', async () => {
    const reply = (ref: string, author: string): DidObservation => ({
      op: 'did', platform: 'x', kind: 'reply', ref, at: t0(), text: '…and another thing', target: { id: '99', author },
    });
    await apply(reply('200', '@ME_HERE'));
    await apply(reply('201', 'jack'));
    expect(await counts(t0())).toEqual({ 'x|reply|self': 1, 'x|reply|give': 1 });
    expect((await allEvents()).every((e) => e.text === '…and another thing')).toBe(true);
  });

  it('a deleted tweet (undid with kinds post/reply/quote) sets undoneAt on whichever it was', async () => {
    await apply(post('300', t0(), 'hello'));
    await apply({ op: 'did', platform: 'x', kind: 'reply', ref: '301', at: t0(), text: 'The retry loop fixed it for us', target: { id: '20', author: 'jack' } });
    await apply({ op: 'did', platform: 'x', kind: 'quote', ref: '302', at: t0(), text: 'this', target: { id: '20', author: 'jack' } });
    expect(await counts(t0())).toEqual({ 'x|post|plain': 1, 'x|reply|give': 1, 'x|quote|give': 1 });

    const del = (ref: string): UndidObservation => ({ op: 'undid', platform: 'x', kinds: ['post', 'reply', 'quote'], ref, at: t0() + min });
    expect(await apply(del('300'))).toBe(true);
    expect(await apply(del('301'))).toBe(true);
    const byId = new Map((await allEvents()).map((e) => [e.id, e]));
    expect(byId.get('x:post:300')?.undoneAt).toBe(t0() + min);
    expect(byId.get('x:reply:301')?.undoneAt).toBe(t0() + min);
    expect(byId.get('x:quote:302')?.undoneAt).toBeUndefined();
    expect(await counts(t0())).toEqual({ 'x|quote|give': 1 });
    await expectCountersConsistent();
  });

  it('deleting an unknown tweet leaves no trace', async () => {
    expect(await apply({ op: 'undid', platform: 'x', kinds: ['post', 'reply', 'quote'], ref: '404', at: t0() })).toBe(false);
    expect(await allEvents()).toEqual([]);
  });

  it('a follow and an unfollow', async () => {
    await apply({ op: 'did', platform: 'x', kind: 'follow', ref: '12', at: t0(), target: { id: '12', author: 'jack' } });
    expect(await counts(t0())).toEqual({ 'x|follow|give': 1 });
    await apply({ op: 'undid', platform: 'x', kinds: ['follow'], ref: '12', at: t0() + min });
    expect(await counts(t0())).toEqual({});
    expect((await allEvents())[0]?.undoneAt).toBe(t0() + min);
  });
});

describe('aliases (other refs of one event)', () => {
  // Shaped like Bluesky's: the ref is a like record, re-likes are new records, the subject is the post.
  const POST = 'at://did:plc:alice/app.bsky.feed.post/1';
  const SUBJECT = `app.bsky.feed.like|${POST}`;
  const rec = (rkey: string): string => `at://did:plc:me/app.bsky.feed.like/${rkey}`;
  const bsLike = (ref: string, at: number, aliases: string[]): DidObservation => ({
    op: 'did', platform: 'bluesky', kind: 'like', ref, at, target: { id: POST, author: 'did:plc:alice' }, aliases,
  });
  const bsUnlike = (ref: string, at: number): UndidObservation => ({ op: 'undid', platform: 'bluesky', kinds: ['like'], ref, at });
  /** Closes and reopens the database, as a service-worker restart does: only what is stored remains. */
  async function reopen(): Promise<void> {
    db.close();
    db = await openDatabase({ own });
  }

  it('an undo naming a re-like record folded into the first like undoes that event, after reopening the database', async () => {
    await apply(bsLike(rec('A'), t0(), [SUBJECT]));
    await apply(bsUnlike(rec('A'), t0() + min));
    // Re-liked in the same page: the page folds record B into event A.
    await apply(bsLike(rec('A'), t0() + 2 * min, [rec('B'), SUBJECT]));
    expect(await counts(t0())).toEqual({ 'bluesky|like|give': 1 });
    await reopen();
    // After a reload the page knows only record B.
    expect(await apply(bsUnlike(rec('B'), t0() + 3 * min))).toBe(true);
    const events = await allEvents();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: `bluesky:like:${rec('A')}`, undoneAt: t0() + 3 * min });
    expect(await counts(t0())).toEqual({});
    expect(await db.get('aliases', `bluesky:like:${rec('B')}`)).toEqual({ key: `bluesky:like:${rec('B')}`, event: `bluesky:like:${rec('A')}` });
    await expectCountersConsistent();
  });

  it('a re-like after a reload (a new record) re-does the undone event of the same subject, and its unlike finds it', async () => {
    await apply(bsLike(rec('A'), t0(), [SUBJECT]));
    await reopen();
    await apply(bsUnlike(rec('A'), t0() + min));
    await reopen();
    expect(await apply(bsLike(rec('C'), t0() + 2 * min, [SUBJECT]))).toBe(true);
    expect(await allEvents()).toHaveLength(1);
    expect((await allEvents())[0]).toMatchObject({ id: `bluesky:like:${rec('A')}`, opAt: t0() + 2 * min });
    expect((await allEvents())[0]).not.toHaveProperty('undoneAt');
    expect(await counts(t0())).toEqual({ 'bluesky|like|give': 1 });
    await reopen();
    await apply(bsUnlike(rec('C'), t0() + 3 * min));
    expect((await allEvents())[0]?.undoneAt).toBe(t0() + 3 * min);
    expect(await counts(t0())).toEqual({});
    await expectCountersConsistent();
  });

  it('repeated and stale observations through an alias stay idempotent; an alias is never moved to another event', async () => {
    await apply(bsLike(rec('A'), t0(), [SUBJECT]));
    await apply(bsLike(rec('C'), t0() + 2 * min, [SUBJECT]));
    // Still live: the second record is folded in, counted once.
    expect(await counts(t0())).toEqual({ 'bluesky|like|give': 1 });
    await apply(bsUnlike(rec('C'), t0() + 3 * min));
    await apply(bsUnlike(rec('C'), t0() + 3 * min));
    // An older like through the alias does not revive it.
    expect(await apply(bsLike(rec('C'), t0() + 2 * min, [SUBJECT]))).toBe(false);
    expect(await counts(t0())).toEqual({});
    expect((await db.get('aliases', `bluesky:like:${SUBJECT}`))?.event).toBe(`bluesky:like:${rec('A')}`);
    expect(await allEvents()).toHaveLength(1);
    await expectCountersConsistent();
  });

  it('aliases are per kind: a repost of the same subject is its own event', async () => {
    await apply(bsLike(rec('A'), t0(), [POST]));
    await apply({ op: 'did', platform: 'bluesky', kind: 'repost', ref: 'at://did:plc:me/app.bsky.feed.repost/R', at: t0() + min, target: { id: POST, author: 'did:plc:alice' }, aliases: [POST] });
    expect(await allEvents()).toHaveLength(2);
    expect(await counts(t0())).toEqual({ 'bluesky|like|give': 1, 'bluesky|repost|give': 1 });
  });

  it('an undo naming an unknown ref with no alias still leaves a tombstone; deleteAll drops the aliases too', async () => {
    await apply(bsUnlike(rec('Z'), t0()));
    expect((await allEvents())[0]).toMatchObject({ id: `bluesky:like:${rec('Z')}`, undoneAt: t0() });
    await apply(bsLike(rec('A'), t0(), [rec('B')]));
    expect(await db.count('aliases')).toBe(1);
    await deleteAll(db);
    expect(await db.count('aliases')).toBe(0);
  });
});

describe('import, export, delete', () => {
  const imported: GiveFirstEvent[] = [
    { id: 'x:like:1', platform: 'x', kind: 'like', at: Date.UTC(2026, 3, 1, 10), source: 'import', target: { id: '1', author: 'jack' } },
    { id: 'x:reply:2', platform: 'x', kind: 'reply', at: Date.UTC(2026, 3, 1, 11), source: 'import', text: 'hi', target: { author: 'me_here' } },
    { id: 'x:post:3', platform: 'x', kind: 'post', at: Date.UTC(2026, 3, 2, 9), source: 'import', promotional: true },
    { id: 'x:like:4', platform: 'x', kind: 'like', at: Date.UTC(2026, 3, 2, 9), source: 'import', undoneAt: Date.UTC(2026, 3, 2, 10) },
  ];

  it('merges by id and rebuilds the counters', async () => {
    await apply(like('1', Date.UTC(2026, 3, 1, 10), 'jack')); // already captured
    await apply(like('5', t0(), 'alice')); // only in the database
    expect(await importEvents(db, imported, own)).toEqual({ added: 3, updated: 0 });
    const ids = (await allEvents()).map((e) => e.id).sort();
    expect(ids).toEqual(['x:like:1', 'x:like:4', 'x:like:5', 'x:post:3', 'x:reply:2']);
    expect(await counts(Date.UTC(2026, 3, 1, 10))).toEqual({ 'x|like|give': 1, 'x|reply|self': 1 });
    expect(await counts(Date.UTC(2026, 3, 2, 9))).toEqual({ 'x|post|promo': 1 });
    expect(await counts(t0())).toEqual({ 'x|like|give': 1 });
    await expectCountersConsistent();
  });

  it('is idempotent: importing the same file twice changes nothing', async () => {
    await importEvents(db, imported, own);
    const events = await allEvents();
    const days = await db.getAll('days');
    expect(await importEvents(db, imported, own)).toEqual({ added: 0, updated: 0 });
    expect(await allEvents()).toEqual(events);
    expect(await db.getAll('days')).toEqual(days);
  });

  it('takes a newer version of an event (e.g. undone since) and ignores an older one', async () => {
    await importEvents(db, imported, own);
    const undone = { ...imported[0]!, undoneAt: Date.UTC(2026, 3, 3, 8) };
    expect(await importEvents(db, [undone], own)).toEqual({ added: 0, updated: 1 });
    expect(await counts(Date.UTC(2026, 3, 1, 10))).toEqual({ 'x|reply|self': 1 });
    expect(await importEvents(db, [imported[0]!], own)).toEqual({ added: 0, updated: 0 });
    expect((await db.get('events', 'x:like:1'))?.undoneAt).toBe(Date.UTC(2026, 3, 3, 8));
  });

  it('re-importing its own export changes nothing, even after undo/redo', async () => {
    await apply(like('20', t0(), 'jack'));
    await apply(unlike('20', t0() + min));
    await apply(like('20', t0() + 2 * min, 'jack'));
    await apply(like('21', t0(), 'jack'));
    await apply(unlike('21', t0() + min));
    const before = await allEvents();
    expect(await importEvents(db, await exportEvents(db), own)).toEqual({ added: 0, updated: 0 });
    expect(await allEvents()).toEqual(before);
    await expectCountersConsistent();
  });

  it('exportEvents returns every event oldest first, without the internal opAt', async () => {
    await apply(like('20', t0() + 5 * min, 'jack'));
    await apply(like('21', t0(), 'jack'));
    await apply(unlike('21', t0() + min));
    const out = await exportEvents(db);
    expect(out.map((e) => e.id)).toEqual(['x:like:21', 'x:like:20']);
    for (const event of out) expect(event).not.toHaveProperty('opAt');
    expect(out[0]?.undoneAt).toBe(t0() + min);
    // The stored record does keep it.
    expect((await db.get('events', 'x:like:21'))?.opAt).toBe(t0() + min);
  });

  it('rebuildAllTallies recounts with new own handles', async () => {
    await apply(like('20', t0(), 'newme'));
    expect(await counts(t0())).toEqual({ 'x|like|give': 1 });
    await rebuildAllTallies(db, { x: ['newme'] });
    expect(await counts(t0())).toEqual({ 'x|like|self': 1 });
  });

  it('deleteAll empties events and counters', async () => {
    await apply(like('20', t0(), 'jack'));
    await importEvents(db, imported, own);
    await deleteAll(db);
    expect(await db.count('events')).toBe(0);
    expect(await db.count('days')).toBe(0);
    expect(await exportEvents(db)).toEqual([]);
  });
});

describe('bulk import and recent rebuilds', () => {
  const DAY = 86_400_000;
  const likeEvent = (i: number, at: number, author = `user${i % 7}`): GiveFirstEvent => ({
    id: `x:like:${i}`, platform: 'x', kind: 'like', at, target: { id: String(i), author }, source: 'import',
  });

  it('imports thousands of events at once, merges by id, and only a later change replaces a stored event', async () => {
    const events = Array.from({ length: 3000 }, (_, i) => likeEvent(i, t0() - (i % 60) * DAY));
    expect(await importEvents(db, events, own)).toEqual({ added: 3000, updated: 0 });
    expect(await db.count('events')).toBe(3000);
    await expectCountersConsistent();
    const undone = { ...events[5]!, undoneAt: t0() + min };
    const older = { ...events[6]!, target: { id: '6', author: 'someone_else' } }; // same opAt: not newer
    expect(await importEvents(db, [undone, older, likeEvent(9999, t0())], own)).toEqual({ added: 1, updated: 1 });
    expect((await db.get('events', 'x:like:5'))?.undoneAt).toBe(t0() + min);
    expect((await db.get('events', 'x:like:6'))?.target?.author).toBe(events[6]!.target?.author);
    await expectCountersConsistent();
  });

  it('a recent rebuild reclassifies recent days for a newly known handle and leaves older days as counted', async () => {
    const recentAt = t0() - 3 * DAY;
    const oldAt = t0() - (RECENT_REBUILD_DAYS + 10) * DAY;
    await importEvents(db, [likeEvent(1, recentAt, 'new_me'), likeEvent(2, oldAt, 'new_me')], own);
    expect(await counts(recentAt)).toEqual({ 'x|like|give': 1 });
    const withMe: OwnHandles = { x: ['me_here', 'new_me'] };
    await rebuildRecentTallies(db, withMe, t0());
    expect(await counts(recentAt)).toEqual({ 'x|like|self': 1 });
    expect(await counts(oldAt)).toEqual({ 'x|like|give': 1 });
  });
});

describe('deleteRange (delete a period)', () => {
  // 2026-11-02 is a Monday: 2026-11-02..2026-11-08 is one whole week.
  const ev = (id: string, at: number, more: Partial<GiveFirstEvent> = {}): GiveFirstEvent => {
    const [platform, kind, ref] = id.split(':') as [GiveFirstEvent['platform'], GiveFirstEvent['kind'], string];
    return { id, platform, kind, at, source: 'import', target: { id: ref, author: 'alice' }, ...more };
  };
  // A function: local() must run once the test's time zone is set (useTimeZone sets it in beforeAll).
  const seeded = (): GiveFirstEvent[] => [
    ev('x:like:before', local(2026, 11, 1, 23, 59)), // the evening before: outside
    ev('x:reply:first', local(2026, 11, 2, 0, 0), { text: 'Great point, thanks for sharing the data' }), // first minute: inside
    ev('x:like:undone', local(2026, 11, 5), { undoneAt: local(2026, 11, 5, 13) }), // undone: inside all the same
    ev('x:post:mid', local(2026, 11, 5, 9), { text: 'Buy my course', promotional: true, target: undefined }),
    ev('x:like:last', local(2026, 11, 8, 23, 59)), // last minute of the last day: inside
    ev('x:like:after', local(2026, 11, 9, 0, 0)), // next midnight: outside
    ev('x:post:after', local(2026, 11, 12), { text: 'Hello', promotional: false, target: undefined }),
  ];
  const INSIDE = ['x:reply:first', 'x:like:undone', 'x:post:mid', 'x:like:last'];
  const OUTSIDE = ['x:like:before', 'x:like:after', 'x:post:after'];
  const byDay = async (): Promise<Map<string, DayTally>> => new Map((await db.getAll('days')).map((d) => [d.day, d]));

  it('deletes the events of the period\'s days, both ends included, and keeps every other event as it was', async () => {
    await importEvents(db, seeded(), own);
    const kept = (await db.getAll('events')).filter((e) => OUTSIDE.includes(e.id));
    expect(kept).toHaveLength(3);
    expect(await deleteRange(db, '2026-11-02', '2026-11-08')).toBe(INSIDE.length);
    expect(await db.getAll('events')).toEqual(kept);
  });

  it('removes the counters of the period\'s days, leaves the other days\' counters untouched, and later counts start from zero', async () => {
    await importEvents(db, seeded(), own);
    const before = await byDay();
    expect(before.get('2026-11-05')?.counts).toEqual({ 'x|post|promo': 1 });
    await deleteRange(db, '2026-11-02', '2026-11-08');
    const after = await byDay();
    expect([...after.keys()].sort()).toEqual(['2026-11-01', '2026-11-09', '2026-11-12']);
    for (const [day, tally] of after) expect(tally).toEqual(before.get(day));
    await expectCountersConsistent();
    // A day in the period counts afresh: nothing of the deleted events lingers in its counter.
    await apply(like('new', local(2026, 11, 5, 18), 'bob'));
    expect(await counts(local(2026, 11, 5))).toEqual({ 'x|like|give': 1 });
  });

  it('drops the relabels and aliases of deleted events and keeps those of other events', async () => {
    await importEvents(db, seeded(), own);
    await relabelPost(db, 'x:post:mid', false, own);
    await relabelPost(db, 'x:post:after', true, own);
    const bsLike = (ref: string, at: number, alias: string): DidObservation => ({
      op: 'did', platform: 'bluesky', kind: 'like', ref, at, target: { id: `post-${ref}`, author: 'did:plc:alice' }, aliases: [alias],
    });
    await apply(bsLike('in', local(2026, 11, 3), 'in-again'));
    await apply(bsLike('out', local(2026, 11, 10), 'out-again'));
    expect(await db.getAllKeys('aliases')).toEqual(['bluesky:like:in-again', 'bluesky:like:out-again']);

    expect(await deleteRange(db, '2026-11-02', '2026-11-08')).toBe(INSIDE.length + 1);
    expect(await db.getAllKeys('labels')).toEqual(['x:post:after']);
    expect(await db.getAll('aliases')).toEqual([{ key: 'bluesky:like:out-again', event: 'bluesky:like:out' }]);
    // The kept alias still leads an undo to its event.
    await apply({ op: 'undid', platform: 'bluesky', kinds: ['like'], ref: 'out-again', at: local(2026, 11, 10, 13) });
    expect((await db.get('events', 'bluesky:like:out'))?.undoneAt).toBe(local(2026, 11, 10, 13));
  });

  it('deletes the nudge log of the period and the reflections on weeks it covers whole', async () => {
    for (const at of [local(2026, 11, 1, 22), local(2026, 11, 4, 9), local(2026, 11, 9, 8)]) {
      await db.add('nudges', { platform: 'x', at, outcome: 'shown', variant: 'full' });
    }
    for (const week of ['2026-10-26', '2026-11-02', '2026-11-05', '2026-11-09']) {
      await db.put('reviews', { week, happy: 'yes', intention: 'reply more', target: 3, savedAt: local(2026, 11, 9) });
    }
    expect(await deleteRange(db, '2026-11-02', '2026-11-08')).toBe(0);
    expect((await db.getAll('nudges')).map((n) => n.at)).toEqual([local(2026, 11, 1, 22), local(2026, 11, 9, 8)]);
    // 2026-11-02 lies inside whole; the others start before it, or end after it (11-05 runs to 11-11).
    expect(await db.getAllKeys('reviews')).toEqual(['2026-10-26', '2026-11-05', '2026-11-09']);
    // A period shorter than a week keeps every reflection.
    await deleteRange(db, '2026-11-10', '2026-11-15');
    expect(await db.getAllKeys('reviews')).toEqual(['2026-10-26', '2026-11-05', '2026-11-09']);
  });

  it('follows the local day on a DST change, as the counters do (Europe/Madrid, 2026-10-25 has 25 hours)', async () => {
    await importEvents(db, [
      ev('x:like:sat', local(2026, 10, 24, 23, 30)),
      ev('x:like:early', local(2026, 10, 25, 0, 30)),
      ev('x:like:late', local(2026, 10, 25, 23, 30)),
      ev('x:like:mon', local(2026, 10, 26, 0, 30)),
    ], own);
    expect(await deleteRange(db, '2026-10-25', '2026-10-25')).toBe(2);
    expect((await db.getAllKeys('events')).sort()).toEqual(['x:like:mon', 'x:like:sat']);
    expect((await db.getAllKeys('days')).sort()).toEqual(['2026-10-24', '2026-10-26']);
  });

  it('refuses a reversed period or one that is not a calendar day, and deletes nothing', async () => {
    await importEvents(db, seeded(), own);
    const [events, days] = [await db.getAll('events'), await db.getAll('days')];
    await expect(deleteRange(db, '2026-11-08', '2026-11-02')).rejects.toThrow(PeriodError);
    await expect(deleteRange(db, '2026-11-02', '2026-11-31')).rejects.toThrow(PeriodError);
    await expect(deleteRange(db, '2026-11-2', '2026-11-08')).rejects.toThrow(PeriodError);
    expect(await db.getAll('events')).toEqual(events);
    expect(await db.getAll('days')).toEqual(days);
  });
});
