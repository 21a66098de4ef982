/**
 * Deleting one's own comment or story on Hacker News, as the built extension in Chromium against the HN
 * replica (tests/replicas/hackernews/render.ts, served by tests/e2e/hackernews-site.ts): the item's
 * "delete" link opens `delete-confirm?id=…`, whose "Yes" posts to /xdelete and lands on `goto`. The delete
 * is confirmed on that next page (the item no longer shown as the user's): it undoes the reply or post
 * and takes it out of the balance. "No", a refusal (HN's bare "You can't delete that." page) and an HTTP
 * error change nothing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { balanceCount, storedEvents, until, useSite, waitBalanceCount, waitForEvent as waitForStoredEvent, type ExportedEvent } from './harness.ts';
import { FakeHn, HN, ITEMS, ME, openHn } from './hackernews-site.ts';

const site = new FakeHn();
const h = useSite((context) => site.serve(context), [site]);

const events = (): Promise<ExportedEvent[]> => storedEvents(h);
const waitForEvent = (id: string, accept?: (e: ExportedEvent) => boolean): Promise<ExportedEvent> => waitForStoredEvent(h, id, accept);
const live = (e: ExportedEvent): boolean => e.undoneAt === undefined;
/** The balance, not only the event: an undone hackernews action must leave the counts the popup reads. */
const counted = (kind: 'post' | 'reply'): Promise<number> => balanceCount(h, 'hackernews', kind);
const waitCounted = (kind: 'post' | 'reply', n: number): Promise<void> => waitBalanceCount(h, 'hackernews', kind, n);

/** Waits until the tab shows `url` after a form's redirect (see hackernews-capture.test.ts on waitForURL). */
async function arrive(page: Page, url: string | RegExp): Promise<void> {
  await until(() => (typeof url === 'string' ? page.url() === url : url.test(page.url())), 10_000, `the tab at ${String(url)}`);
  await page.waitForLoadState('load');
}

/** Upvotes bob's story on the front page and waits for it: everything before it has been applied. */
async function sentinel(page: Page): Promise<void> {
  await page.goto(`${HN}/news`);
  await page.locator(`#up_${ITEMS.story2.id}`).click();
  await waitForEvent(`hackernews:like:${ITEMS.story2.id}`);
}

/** From the page showing item `id`, follows its "delete" link and answers the confirm page with `answer`. */
async function deleteItem(page: Page, id: number, answer: 'Yes' | 'No'): Promise<void> {
  const row = page.locator(`tr.athing[id="${id}"]`);
  const isStory = await row.evaluate((el) => el.classList.contains('submission'));
  // A story's links are in the subtext row that follows it; a comment's in its own comhead.
  const links = isStory ? page.locator(`tr.athing[id="${id}"] + tr .subtext`) : row.locator('.comhead');
  await links.getByRole('link', { name: 'delete', exact: true }).click();
  await arrive(page, new RegExp(`/delete-confirm\\?id=${id}&`));
  await page.getByText('Do you want this to be deleted?').waitFor();
  await page.locator(`form[action="/xdelete"] input[type="submit"][value="${answer}"]`).click();
}

describe('deleting one\'s own items', () => {
  test('a comment deleted with "Yes" is undone and leaves the balance; "No" and an HTTP 500 change nothing', async () => {
    const page = await openHn(h, `/item?id=${ITEMS.story.id}`);
    await page.locator('form[action="comment"] textarea[name="text"]').fill('Nice work.\n\nDoes it handle :focus-visible?');
    await page.locator('form[action="comment"] input[type="submit"]').click();
    await arrive(page, `${HN}/item?id=${ITEMS.story.id}`);
    const id = site.created[0] ?? 0;
    await waitForEvent(`hackernews:reply:${id}`, live);
    await waitCounted('reply', 1);

    await deleteItem(page, id, 'No');
    await arrive(page, `${HN}/item?id=${ITEMS.story.id}`);
    await page.locator(`tr.athing.comtr[id="${id}"]`).waitFor();

    site.failNext('/xdelete', 'Internal Server Error', 500);
    await deleteItem(page, id, 'Yes');
    await page.getByText('Internal Server Error').waitFor();
    await sentinel(page);
    expect((await events()).find((e) => e.id === `hackernews:reply:${id}`)?.undoneAt).toBeUndefined();
    expect(await counted('reply')).toBe(1);

    await page.goto(`${HN}/item?id=${ITEMS.story.id}`);
    await deleteItem(page, id, 'Yes');
    await arrive(page, `${HN}/item?id=${ITEMS.story.id}`);
    await page.locator(`tr.athing[id="${ITEMS.comment.id}"]`).waitFor();
    expect(await page.locator(`tr.athing[id="${id}"]`).count()).toBe(0);
    const deleted = await waitForEvent(`hackernews:reply:${id}`, (e) => !live(e));
    expect(deleted).toMatchObject({ kind: 'reply', text: 'Nice work.\n\nDoes it handle :focus-visible?' });
    await waitCounted('reply', 0);
    const posts = site.callsTo('/xdelete');
    expect(posts.map((c) => [c.params.get('id'), c.params.get('d')])).toEqual([[String(id), 'No'], [String(id), 'Yes'], [String(id), 'Yes']]);
    expect(JSON.stringify(await h.exportData())).not.toContain('5a7c9e1b3d5f'); // the confirm form's hmac
  });

  test('a "Yes" whose POST never reaches HN, followed by another HN page than its goto, changes nothing', async () => {
    const page = await openHn(h, `/item?id=${ITEMS.story.id}`);
    await page.locator('form[action="comment"] textarea[name="text"]').fill('A reply I keep.');
    await page.locator('form[action="comment"] input[type="submit"]').click();
    await arrive(page, `${HN}/item?id=${ITEMS.story.id}`);
    const id = site.created[0] ?? 0;
    await waitForEvent(`hackernews:reply:${id}`, live);

    site.dropNext('/xdelete');
    await deleteItem(page, id, 'Yes');
    await until(() => site.callsTo('/xdelete').length === 1, 10_000, 'the dropped POST');
    await until(() => page.url().startsWith('chrome-error:'), 10_000, 'the browser\'s error page');
    await page.waitForLoadState('load');
    // The user gives up and opens the front page: the comment is not on it, but it was not deleted.
    await page.goto(`${HN}/news`);
    await sentinel(page);
    expect((await events()).find((e) => e.id === `hackernews:reply:${id}`)?.undoneAt).toBeUndefined();
    expect(await counted('reply')).toBe(1);
  });

  test('a story deleted with "Yes" is undone and leaves the balance; a refusal ("You can\'t delete that.") changes nothing', async () => {
    const page = await openHn(h, '/submit');
    await page.locator('input[name="title"]').fill('Show HN: A focus-ring linter');
    await page.locator('input[name="url"]').fill('https://example.net/ring');
    await page.locator('input[type="submit"]').click();
    await arrive(page, `${HN}/newest`);
    const id = site.created[0] ?? 0;
    const post = await waitForEvent(`hackernews:post:${id}`, live);
    expect(post.target).toMatchObject({ author: ME });
    await waitCounted('post', 1);

    site.failNext('/xdelete', "You can't delete that.");
    await page.goto(`${HN}/item?id=${id}`);
    await deleteItem(page, id, 'Yes');
    await page.getByText("You can't delete that.").waitFor();
    expect(site.callsTo('/xdelete')).toHaveLength(1);
    await sentinel(page);
    expect((await events()).find((e) => e.id === `hackernews:post:${id}`)?.undoneAt).toBeUndefined();
    expect(await counted('post')).toBe(1);

    await page.goto(`${HN}/item?id=${id}`);
    await deleteItem(page, id, 'Yes');
    await arrive(page, `${HN}/item?id=${id}`);
    await page.locator('#hnmain').waitFor();
    expect(await page.locator(`tr.athing[id="${id}"]`).count()).toBe(0);
    await waitForEvent(`hackernews:post:${id}`, (e) => !live(e));
    await waitCounted('post', 0);
    // The like of bob's story (the sentinel) is untouched.
    expect((await events()).filter(live).map((e) => e.id)).toEqual([`hackernews:like:${ITEMS.story2.id}`]);
  });
});
