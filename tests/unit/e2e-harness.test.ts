// @vitest-environment node
/**
 * The end-to-end harness's shared event and balance helpers (tests/e2e/harness.ts), which the site test
 * files and fakes call instead of each keeping its own copy: checked here against a stub harness, so a mistake in
 * them shows without a browser. (useSite itself launches Chromium; the e2e files that use it cover it.)
 */
import { describe, expect, it } from 'vitest';
import { balanceCount, RecordingFake, storedEvents, waitBalanceCount, waitForEvent, type ExportedEvent, type Harness } from '../e2e/harness.ts';

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

describe('RecordingFake', () => {
  class Fake extends RecordingFake<{ op: string; status: number }, 500 | 'refused'> {
    constructor() {
      super('test fake');
    }
    call(op: string): Promise<number> {
      return this.answering(() => {
        const failure = this.nextFailure(op);
        const status = failure === 500 ? 500 : 200;
        this.calls.push({ op, status });
        return status;
      });
    }
  }

  it('fails the next calls of one operation as queued, records every call in order, and forgets on reset', async () => {
    const fake = new Fake();
    fake.fail('like', 500, 2);
    fake.fail('like', 'refused');
    expect(await Promise.all(['like', 'post', 'like', 'like', 'like'].map((op) => fake.call(op)))).toEqual([500, 200, 500, 200, 200]);
    expect(fake.callsOf('like').map((c) => c.status)).toEqual([500, 500, 200, 200]);
    fake.fail('post', 500);
    fake.latency = [5, 10];
    fake.reset();
    expect(fake.calls).toEqual([]);
    expect(fake.latency).toEqual([0, 0]);
    expect(await fake.call('post')).toBe(200);
  });

  it('is idle only once every answer has waited out its latency', async () => {
    const fake = new Fake();
    fake.latency = [30, 30];
    let answered = false;
    const pending = fake.call('like').then(() => { answered = true; });
    await fake.idle(1000);
    expect(answered).toBe(true);
    await pending;
  });
});
