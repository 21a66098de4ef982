/**
 * Deleting one's own post or comment on Reddit, both front ends, as the built extension in Chromium against
 * the replicas (tests/replicas/reddit/, served by tests/e2e/reddit-site.ts):
 * - shreddit: a post made with CreatePost, deleted from its overflow menu (GraphQL DeletePost); a comment
 *   confirmed in the page, deleted from its overflow menu (GraphQL DeleteComment);
 * - old.reddit: a submission (/api/submit) and a comment (/api/comment), each deleted with the
 *   "delete → yes" toggle (/api/del).
 * A confirmed delete marks the event undone and takes it out of the balance; a delete that fails (HTTP
 * error) or is refused (HTTP 200 with `ok: false` / a jQuery error) changes nothing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { balanceCount, storedEvents, until, useSite, waitBalanceCount, waitForEvent as waitForStoredEvent, type ExportedEvent } from './harness.ts';
import { FakeReddit, openReddit, REDDIT_URLS, THINGS, waitIdle } from './reddit-site.ts';

const site = new FakeReddit();
const h = useSite((context) => site.serve(context), [site]);

const events = (): Promise<ExportedEvent[]> => storedEvents(h);
const waitForEvent = (id: string, accept?: (e: ExportedEvent) => boolean): Promise<ExportedEvent> => waitForStoredEvent(h, id, accept);
const live = (e: ExportedEvent): boolean => e.undoneAt === undefined;
/** The balance, not only the event: an undone reddit action must leave the counts the popup reads. */
const counted = (kind: 'post' | 'reply'): Promise<number> => balanceCount(h, 'reddit', kind);
const waitCounted = (kind: 'post' | 'reply', n: number): Promise<void> => waitBalanceCount(h, 'reddit', kind, n);

// ------------------------------------------------------------------ shreddit

const shredditVote = (page: Page, fullname: string) => page.locator(`shreddit-post[id="${fullname}"]`).locator('button[upvote]');

/** Upvotes dave's post on the feed and waits for the like: everything sent before it has been applied. */
async function sentinelShreddit(page: Page): Promise<void> {
  await page.goto(REDDIT_URLS.feedDe);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-replica-ready'));
  await shredditVote(page, THINGS.dave.id).click();
  await waitForEvent(`reddit:like:${THINGS.dave.id}`);
}

/** Opens the overflow menu of an own post or comment (`scope`) and confirms "Delete". */
async function deleteOnShreddit(page: Page, scope: string): Promise<void> {
  await page.locator(`${scope} shreddit-overflow-menu > button[aria-haspopup]`).first().click();
  await page.locator(`${scope} shreddit-overflow-menu [role="menuitem"]`).first().click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
}

async function openShreddit(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-replica-ready'));
}

describe('shreddit (www.reddit.com)', () => {
  test('a post deleted with DeletePost is undone and leaves the balance; a failed (HTTP 500) and a refused delete change nothing', async () => {
    site.fail('DeletePost', 500);
    site.fail('DeletePost', 'refused');
    const page = await openReddit(h, REDDIT_URLS.submit);
    await page.locator('textarea[name="title"]').fill('Show r/webdev: a focus-ring linter');
    await page.locator('shreddit-composer [contenteditable]').click();
    await page.keyboard.type('It flags outline: none without a replacement.');
    await page.locator('#submit-post-button').click();
    await page.waitForURL(/\/r\/webdev\/comments\/1j/);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-replica-ready'));
    const id = site.created[0] ?? '';
    const permalink = page.url();
    await waitForEvent(`reddit:post:${id}`, live);
    await waitCounted('post', 1);

    const post = `shreddit-post[id="${id}"]`;
    await deleteOnShreddit(page, post);
    await page.locator('faceplate-toast').first().waitFor();
    await deleteOnShreddit(page, post);
    await waitIdle(site, 2, 'DeletePost');
    expect(site.callsOf('DeletePost').map((c) => c.status)).toEqual([500, 200]);
    await sentinelShreddit(page);
    expect((await events()).find((e) => e.id === `reddit:post:${id}`)?.undoneAt).toBeUndefined();
    expect(await counted('post')).toBe(1);

    await openShreddit(page, permalink);
    await deleteOnShreddit(page, post);
    await page.locator(post).and(page.locator('[author="[deleted]"]')).waitFor();
    const deleted = await waitForEvent(`reddit:post:${id}`, (e) => !live(e));
    expect(deleted).toMatchObject({ kind: 'post', text: 'Show r/webdev: a focus-ring linter\n\nIt flags outline: none without a replacement.' });
    expect(JSON.parse(site.callsOf('DeletePost')[2]?.body ?? '{}')).toMatchObject({ operation: 'DeletePost', variables: { input: { postId: id } } });
    await waitCounted('post', 0);
    const csrf = (JSON.parse(site.callsOf('DeletePost')[2]?.body ?? '{}') as { csrf_token: string }).csrf_token;
    expect(JSON.stringify(await h.exportData())).not.toContain(csrf);
  });

  test('a comment deleted with DeleteComment is undone and leaves the balance; a refused delete changes nothing', async () => {
    site.fail('DeleteComment', 'refused');
    const page = await openReddit(h, REDDIT_URLS.post);
    const box = page.locator('comment-composer-host [contenteditable="true"]');
    await box.click();
    await page.keyboard.type('axe-core plus a keyboard-only pass.');
    await page.locator('comment-composer-host button[type="submit"]').click();
    await until(() => site.created.length === 1, 10_000, 'the comment');
    const id = site.created[0] ?? '';
    await waitForEvent(`reddit:reply:${id}`, live);
    await waitCounted('reply', 1);

    const comment = `shreddit-comment[thingid="${id}"]`;
    await deleteOnShreddit(page, comment);
    await page.locator('faceplate-toast').first().waitFor();
    expect(site.callsOf('DeleteComment')).toHaveLength(1);
    // The refused call is relayed before this like; once the like is stored, the refusal has been judged.
    await shredditVote(page, THINGS.post.id).click();
    await waitForEvent(`reddit:like:${THINGS.post.id}`);
    expect((await events()).find((e) => e.id === `reddit:reply:${id}`)?.undoneAt).toBeUndefined();
    expect(await counted('reply')).toBe(1);

    await deleteOnShreddit(page, comment);
    await page.locator(`${comment}[author="[deleted]"]`).waitFor();
    await waitForEvent(`reddit:reply:${id}`, (e) => !live(e));
    expect(JSON.parse(site.callsOf('DeleteComment')[1]?.body ?? '{}')).toMatchObject({ variables: { input: { commentId: id } } });
    await waitCounted('reply', 0);
  });
});

// ------------------------------------------------------------------ old.reddit

const oldThing = (page: Page, fullname: string) => page.locator(`.thing[data-fullname="${fullname}"]`);

async function deleteOnOld(page: Page, fullname: string): Promise<void> {
  const buttons = oldThing(page, fullname).locator(':scope > .entry');
  await buttons.locator('.del-button a.togglebutton').first().click();
  await buttons.locator('.del-button a.yes').first().click();
}

/** Upvotes carol's comment on the thread page: everything sent before it has been applied. */
async function sentinelOld(page: Page): Promise<void> {
  await page.goto(REDDIT_URLS.oldPost);
  await page.waitForFunction(() => document.documentElement.hasAttribute('data-replica-ready'));
  await oldThing(page, THINGS.carol.id).locator(':scope > .midcol .arrow.up').click();
  await waitForEvent(`reddit:like:${THINGS.carol.id}`);
}

describe('old.reddit.com', () => {
  test('a submission deleted with /api/del is undone and leaves the balance; a failed delete (HTTP 503) changes nothing', async () => {
    site.fail('api/del', 503);
    const page = await openReddit(h, REDDIT_URLS.oldSubmit);
    await page.locator('#title-field textarea').fill('Our accessibility checklist, open-sourced');
    await page.locator('#text-field textarea').fill('Feedback welcome.');
    await page.locator('form#newlink button[name="submit"]').click();
    await page.waitForURL(/old\.reddit\.com\/r\/webdev\/comments\/1j/);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-replica-ready'));
    const id = site.created[0] ?? '';
    const permalink = page.url();
    await waitForEvent(`reddit:post:${id}`, live);
    await waitCounted('post', 1);

    await deleteOnOld(page, id);
    await waitIdle(site, 1, 'api/del');
    expect(site.callsOf('api/del')[0]?.status).toBe(503);
    await sentinelOld(page);
    expect((await events()).find((e) => e.id === `reddit:post:${id}`)?.undoneAt).toBeUndefined();
    expect(await counted('post')).toBe(1);

    await page.goto(permalink);
    await page.waitForFunction(() => document.documentElement.hasAttribute('data-replica-ready'));
    await deleteOnOld(page, id);
    await oldThing(page, id).and(page.locator('.deleted')).waitFor();
    await waitForEvent(`reddit:post:${id}`, (e) => !live(e));
    const sent = new URLSearchParams(site.callsOf('api/del')[1]?.body);
    expect(sent.get('id')).toBe(id);
    expect(sent.get('uh')).toBe('replica0modhash0not0real');
    await waitCounted('post', 0);
    expect(JSON.stringify(await h.exportData())).not.toContain('replica0modhash');
  });

  test('a comment deleted with /api/del is undone and leaves the balance; a refused delete (HTTP 200, jQuery error) changes nothing', async () => {
    site.fail('api/del', 'refused');
    const page = await openReddit(h, REDDIT_URLS.oldPost);
    await page.locator('.commentarea > form.usertext textarea').fill('Pa11y CI in the pipeline, axe in unit tests.');
    await page.locator('.commentarea > form.usertext button.save').click();
    await until(() => site.created.length === 1, 10_000, 'the comment');
    const id = site.created[0] ?? '';
    await oldThing(page, id).waitFor();
    await waitForEvent(`reddit:reply:${id}`, live);
    await waitCounted('reply', 1);

    await deleteOnOld(page, id);
    await waitIdle(site, 1, 'api/del');
    expect(site.callsOf('api/del')[0]?.status).toBe(200);
    await oldThing(page, THINGS.carol.id).locator(':scope > .midcol .arrow.up').click();
    await waitForEvent(`reddit:like:${THINGS.carol.id}`);
    expect((await events()).find((e) => e.id === `reddit:reply:${id}`)?.undoneAt).toBeUndefined();
    expect(await counted('reply')).toBe(1);

    await deleteOnOld(page, id);
    await oldThing(page, id).and(page.locator('.deleted')).waitFor();
    await waitForEvent(`reddit:reply:${id}`, (e) => !live(e));
    await waitCounted('reply', 0);
  });
});
