import { describe, expect, it } from 'vitest';
import { nextHealth, type PlatformHealth } from './health.ts';

const shape = { code: 'request-shape', detail: 'createRecord: no collection' };
const noPosts = { code: 'no-posts', detail: 'no article on the timeline' };

describe('adapter health, by scope', () => {
  it('a page that looks fine does not clear a request the adapter could not read', () => {
    const broken = nextHealth(undefined, 'bluesky', 'network', shape, 1000);
    expect(broken).toMatchObject({ state: 'degraded', since: 1000, problem: shape });
    // The next page check finds the markup as expected: the state stays degraded, unchanged.
    expect(nextHealth(broken!, 'bluesky', 'page', null, 2000)).toBeNull();
    // A request read again clears it.
    const fixed = nextHealth(broken!, 'bluesky', 'network', null, 3000);
    expect(fixed).toEqual({ platform: 'bluesky', state: 'ok', checkedAt: 3000, since: 3000 });
  });

  it('degraded while either scope has a problem; the page’s is the one shown', () => {
    const page = nextHealth(undefined, 'x', 'page', noPosts, 1000)!;
    const both = nextHealth(page, 'x', 'network', shape, 2000)!;
    expect(both).toMatchObject({ state: 'degraded', since: 1000, problem: noPosts, problems: { page: noPosts, network: shape } });
    const networkOnly = nextHealth(both, 'x', 'page', null, 3000)!;
    expect(networkOnly).toMatchObject({ state: 'degraded', since: 1000, problem: shape });
    expect(networkOnly.problems).toEqual({ network: shape });
  });

  it('writes nothing when a scope repeats itself, and something when it changes', () => {
    const ok = nextHealth(undefined, 'reddit', 'page', null, 1000)!;
    expect(ok).toEqual({ platform: 'reddit', state: 'ok', checkedAt: 1000, since: 1000 });
    expect(nextHealth(ok, 'reddit', 'page', null, 2000)).toBeNull();
    expect(nextHealth(ok, 'reddit', 'network', null, 2000)).toBeNull();
    const bad = nextHealth(ok, 'reddit', 'page', noPosts, 3000)!;
    expect(nextHealth(bad, 'reddit', 'page', noPosts, 4000)).toBeNull();
    expect(nextHealth(bad, 'reddit', 'page', { ...noPosts, detail: 'other' }, 4000)).toMatchObject({ since: 3000, problem: { detail: 'other' } });
  });

  it('reads a record written before scopes: a request-shape problem is the network’s', () => {
    const old: PlatformHealth = { platform: 'bluesky', state: 'degraded', since: 1000, checkedAt: 1000, problem: shape };
    expect(nextHealth(old, 'bluesky', 'page', null, 2000)).toBeNull();
    const oldPage: PlatformHealth = { platform: 'x', state: 'degraded', since: 1000, checkedAt: 1000, problem: noPosts };
    expect(nextHealth(oldPage, 'x', 'page', null, 2000)).toMatchObject({ state: 'ok', since: 2000 });
  });
});
