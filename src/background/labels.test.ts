import { IDBFactory } from 'fake-indexeddb';
import type { IDBPDatabase } from 'idb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeBalance } from '../core/balance.ts';
import { dayKey } from '../core/days.ts';
import { buildTallies, type OwnHandles } from '../core/tally.ts';
import type { DidObservation } from '../shared/observations.ts';
import { DEFAULT_SETTINGS, type Settings } from '../shared/settings.ts';
import { local, useTimeZone } from '../../tests/unit/time-zone.ts';
import { openDatabase } from './db/open.ts';
import type { GiveFirstDB } from './db/schema.ts';
import { currentLexicon, forgetLexicon, listPosts, RelabelError, relabelPost } from './labels.ts';
import { applyObservation, deleteAll, exportEvents, importEvents } from './ledger.ts';

useTimeZone('Europe/Madrid');

const own: OwnHandles = { x: ['me_here'] };
const settings: Settings = { ...structuredClone(DEFAULT_SETTINGS), handles: { x: ['me_here'] }, domains: ['example.com'], brands: ['Shipfast'] };
const t0 = local(2026, 5, 4, 10);
const min = 60_000;
let db: IDBPDatabase<GiveFirstDB>;

beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  forgetLexicon();
  db = await openDatabase({ own });
});
afterEach(() => db.close());

function post(ref: string, text: string, at = t0): DidObservation {
  return { op: 'did', platform: 'x', kind: 'post', ref, at, text, target: { id: ref, url: `https://x.com/me_here/status/${ref}`, author: 'me_here' } };
}

/** Captures an own post the way the background does: with what the user taught the classifier so far. */
async function capture(obs: DidObservation): Promise<void> {
  const lexicon = await currentLexicon(db, settings, own);
  await applyObservation(db, obs, { settings, own, lexicon });
}

const weekBalance = async () => computeBalance(await db.getAll('days'), settings, t0 + 60 * min);

describe('a new own post', () => {
  it('is stored with its reasons when promotional, without when not', async () => {
    await capture(post('1', 'Shipfast 2.0 is live! 20% off with code LAUNCH20'));
    await capture(post('2', 'Slow morning, coffee and a walk by the river.'));
    const promo = await db.get('events', 'x:post:1');
    expect(promo?.promotional).toBe(true);
    expect(promo?.reasons?.map((r) => r.code).filter((c) => c !== 'wording')).toEqual(['self-mention', 'discount', 'launch']);
    const plain = await db.get('events', 'x:post:2');
    expect(plain?.promotional).toBe(false);
    expect(plain?.reasons).toBeUndefined();
  });

  it('a generic reply is marked and counts like a like; a substantive one counts as a reply', async () => {
    await applyObservation(db, { op: 'did', platform: 'x', kind: 'reply', ref: '10', at: t0, text: 'Great post! 🔥', target: { id: '5', author: 'jack' } }, { settings, own });
    await applyObservation(db, { op: 'did', platform: 'x', kind: 'reply', ref: '11', at: t0, text: 'Which index did you add?', target: { id: '5', author: 'jack' } }, { settings, own });
    expect((await db.get('events', 'x:reply:10'))?.generic).toBe(true);
    expect((await db.get('events', 'x:reply:11'))?.generic).toBe(false);
    expect((await db.get('days', dayKey(t0)))?.counts).toEqual({ 'x|reply|generic': 1, 'x|reply|give': 1 });
    const week = (await weekBalance()).week;
    expect(week.give).toBe(settings.weights.like + settings.weights.reply);
    expect(week.genericReplies).toBe(1);
    expect(week.counts.reply).toBe(2);
  });
});

describe('relabelling', () => {
  it('moves the post between the counters at once, and the balance follows', async () => {
    await capture(post('1', 'New essay on attention: https://example.com/attention'));
    expect((await weekBalance()).week.take).toBe(settings.weights.promoPost);
    expect(await relabelPost(db, 'x:post:1', false, own)).toBe(true);
    const event = await db.get('events', 'x:post:1');
    expect(event).toMatchObject({ promotional: false, labelledBy: 'user' });
    expect((await weekBalance()).week).toMatchObject({ take: settings.weights.post, promoPosts: 0 });
    expect(await db.get('labels', 'x:post:1')).toEqual({ id: 'x:post:1', promotional: false, text: 'New essay on attention: https://example.com/attention', at: t0 });
    // The same label again changes nothing.
    expect(await relabelPost(db, 'x:post:1', false, own)).toBe(false);
    expect(await relabelPost(db, 'x:post:1', true, own)).toBe(true);
    expect((await weekBalance()).week.take).toBe(settings.weights.promoPost);
    const days = (await db.getAll('days')).filter((d) => Object.keys(d.counts).length > 0);
    expect(days).toEqual([...buildTallies(await db.getAll('events'), own).values()]);
  });

  it('an undone post can be relabelled without touching the counters', async () => {
    await capture(post('1', 'Sign up: https://example.com'));
    await applyObservation(db, { op: 'undid', platform: 'x', kinds: ['post'], ref: '1', at: t0 + min }, { settings, own });
    const before = await db.getAll('days');
    expect(await relabelPost(db, 'x:post:1', false, own)).toBe(true);
    expect(await db.getAll('days')).toEqual(before);
  });

  it('refuses what is not an own post, and changes nothing', async () => {
    await applyObservation(db, { op: 'did', platform: 'x', kind: 'like', ref: '9', at: t0, target: { id: '9', author: 'jack' } }, { settings, own });
    await expect(relabelPost(db, 'x:like:9', true, own)).rejects.toBeInstanceOf(RelabelError);
    await expect(relabelPost(db, 'x:post:nope', true, own)).rejects.toBeInstanceOf(RelabelError);
    expect(await db.count('labels')).toBe(0);
    expect((await db.get('events', 'x:like:9'))?.labelledBy).toBeUndefined();
  });

  it('teaches the classifier: after two posts marked promotional, their word flags the next post', async () => {
    await capture(post('1', 'Greenhouse sessions are my favourite part of the week'));
    await capture(post('2', 'Another Greenhouse night, thank you all for coming'));
    expect((await db.get('events', 'x:post:1'))?.promotional).toBe(false);
    // A post the rules and the wording model leave alone, until the word is learnt.
    const plain = 'Greenhouse on Friday';
    await capture(post('3', plain, t0 + 4 * min));
    expect((await db.get('events', 'x:post:3'))?.promotional).toBe(false);
    await relabelPost(db, 'x:post:1', true, own);
    await relabelPost(db, 'x:post:2', true, own);
    forgetLexicon();
    await capture(post('4', plain, t0 + 5 * min));
    const fourth = await db.get('events', 'x:post:4');
    expect(fourth?.promotional).toBe(true);
    expect(fourth?.reasons).toContainEqual({ code: 'learned', detail: 'greenhouse' });
  });

  it('a relabelled post keeps its label through export → delete all → import, and so does what was learnt', async () => {
    await capture(post('1', 'Greenhouse sessions tonight'));
    await capture(post('2', 'Greenhouse night two'));
    await relabelPost(db, 'x:post:1', true, own);
    await relabelPost(db, 'x:post:2', true, own);
    const exported = await exportEvents(db);
    await deleteAll(db);
    expect(await db.count('labels')).toBe(0);
    await importEvents(db, exported, own);
    expect(await db.count('labels')).toBe(2);
    expect(await db.get('events', 'x:post:1')).toMatchObject({ promotional: true, labelledBy: 'user' });
    forgetLexicon();
    expect((await currentLexicon(db, settings, own)).terms.has('greenhouse')).toBe(true);
  });
});

describe('listPosts', () => {
  it('lists live own posts in the window, newest first, with reasons only for promotional ones', async () => {
    await capture(post('1', 'Buy my course: https://example.com/course', t0));
    await capture(post('2', 'A walk by the river', t0 + min));
    await capture(post('3', 'Deleted one', t0 + 2 * min));
    await applyObservation(db, { op: 'undid', platform: 'x', kinds: ['post'], ref: '3', at: t0 + 3 * min }, { settings, own });
    await applyObservation(db, { op: 'did', platform: 'x', kind: 'like', ref: '9', at: t0 + 4 * min, target: { id: '9', author: 'jack' } }, { settings, own });
    const posts = await listPosts(db, t0 - min, t0 + 10 * min, 10);
    expect(posts.map((p) => p.id)).toEqual(['x:post:2', 'x:post:1']);
    expect(posts[1]).toMatchObject({ promotional: true, userLabelled: false, url: 'https://x.com/me_here/status/1' });
    expect(posts[1]?.reasons.map((r) => r.code).filter((c) => c !== 'wording')).toEqual(['own-domain', 'call-to-action', 'own-product']);
    expect(posts[0]).toMatchObject({ promotional: false, reasons: [] });
    expect(await listPosts(db, t0 - min, t0 + 10 * min, 1)).toHaveLength(1);
    expect(await listPosts(db, t0 + min, t0 + 10 * min, 10)).toHaveLength(1);
  });
});
