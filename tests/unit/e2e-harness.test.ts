// @vitest-environment node
/**
 * The end-to-end harness's shared event and balance helpers (tests/e2e/harness.ts), which the site test
 * files call instead of each keeping its own copy: checked here against a stub harness, so a mistake in
 * them shows without a browser. (useSite itself launches Chromium; the e2e files that use it cover it.)
 */
import { describe, expect, it } from 'vitest';
import { balanceCount, storedEvents, waitBalanceCount, waitForEvent, type ExportedEvent, type Harness } from '../e2e/harness.ts';

function stub(snapshots: unknown[], events: ExportedEvent[][] = []): Harness {
  let reads = 0;
  let exports = 0;
  return {
    storage: async () => snapshots[Math.min(reads++, snapshots.length - 1)],
    exportData: async () => ({ format: 'give-first-export', version: 1, exportedAt: '', settings: {}, events: events[Math.min(exports++, events.length - 1)] ?? [] }),
  } as unknown as Harness;
}

const like = (id: string, undoneAt?: string): ExportedEvent =>
  ({ id: `reddit:like:${id}`, platform: 'reddit', kind: 'like', at: '2026-11-23T12:00:00.000Z', ...(undoneAt ? { undoneAt } : {}) }) as ExportedEvent;

describe('balanceCount', () => {
  it('sums one platform and kind over every day and flag, and nothing else', async () => {
    const snapshot = { tallies: [
      { counts: { 'reddit|post|plain': 2, 'reddit|post|promo': 1, 'reddit|reply|give': 3, 'reddit|reply|generic': 1, 'hackernews|post|plain': 7 } },
      { counts: { 'reddit|post|plain': 1 } },
    ] };
    expect(await balanceCount(stub([snapshot]), 'reddit', 'post')).toBe(4);
    expect(await balanceCount(stub([snapshot]), 'reddit', 'reply')).toBe(4);
    expect(await balanceCount(stub([snapshot]), 'hackernews', 'reply')).toBe(0);
  });

  it('is 0 before any snapshot is published', async () => {
    expect(await balanceCount(stub([undefined]), 'bluesky', 'like')).toBe(0);
  });

  it('waits until the count is reached', async () => {
    const h = stub([{ tallies: [{ counts: { 'reddit|post|plain': 1 } }] }, { tallies: [] }]);
    await expect(waitBalanceCount(h, 'reddit', 'post', 0)).resolves.toBeUndefined();
  });
});

describe('storedEvents and waitForEvent', () => {
  it('read the export, and wait for the event that the predicate accepts', async () => {
    expect(await storedEvents(stub([], [[like('1')]]))).toEqual([like('1')]);
    const h = stub([], [[like('1')], [like('1', '2026-11-23T12:01:00.000Z')]]);
    const undone = await waitForEvent(h, 'reddit:like:1', (e) => e.undoneAt !== undefined);
    expect(undone.undoneAt).toBe('2026-11-23T12:01:00.000Z');
  });
});
