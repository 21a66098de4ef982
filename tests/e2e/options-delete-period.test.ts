/**
 * Deleting a period of days from the options page, as the built extension in Chromium: only the chosen
 * days go (export and popup agree), the confirmation can be cancelled by keyboard, and a reversed period
 * is refused with nothing deleted.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { launch, noon, OPTIONS, POPUP, until, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.send({ type: 'deleteAll' });
  await h.send({ type: 'import', file: backup(DAYS) });
});

function backup(events: unknown[]) {
  return { format: 'give-first-export', version: 1, exportedAt: new Date().toISOString(), events, settings: {} };
}

/** `YYYY-MM-DD` of the local day `daysAgo` days before today, as a date input takes it. */
function day(daysAgo: number): string {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() - daysAgo);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The options page with the period from `from` to `to` days ago chosen in its date inputs. */
async function optionsWithPeriod(from: number, to: number): Promise<Page> {
  const options = await h.openPage(OPTIONS);
  await options.getByLabel('First day').fill(day(from));
  await options.getByLabel('Last day').fill(day(to));
  return options;
}

// One event a day over the past week and one older. The period deleted below is 4 to 2 days ago.
const DAYS = [
  { id: 'x:like:100', platform: 'x', kind: 'like', at: noon(0), target: { id: '100', author: 'alice' }, source: 'capture' },
  { id: 'x:reply:201', platform: 'x', kind: 'reply', at: noon(1), target: { id: '101', author: 'bob' }, text: 'Thanks, this helped me a lot with my tests', source: 'capture' },
  { id: 'x:follow:7', platform: 'x', kind: 'follow', at: noon(2), target: { id: '7', author: 'carol' }, source: 'capture' },
  { id: 'x:post:401', platform: 'x', kind: 'post', at: noon(3), text: 'Buy my course now', promotional: true, source: 'capture' },
  { id: 'x:like:300', platform: 'x', kind: 'like', at: noon(4), target: { id: '300', author: 'dave' }, source: 'capture' },
  { id: 'x:post:402', platform: 'x', kind: 'post', at: noon(5), text: 'What do you all think about testing?', promotional: false, source: 'capture' },
  { id: 'x:like:500', platform: 'x', kind: 'like', at: noon(9), target: { id: '500', author: 'erin' }, source: 'capture' },
];
const KEPT = ['x:like:500', 'x:post:402', 'x:reply:201', 'x:like:100'];

test('deleting a middle period removes only those days, and the export and the popup show it', async () => {
  const before = await h.exportData();
  expect(before.events).toHaveLength(DAYS.length);
  const popup = await h.openPage(POPUP);
  // give = like 1 + reply 3 + follow 1 + like 1 = 6; take = promo post 2 + post 1 = 3.
  const week = popup.locator('.totals').nth(1);
  await expect.poll(() => week.textContent()).toContain('Given 6');
  expect(await week.textContent()).toContain('Taken 3');

  const options = await optionsWithPeriod(4, 2);
  await options.getByRole('button', { name: 'Delete period' }).click();
  const dialog = options.getByRole('dialog');
  await expect.poll(() => dialog.getByRole('heading').textContent()).toBe(`Delete ${day(4)} to ${day(2)}?`);
  await dialog.getByRole('button', { name: 'Delete these days' }).click();
  await expect.poll(() => options.getByTestId('data-status').textContent()).toBe(`Deleted 3 events from ${day(4)} to ${day(2)}.`);

  const after = await h.exportData();
  expect(after.events.map((e) => e.id)).toEqual(KEPT);
  // The events left are exactly as they were.
  expect(after.events).toEqual(before.events.filter((e) => KEPT.includes(e.id)));
  // The open popup follows: give = like 1 + reply 3 = 4; take = post 1.
  await expect.poll(() => week.textContent()).toContain('Given 4');
  expect(await week.textContent()).toContain('Taken 1');
  await popup.close();
  await options.close();
});

test('the period confirmation can be cancelled by keyboard and keeps the data; confirming by keyboard deletes', async () => {
  const before = await h.exportData();
  const options = await optionsWithPeriod(5, 1);
  await options.getByRole('button', { name: 'Delete period' }).focus();
  await options.keyboard.press('Enter');
  await until(() => options.locator('dialog[open]').count());
  await options.keyboard.press('Escape');
  await until(async () => (await options.locator('dialog[open]').count()) === 0);
  expect(await h.exportData()).toEqual({ ...before, exportedAt: expect.any(String) });
  expect(await options.getByTestId('data-status').textContent()).toBe('');

  // Cancel has the focus when the dialog opens; Tab reaches the delete button.
  await options.getByRole('button', { name: 'Delete period' }).focus();
  await options.keyboard.press('Enter');
  await until(() => options.locator('dialog[open]').count());
  await options.keyboard.press('Tab');
  await options.keyboard.press('Enter');
  await expect.poll(() => options.getByTestId('data-status').textContent()).toBe(`Deleted 5 events from ${day(5)} to ${day(1)}.`);
  expect((await h.exportData()).events.map((e) => e.id)).toEqual(['x:like:500', 'x:like:100']);
  await options.close();
});

test('a reversed period is refused, on the page and by the background, and nothing is deleted', async () => {
  const before = await h.exportData();
  const options = await optionsWithPeriod(2, 4);
  await options.getByRole('button', { name: 'Delete period' }).click();
  await expect.poll(() => options.getByTestId('data-status').textContent()).toBe('Choose a first day on or before the last day. Nothing was deleted.');
  expect(await options.getByTestId('data-status').getAttribute('class')).toBe('error');
  expect(await options.locator('dialog[open]').count()).toBe(0);
  // A message that bypasses the page's own check is refused by the background.
  expect(await h.send({ type: 'deleteRange', from: day(2), to: day(4) })).toEqual({ ok: false, error: 'badMessage', detail: 'deleteRange: from is after to' });
  expect(await h.exportData()).toEqual({ ...before, exportedAt: expect.any(String) });
  await options.close();
});
