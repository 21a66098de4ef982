/**
 * Self-promotion and the quality floor end to end, in Chromium with the built extension: posts and a
 * reply published on the X replica are judged by the background (promotional with its reasons, or not;
 * a stock reply generic), the popup and the review relabel a post and the balance follows, and what the
 * user relabelled changes how the next post is judged.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { closeSitePages, launch, noon, POPUP, startWith, type ExportedEvent, type Harness } from './harness.ts';
import { FakeXApi, openX, POSTS, postById, serveX, storedEvents, waitForEvent } from './x-api.ts';

const REVIEW = 'src/ui/review/index.html';
let h: Harness;
const api = new FakeXApi();

/** Who the user is, and no nudge in the way of the posts these tests publish. */
const SETTINGS = { domains: ['givefirst.example'], brands: ['Greenline'], nudge: { enabled: false } };

beforeAll(async () => {
  h = await launch();
  await serveX(h.context, api);
});
afterAll(async () => h?.close());
beforeEach(() => api.reset());
afterEach(async () => {
  await closeSitePages(h);
  for (const page of h.context.pages()) if (page.url().includes('/src/ui/popup/') || page.url().includes('/src/ui/review/')) await page.close();
});

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000, interval: 50 });

async function publish(page: Page, text: string): Promise<ExportedEvent> {
  const before = api.created.length;
  await page.locator('main').getByTestId('tweetTextarea_0').fill(text);
  await page.getByTestId('tweetButtonInline').click();
  await poll(() => api.created.length).toBe(before + 1);
  return waitForEvent(h, `x:post:${api.created[before]}`);
}

/** The popup's "Taken N" for the last 7 days. */
async function taken(popup: Page): Promise<string | null> {
  return popup.locator('.windows .totals').nth(1).getByTestId('take').textContent();
}

function post(id: string, text: string, extra: Record<string, unknown> = {}) {
  return { id: `x:post:${id}`, platform: 'x', kind: 'post', at: noon(0), text, source: 'capture', target: { id, author: 'givefirst_me' }, ...extra };
}
const likes = (n: number) => Array.from({ length: n }, (_, i) => ({
  id: `x:like:${900 + i}`, platform: 'x', kind: 'like', at: noon(1), source: 'capture', target: { id: `${900 + i}`, author: 'alice' },
}));

describe('judged on capture', () => {
  test('a promotional post and a plain post are flagged correctly in the export, with reasons', async () => {
    await startWith(h, [], SETTINGS);
    const page = await openX(h);
    const promo = await publish(page, 'Greenline 2.0 is live 🎉 Sign up at https://givefirst.example/beta, 20% off with code EARLY20 this week');
    const plain = await publish(page, 'Slow Sunday. Reading about how bees find their way home.');
    expect(promo).toMatchObject({ kind: 'post', promotional: true });
    expect(promo.reasons?.map((r) => r.code)).toEqual(['own-domain', 'self-mention', 'discount', 'call-to-action', 'launch']);
    expect(promo.reasons).toContainEqual({ code: 'own-domain', detail: 'givefirst.example' });
    expect(promo.reasons).toContainEqual({ code: 'discount', detail: 'EARLY20' });
    expect(plain).toMatchObject({ kind: 'post', promotional: false });
    expect(plain.reasons).toBeUndefined();
    // The same judgement in the file the user downloads.
    const file = await h.exportData();
    const byId = new Map(file.events.map((e) => [e.id, e]));
    expect(byId.get(promo.id)).toMatchObject({ promotional: true, reasons: promo.reasons });
    expect(byId.get(plain.id)?.promotional).toBe(false);
  });

  test('a question that mentions signing up is not promotional', async () => {
    await startWith(h, [], SETTINGS);
    const page = await openX(h);
    const question = await publish(page, 'Did anyone here sign up for the accessibility summit? Worth it?');
    expect(question.promotional).toBe(false);
  });

  test('a generic reply counts like a like, and the popup says so; a real reply counts in full', async () => {
    await startWith(h, [], SETTINGS);
    const page = await openX(h);
    for (const text of ['Great post! 🔥', 'Which screen reader did you test this with?']) {
      const before = api.created.length;
      await postById(page, POSTS.bob.id).getByTestId('reply').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('tweetTextarea_0').fill(text);
      await dialog.getByTestId('tweetButton').click();
      await dialog.waitFor({ state: 'hidden' });
      await poll(() => api.created.length).toBe(before + 1);
    }
    await poll(async () => (await storedEvents(h)).filter((e) => e.kind === 'reply').length).toBe(2);
    const replies = await storedEvents(h);
    expect(replies.find((e) => e.text === 'Great post! 🔥')?.generic).toBe(true);
    expect(replies.find((e) => e.text?.startsWith('Which'))?.generic).toBe(false);
    const popup = await h.openPage(POPUP);
    // like weight 1 + reply weight 3.
    await poll(() => popup.locator('.windows .totals').nth(1).getByTestId('give').textContent()).toBe('Given 4');
    await poll(() => popup.locator('.windows .totals').nth(1).getByTestId('generic').textContent()).toBe('1 generic reply counted as a like');
  });
});

describe('relabelling', () => {
  test('relabelling in the popup changes the balance, and the label is kept in the export', async () => {
    await startWith(h, [
      ...likes(3),
      post('501', 'Spring cohort: doors close Friday, book a call → givefirst.example/call', {
        promotional: true, reasons: [{ code: 'own-domain', detail: 'givefirst.example' }, { code: 'call-to-action', detail: 'book a call' }],
      }),
    ], SETTINGS);
    const popup = await h.openPage(POPUP);
    await poll(() => taken(popup)).toBe('Taken 2');
    const item = popup.getByTestId('recent-posts').getByTestId('post');
    await poll(() => item.getByTestId('post-label').textContent()).toBe('Promotional');
    expect(await item.getByTestId('post-reasons').locator('li').allTextContents()).toEqual([
      'links to your domain (givefirst.example)', 'call to action: “book a call”',
    ]);
    // By keyboard: focus the button and press Enter.
    await item.getByTestId('relabel').focus();
    await popup.keyboard.press('Enter');
    await poll(() => taken(popup)).toBe('Taken 1');
    await poll(() => item.getByTestId('post-label').textContent()).toBe('Not promotional');
    expect(await item.textContent()).toContain('labelled by you');
    await expect.poll(() => popup.getByRole('status').first().textContent()).toContain('Marked as not promotional');
    const event = (await h.exportData()).events.find((e) => e.id === 'x:post:501');
    expect(event).toMatchObject({ promotional: false, labelledBy: 'user' });

    // And back.
    await item.getByTestId('relabel').click();
    await poll(() => taken(popup)).toBe('Taken 2');
    expect((await h.exportData()).events.find((e) => e.id === 'x:post:501')).toMatchObject({ promotional: true, labelledBy: 'user' });
  });

  test('relabelling in the review changes the week’s figures', async () => {
    await startWith(h, [...likes(2), post('601', 'A quiet walk by the canal this morning.', { promotional: false })], SETTINGS);
    const today = new Date();
    const monday = new Date(today);
    monday.setDate(today.getDate() - ((today.getDay() + 6) % 7));
    const week = `${monday.getFullYear()}-${String(monday.getMonth() + 1).padStart(2, '0')}-${String(monday.getDate()).padStart(2, '0')}`;
    const review = await h.openPage(`${REVIEW}?week=${week}`);
    const takeTile = review.getByTestId('take').locator('.figure');
    await poll(() => takeTile.textContent()).toBe('1');
    const item = review.getByTestId('week-posts').getByTestId('post');
    await poll(() => item.getByTestId('post-label').textContent()).toBe('Not promotional');
    await item.getByRole('button', { name: 'Mark as promotional' }).click();
    await poll(() => takeTile.textContent()).toBe('2');
    await poll(() => item.getByTestId('post-label').textContent()).toBe('Promotional');
  });

  test('after two posts are marked promotional, their word flags the next post published on the site', async () => {
    await startWith(h, [
      ...likes(20),
      post('701', 'Greenhouse sessions tonight, Lola on bass'),
      { ...post('702', 'Another Greenhouse night, thank you all for coming'), at: noon(1) },
    ], SETTINGS);
    const popup = await h.openPage(POPUP);
    const items = popup.getByTestId('recent-posts').getByTestId('post');
    await poll(() => items.count()).toBe(2);
    for (const id of ['x:post:701', 'x:post:702']) {
      const item = popup.getByTestId('recent-posts').locator(`[data-id="${id}"]`);
      await item.getByRole('button', { name: 'Mark as promotional' }).click();
      await poll(() => item.getByTestId('post-label').textContent()).toBe('Promotional');
    }
    const page = await openX(h);
    const next = await publish(page, 'The Greenhouse is back on Friday night.');
    expect(next.promotional).toBe(true);
    expect(next.reasons).toContainEqual({ code: 'learned', detail: 'greenhouse' });
    const unrelated = await publish(page, 'Friday night, finally some rain.');
    expect(unrelated.promotional).toBe(false);
  });
});
