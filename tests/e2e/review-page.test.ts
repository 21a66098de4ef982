/**
 * The weekly review in Chromium: eight weeks of imported events, the figures, people, chart and its
 * table, the reflection feeding the popup's target, the CSV export, the empty first week, and the
 * notification at the week start.
 *
 * The clock: the background's alarm handler reads Date.now(), so instead of a test-only code path the
 * test (1) checks the alarm is scheduled at the next local week start, and (2) fires it now by creating
 * the same alarm with a `when` in the past from the worker (unpacked extensions have no minimum delay).
 */
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { launch, OPTIONS, POPUP, until, type Harness } from './harness.ts';

const REVIEW = 'src/ui/review/index.html';
const ALARM = 'give-first-weekly-review';
let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'give-first-review-'));

beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.send({ type: 'deleteAll' });
  const p = await h.openPage(OPTIONS);
  await p.evaluate(() => chrome.storage.local.remove('settings'));
  await p.close();
});

/** Monday (local) of the week containing today, as a Date at local midnight. */
function thisMonday(): Date {
  const d = new Date();
  d.setHours(0, 0, 0, 0);
  d.setDate(d.getDate() - ((d.getDay() + 6) % 7));
  return d;
}
/** Local time on day `day` (0 = Monday) of the week `weeksAgo` weeks before this one. */
function at(weeksAgo: number, day: number, hour = 12, minute = 0): Date {
  const d = thisMonday();
  d.setDate(d.getDate() - 7 * weeksAgo + day);
  d.setHours(hour, minute, 0, 0);
  return d;
}
function key(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

let n = 0;
function e(kind: string, when: Date, extra: Record<string, unknown> = {}) {
  n++;
  return { id: `x:${kind}:${n}`, platform: 'x', kind, at: when.toISOString(), source: 'capture', ...extra };
}
const author = (name: string) => ({ target: { id: `${n + 1}`, author: name, url: `https://x.com/${name}/status/${n + 1}` } });

function eightWeeks() {
  const events = [
    // Last week (the review's default): give 1 + 1 + 3 + 2 + 1 = 8, take 2 (promotional) + 1 = 3.
    e('like', at(1, 0, 12), author('alice')),
    e('like', at(1, 0, 13), author('alice')),
    e('reply', at(1, 0, 14), { ...author('bob'), text: '=HYPERLINK("http://evil.example")', source: 'import' }),
    e('repost', at(1, 1), author('carol')),
    e('follow', at(1, 1, 15), { target: { id: '77', author: 'dave' } }),
    e('post', at(1, 2), { text: 'Buy my course', promotional: true }),
    e('post', at(1, 3), { text: 'Morning, all', promotional: false }),
    e('like', at(1, 4), { ...author('zoe'), undoneAt: at(1, 4, 13).toISOString() }),
    // The week before: give 2, take 1.
    e('like', at(2, 0), author('alice')),
    e('like', at(2, 2), author('erin')),
    e('post', at(2, 3), { promotional: false }),
  ];
  // Six more weeks of steady activity.
  for (let w = 3; w <= 8; w++) {
    events.push(e('reply', at(w, 1), author('frank')), e('post', at(w, 2), { promotional: w % 2 === 0 }));
  }
  return { format: 'give-first-export', version: 1, exportedAt: new Date().toISOString(), events, settings: {} };
}

/** Adds nudge log lines as the background does (the only way to write them is from a site's content script). */
async function addNudges(lines: { at: number; outcome: string }[]): Promise<void> {
  await h.worker.evaluate(async (items) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('give-first');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const tx = db.transaction('nudges', 'readwrite');
    for (const item of items) tx.objectStore('nudges').add({ platform: 'x', variant: 'full', ...item });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, lines);
}

test('the review shows last week against the week before, people, the chart and its table; the reflection sets the target', async () => {
  const lastWeek = key(at(1, 0));
  expect((await h.send({ type: 'import', file: eightWeeks() })).ok).toBe(true);
  // A nudge shown 5 minutes before Monday's first like (heeded), one posted anyway.
  await addNudges([
    { at: at(1, 0, 11, 55).getTime(), outcome: 'shown' },
    { at: at(1, 2, 11, 59).getTime(), outcome: 'shown' },
    { at: at(1, 2, 11, 59).getTime() + 1000, outcome: 'postedAnyway' },
  ]);
  const page = await h.openPage(REVIEW);
  await page.waitForFunction(() => performance.getEntriesByName('give-first-review-rendered').length > 0);

  const tile = (id: string) => page.getByTestId(id);
  await expect.poll(() => tile('give').locator('.figure').textContent()).toBe('8');
  expect(await tile('take').locator('.figure').textContent()).toBe('3');
  expect(await tile('ratio').locator('.figure').textContent()).toBe('2.7 : 1');
  expect(await tile('give').textContent()).toContain('Last week: 2');
  expect(await tile('give').textContent()).toContain('Up on last week');
  expect(await tile('ratio').textContent()).toContain('Last week: 2 : 1');

  // People: alice twice, with a link to her profile; erin (the week before) hasn't heard from us.
  const people = page.getByTestId('people');
  const first = people.locator('tbody tr').first();
  expect(await first.textContent()).toBe('@aliceX2');
  expect(await first.getByRole('link').getAttribute('href')).toBe('https://x.com/alice');
  expect(await people.locator('tbody tr').count()).toBe(4);
  expect(await page.getByTestId('lapsed').textContent()).toContain('@erin');
  expect(await page.getByTestId('lapsed').textContent()).toContain('@frank');
  expect(await page.getByTestId('lapsed').textContent()).not.toContain('@alice');

  // Promotional share and the nudge.
  expect(await page.getByTestId('promo').textContent()).toContain('50% of your posts were promotional (1 of 2)');
  const nudge = await page.getByTestId('nudge').textContent();
  expect(nudge).toContain('Shown2');
  expect(nudge).toContain('Heeded (gave within 15 min)1');
  expect(nudge).toContain('Posted anyway1');

  // The chart draws stacked bars; its table alternative has the same figures.
  const chart = page.getByTestId('day-chart');
  expect(await chart.getAttribute('aria-label')).toContain('8 give points and 3 take points');
  expect(await chart.locator('rect').count()).toBe(6);
  const table = page.getByTestId('day-table');
  expect(await table.isVisible()).toBe(false);
  await page.getByText('Show as a table').first().click();
  await expect.poll(() => table.isVisible()).toBe(true);
  const monday = await table.locator('tbody tr').first().locator('td').allTextContents();
  // likes, replies, reposts, follows, posts, promo, give, take
  expect(monday).toEqual(['2', '1', '0', '0', '0', '0', '5', '0']);
  // The 12-week trend lists last week with its ratio.
  expect(await page.getByTestId('trend-table').locator('tbody tr').count()).toBe(12);

  // The reflection: answer, intention, adjust the suggested target, save.
  const form = page.getByTestId('reflection');
  await form.getByLabel('Somewhat').check();
  await form.getByLabel('Your intention for next week, in your own words').fill('Reply before I post');
  const target = form.getByLabel("Next week's target (give : take)");
  expect(await target.inputValue()).toBe('3');
  await target.fill('4');
  await form.getByRole('button', { name: 'Save reflection' }).click();
  await expect.poll(() => page.getByTestId('reflection-status').textContent()).toBe('Saved. Your target is now 4 : 1.');
  expect((await h.storage<{ target: number }>('settings'))?.target).toBe(4);

  const popup = await h.openPage(POPUP);
  await expect.poll(() => popup.locator('.target').textContent()).toBe('Your target: 4 : 1 over 7 days');
  expect(await popup.getByRole('link', { name: 'Weekly review' }).getAttribute('href')).toContain(REVIEW);
  await popup.close();

  // Reopened, the reflection is kept; the current week shows it beside its (partial) result.
  await page.reload();
  await expect.poll(() => page.getByTestId('reflection').getByLabel('Somewhat').isChecked()).toBe(true);
  await page.getByRole('button', { name: 'Next week →' }).click();
  await expect.poll(() => page.getByTestId('previous-reflection').textContent()).toContain('Reply before I post');
  expect(await page.getByTestId('partial').isVisible()).toBe(true);
  expect(page.url()).toContain(`?week=${key(at(0, 0))}`);
  // Opening a past week from the trend table.
  await page.getByRole('button', { name: '← Previous week' }).click();
  await expect.poll(() => page.url()).toContain(`?week=${lastWeek}`);
  await page.close();
});

test('the week exports as CSV, one row per event, with offsets and defused formulas', async () => {
  await h.send({ type: 'import', file: eightWeeks() });
  const page = await h.openPage(REVIEW);
  await expect.poll(() => page.getByTestId('give').locator('.figure').textContent()).toBe('8');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(download.suggestedFilename()).toBe(`give-first-week-${key(at(1, 0))}.csv`);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const lines = readFileSync(file, 'utf8').split('\r\n');
  expect(lines[0]).toBe('time,platform,action,author,url,target_id,promotional,source,undone_at,text');
  // 8 events of last week (the undone like too, with its undo time) and a final line break.
  expect(lines).toHaveLength(10);
  expect(lines[1]).toMatch(/^\d{4}-\d{2}-\d{2}T12:00:00\.000[+-]\d{2}:\d{2},x,like,alice,/);
  expect(lines.find((l) => l.includes(',reply,'))).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  await page.close();
});

test('hide-numbers mode shows bands instead of figures', async () => {
  await h.send({ type: 'import', file: eightWeeks() });
  const options = await h.openPage(OPTIONS);
  await options.evaluate(async () => {
    const { settings } = await chrome.storage.local.get('settings');
    await chrome.storage.local.set({ settings: { ...(settings as object), hideNumbers: true } });
  });
  await options.close();
  const page = await h.openPage(REVIEW);
  // Give 8 against take 3 × target 3: more than halfway, so "leaning take"; the week before (2 vs 3) too.
  const tile = page.getByTestId('band');
  await expect.poll(() => tile.locator('.figure').textContent()).toBe('Leaning take');
  expect(await tile.textContent()).toContain('Last week: Leaning take');
  expect(await page.getByTestId('give').count()).toBe(0);
  expect(await page.getByTestId('people').locator('thead th').count()).toBe(2);
  expect(await page.getByTestId('promo').textContent()).not.toMatch(/\d/);
  expect(await page.getByTestId('day-chart').getAttribute('aria-label')).not.toMatch(/\d/);
  const monday = page.getByTestId('day-table').locator('tbody tr').first();
  expect(await monday.locator('td').allTextContents()).toEqual(['Balanced']);
  expect(await page.getByTestId('trend-table').locator('tbody td').allTextContents()).not.toContainEqual(expect.stringMatching(/\d/));
  await page.close();
});

test('the keyboard shortcut Alt+Shift+V opens the review (bound on install)', async () => {
  // Alt+Shift+R, the first choice, is not bound by Chromium on Linux (nor Alt+Shift+W): it reports an
  // empty shortcut for them, so the manifest suggests Alt+Shift+V. Users can change it at
  // chrome://extensions/shortcuts.
  const commands = await h.worker.evaluate(() => chrome.commands.getAll());
  expect(commands.find((c) => c.name === 'open-review')).toMatchObject({ shortcut: 'Alt+Shift+V', description: 'Open the weekly review' });
});

test('an empty history gets a friendly first week', async () => {
  const page = await h.openPage(REVIEW);
  await expect.poll(() => page.getByTestId('empty').textContent()).toContain('Your first week');
  expect(await page.getByTestId('reflection').isVisible()).toBe(true);
  await page.close();
});

test('the review notification: scheduled at the next week start, shown when last week had activity, not when off or empty', async () => {
  const notifications = () => h.worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
  const fire = () => h.worker.evaluate((name) => chrome.alarms.create(name, { when: Date.now() - 1000 }), ALARM);
  const nextMonday = at(-1, 0, 0).getTime();
  await until(async () => (await h.worker.evaluate((name) => chrome.alarms.get(name), ALARM))?.scheduledTime === nextMonday, 10_000, 'alarm at next week start');

  // Empty history: the alarm fires, nothing is shown, the next alarm is set.
  await fire();
  await until(async () => (await h.worker.evaluate((name) => chrome.alarms.get(name), ALARM))?.scheduledTime === nextMonday, 10_000, 'rescheduled');
  expect(await notifications()).toEqual([]);

  await h.send({ type: 'import', file: eightWeeks() });
  await fire();
  const id = `give-first-review:${key(at(1, 0))}`;
  await until(async () => (await notifications()).includes(id), 10_000, 'notification');
  await h.worker.evaluate((i) => chrome.notifications.clear(i), id);

  // Switched off in the options page: no notification.
  const options = await h.openPage(OPTIONS);
  await options.getByLabel('Notify me when the weekly review is ready').uncheck();
  expect(await options.getByLabel('Week starts on').inputValue()).toBe('1');
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(() => h.storage<{ reviewNotifications: boolean }>('settings').then((s) => s?.reviewNotifications)).toBe(false);
  await options.close();
  await fire();
  await until(async () => (await h.worker.evaluate((name) => chrome.alarms.get(name), ALARM))?.scheduledTime === nextMonday, 10_000, 'rescheduled');
  await new Promise((r) => setTimeout(r, 500));
  expect(await notifications()).toEqual([]);
});
