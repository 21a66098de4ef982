/**
 * Bluesky re-likes across reloads, end to end (built extension, bsky.app replica, fake PDS; see
 * bluesky-capture.test.ts). Every like is a new record on Bluesky and an unlike names only the record, so
 * a re-like folded into the first like's event must stay undoable after the page is reloaded: the
 * extension keeps the re-like's record as an alias of the event (parse.ts, ledger.ts).
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { balanceCount, until, useSite, type ExportedEvent } from './harness.ts';
import { FakePds, POSTS, bskyEvents, likeButton, openBluesky, serveBluesky, waitForBskyEvent } from './bluesky-api.ts';

const pds = new FakePds();
const h = useSite((context) => serveBluesky(context, pds), [pds]);

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 50 });

/** How many Bluesky likes the balance counts (all days, any flag), from the snapshot the popup reads. */
const countedLikes = (): Promise<number> => balanceCount(h, 'bluesky', 'like');

/** Clicks the like button of Alice's post and waits until the button and the PDS agree on `state`. */
async function toggle(page: Page, state: 'true' | 'false'): Promise<void> {
  const calls = pds.calls.length;
  await likeButton(page, POSTS.alice).click();
  await poll(() => likeButton(page, POSTS.alice).getAttribute('aria-pressed')).toBe(state);
  await poll(() => pds.calls.length).toBe(calls + 1);
  await poll(() => pds.likes.has(POSTS.alice)).toBe(state === 'true');
}

/** Reloads the tab: the content script, and with it the adapter's memory of records, starts anew. */
async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.locator('[data-testid^="feedItem-by-"]').first().waitFor();
}

/** Likes Carol's post and waits for it: every observation sent before it has been applied by then. */
async function sentinel(page: Page): Promise<ExportedEvent[]> {
  await likeButton(page, POSTS.carol).click();
  await waitForBskyEvent(h, (e) => e.target?.id === POSTS.carol, 'the sentinel like');
  return (await bskyEvents(h)).filter((e) => e.target?.id !== POSTS.carol);
}

describe('re-likes across reloads', () => {
  test('like → unlike → like → reload → unlike: the like is undone and the balance has no like', async () => {
    const page = await openBluesky(h);
    await toggle(page, 'true');
    const first = await waitForBskyEvent(h, (e) => e.kind === 'like' && e.target?.id === POSTS.alice, 'the like');
    const firstRecord = pds.likes.get(POSTS.alice);
    await toggle(page, 'false');
    await waitForBskyEvent(h, (e) => e.id === first.id && e.undoneAt !== undefined, 'the unlike');
    await toggle(page, 'true');
    // The re-like is a new record on the PDS, folded into the first like's event in this page.
    const secondRecord = pds.likes.get(POSTS.alice);
    expect(secondRecord).toBeDefined();
    expect(secondRecord).not.toBe(firstRecord);
    await waitForBskyEvent(h, (e) => e.id === first.id && e.undoneAt === undefined, 'the re-like');
    await until(async () => (await countedLikes()) === 1, 10_000, 'one like in the balance');

    await reload(page);
    expect(await likeButton(page, POSTS.alice).getAttribute('aria-pressed')).toBe('true');
    // This unlike names only the second record, which the reloaded page has never seen.
    await toggle(page, 'false');
    expect(pds.callsOf('com.atproto.repo.deleteRecord').at(-1)?.body).toMatchObject({ rkey: secondRecord?.split('/').pop() });

    const events = await sentinel(page);
    expect(events.filter((e) => e.kind === 'like' && e.undoneAt === undefined)).toEqual([]);
    const undone = events.find((e) => e.id === first.id);
    expect(undone?.undoneAt).toBeDefined();
    // Only the sentinel like on Carol's post is left in the balance.
    await until(async () => (await countedLikes()) === 1, 10_000, 'only the sentinel like in the balance');
    expect(await countedLikes()).toBe(1);
  });

  test('like → reload → unlike → like again: one event, live once; → reload → unlike: undone', async () => {
    const page = await openBluesky(h);
    await toggle(page, 'true');
    const first = await waitForBskyEvent(h, (e) => e.kind === 'like' && e.target?.id === POSTS.alice, 'the like');
    await reload(page);
    await toggle(page, 'false');
    await waitForBskyEvent(h, (e) => e.id === first.id && e.undoneAt !== undefined, 'the unlike after a reload');
    // A re-like after the reload is a record this page did not fold: the ledger finds the event by its post.
    await toggle(page, 'true');
    await waitForBskyEvent(h, (e) => e.id === first.id && e.undoneAt === undefined, 'the re-like re-does the first event');
    let events = await sentinel(page);
    expect(events.map((e) => e.id)).toEqual([first.id]);
    await until(async () => (await countedLikes()) === 2, 10_000, 'the re-like and the sentinel in the balance');

    await reload(page);
    await toggle(page, 'false');
    await waitForBskyEvent(h, (e) => e.id === first.id && e.undoneAt !== undefined, 'the unlike of the re-like');
    events = (await bskyEvents(h)).filter((e) => e.target?.id === POSTS.alice);
    expect(events).toHaveLength(1);
    await until(async () => (await countedLikes()) === 1, 10_000, 'only the sentinel like in the balance');
  });
});
