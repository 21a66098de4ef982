import { describe, expect, it } from 'vitest';
import type { GiveFirstEvent } from '../shared/events.ts';
import { local, useTimeZone } from '../../tests/unit/time-zone.ts';
import {
  applyToTally, buildTallies, emptyTally, isLive, isSelfTargeted, parseTallyKey, tallyKeyOf, type OwnHandles,
} from './tally.ts';

useTimeZone('Europe/Madrid');

const own: OwnHandles = { x: ['me_here'], bluesky: ['me.bsky.social'] };

function event(partial: Partial<GiveFirstEvent> & Pick<GiveFirstEvent, 'id' | 'kind'>): GiveFirstEvent {
  return { platform: 'x', at: local(2026, 5, 4, 12), source: 'capture', ...partial };
}

describe('applyToTally', () => {
  it('adds and removes counts in place and returns the same record', () => {
    const tally = emptyTally('2026-05-04');
    expect(applyToTally(tally, 'x|like|give', 1)).toBe(tally);
    applyToTally(tally, 'x|like|give', 1);
    applyToTally(tally, 'x|post|plain', 1);
    expect(tally.counts).toEqual({ 'x|like|give': 2, 'x|post|plain': 1 });
    applyToTally(tally, 'x|like|give', -1);
    expect(tally.counts).toEqual({ 'x|like|give': 1, 'x|post|plain': 1 });
  });

  it('drops a key that reaches zero and never goes negative', () => {
    const tally = emptyTally('2026-05-04');
    applyToTally(tally, 'x|like|give', 1);
    applyToTally(tally, 'x|like|give', -1);
    expect(tally.counts).toEqual({});
    expect('x|like|give' in tally.counts).toBe(false);
    applyToTally(tally, 'x|reply|give', -1);
    expect(tally.counts).toEqual({});
  });
});

describe('isSelfTargeted', () => {
  it('matches the target author against own handles, ignoring @ and case', () => {
    expect(isSelfTargeted({ platform: 'x', kind: 'reply', target: { author: 'me_here' } }, own)).toBe(true);
    expect(isSelfTargeted({ platform: 'x', kind: 'like', target: { author: '@Me_Here' } }, own)).toBe(true);
    expect(isSelfTargeted({ platform: 'x', kind: 'repost', target: { author: '  ME_HERE ' } }, own)).toBe(true);
    expect(isSelfTargeted({ platform: 'bluesky', kind: 'like', target: { author: '@Me.Bsky.Social' } }, own)).toBe(true);
  });

  it('is false for someone else, for another platform, without an author, and for own posts', () => {
    expect(isSelfTargeted({ platform: 'x', kind: 'reply', target: { author: 'jack' } }, own)).toBe(false);
    expect(isSelfTargeted({ platform: 'x', kind: 'reply', target: { author: 'me_here_too' } }, own)).toBe(false);
    expect(isSelfTargeted({ platform: 'mastodon', kind: 'like', target: { author: 'me_here' } }, own)).toBe(false);
    expect(isSelfTargeted({ platform: 'x', kind: 'like', target: { id: '20' } }, own)).toBe(false);
    expect(isSelfTargeted({ platform: 'x', kind: 'like' }, own)).toBe(false);
    expect(isSelfTargeted({ platform: 'x', kind: 'like', target: { author: 'me_here' } }, {})).toBe(false);
    // A post is the user's own by definition: it is a take, never a "self" action.
    expect(isSelfTargeted({ platform: 'x', kind: 'post', target: { author: 'me_here' } }, own)).toBe(false);
  });
});

describe('tallyKeyOf', () => {
  it('flags gives, self actions, plain and promotional posts', () => {
    expect(tallyKeyOf(event({ id: 'a', kind: 'like', target: { author: 'jack' } }), own)).toBe('x|like|give');
    expect(tallyKeyOf(event({ id: 'b', kind: 'follow' }), own)).toBe('x|follow|give');
    expect(tallyKeyOf(event({ id: 'c', kind: 'reply', target: { author: '@ME_HERE' } }), own)).toBe('x|reply|self');
    expect(tallyKeyOf(event({ id: 'd', kind: 'post' }), own)).toBe('x|post|plain');
    expect(tallyKeyOf(event({ id: 'e', kind: 'post', promotional: false }), own)).toBe('x|post|plain');
    expect(tallyKeyOf(event({ id: 'f', kind: 'post', promotional: true }), own)).toBe('x|post|promo');
    expect(tallyKeyOf(event({ id: 'g', kind: 'quote', platform: 'bluesky', target: { author: 'alice.bsky.social' } }), own))
      .toBe('bluesky|quote|give');
  });

  it('round-trips through parseTallyKey', () => {
    expect(parseTallyKey('bluesky|repost|self')).toEqual({ platform: 'bluesky', kind: 'repost', flag: 'self' });
    expect(parseTallyKey(tallyKeyOf(event({ id: 'h', kind: 'post', promotional: true }), own)))
      .toEqual({ platform: 'x', kind: 'post', flag: 'promo' });
  });
});

describe('buildTallies', () => {
  it('counts live events per local day and skips undone ones', () => {
    const events: GiveFirstEvent[] = [
      event({ id: 'x:like:1', kind: 'like', at: local(2026, 5, 4, 9) }),
      event({ id: 'x:like:2', kind: 'like', at: local(2026, 5, 4, 23, 59) }),
      event({ id: 'x:like:3', kind: 'like', at: local(2026, 5, 4, 10), undoneAt: local(2026, 5, 4, 11) }),
      event({ id: 'x:reply:4', kind: 'reply', at: local(2026, 5, 5, 0, 1), target: { author: 'me_here' } }),
      event({ id: 'x:post:5', kind: 'post', at: local(2026, 5, 5, 8), promotional: true }),
      event({ id: 'x:post:6', kind: 'post', at: local(2026, 5, 6, 8), undoneAt: local(2026, 5, 6, 9) }),
    ];
    expect(isLive(events[2]!)).toBe(false);
    const tallies = buildTallies(events, own);
    expect([...tallies.keys()].sort()).toEqual(['2026-05-04', '2026-05-05']);
    expect(tallies.get('2026-05-04')).toEqual({ day: '2026-05-04', counts: { 'x|like|give': 2 } });
    expect(tallies.get('2026-05-05')).toEqual({ day: '2026-05-05', counts: { 'x|reply|self': 1, 'x|post|promo': 1 } });
  });

  it('puts an event on the local day, not the UTC day', () => {
    // 23:30 UTC on 4 May is 01:30 on 5 May in Madrid (CEST, UTC+2).
    const tallies = buildTallies([event({ id: 'x:like:9', kind: 'like', at: Date.UTC(2026, 4, 4, 23, 30) })], own);
    expect([...tallies.keys()]).toEqual(['2026-05-05']);
  });

  it('is empty for no events or only undone ones', () => {
    expect(buildTallies([], own).size).toBe(0);
    expect(buildTallies([event({ id: 'x:like:1', kind: 'like', undoneAt: local(2026, 5, 4, 13) })], own).size).toBe(0);
  });
});
