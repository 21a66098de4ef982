/**
 * The popup and the options page as the built extension in Chromium: figures from stored events,
 * export → delete → import round trip through the page's own buttons, and refused imports.
 */
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { launch, noon, OPTIONS, POPUP, until, type Harness } from './harness.ts';

let h: Harness;
const dir = mkdtempSync(join(tmpdir(), 'give-first-files-'));
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());
beforeEach(async () => {
  await h.send({ type: 'deleteAll' });
  await h.context.newPage().then(async (p) => {
    await p.goto(h.url(OPTIONS));
    await p.evaluate(() => chrome.storage.local.remove('settings'));
    await p.close();
  });
});

function backup(events: unknown[], settings: unknown = {}) {
  return { format: 'give-first-export', version: 1, exportedAt: new Date().toISOString(), events, settings };
}

const WEEK = [
  { id: 'x:like:100', platform: 'x', kind: 'like', at: noon(0), target: { id: '100', author: 'alice', url: 'https://x.com/alice/status/100' }, source: 'capture' },
  { id: 'x:reply:201', platform: 'x', kind: 'reply', at: noon(1), target: { id: '101', author: 'bob' }, text: 'Thanks, this helped me a lot with my tests', source: 'capture' },
  { id: 'x:follow:7', platform: 'x', kind: 'follow', at: noon(2), target: { id: '7', author: 'carol' }, source: 'capture' },
  { id: 'x:like:300', platform: 'x', kind: 'like', at: noon(2), undoneAt: noon(1), target: { id: '300' }, source: 'capture' },
  { id: 'x:post:401', platform: 'x', kind: 'post', at: noon(3), text: 'Buy my course now', promotional: true, source: 'capture' },
  { id: 'x:post:402', platform: 'x', kind: 'post', at: noon(4), text: 'What do you all think about testing?', promotional: false, source: 'capture' },
  // Outside the 7-day window: counts for 30 days only.
  { id: 'x:post:403', platform: 'x', kind: 'post', at: noon(12), text: 'old', promotional: false, source: 'import' },
];

test('the popup shows the 7-day balance, what is owed and the per-site split', async () => {
  expect((await h.send({ type: 'import', file: backup(WEEK) })).ok).toBe(true);
  const popup = await h.openPage(POPUP);
  // give = like 1 + reply 3 + follow 1 = 5 (the undone like does not count); take = promo 2 + post 1 = 3.
  // Target 3 : 1 → 9 needed, 4 short, reply weight 3 → 2 replies owed.
  await expect.poll(() => popup.getByTestId('verdict').textContent()).toBe('2 more replies before your next post');
  const week = popup.locator('.totals').nth(1);
  await expect.poll(() => week.textContent()).toContain('Given 5');
  expect(await week.textContent()).toContain('Taken 3');
  expect(await week.textContent()).toContain('(1 promotional)');
  const today = popup.locator('.totals').first();
  expect(await today.textContent()).toContain('Given 1');
  expect(await today.textContent()).toContain('Taken 0');
  expect(await popup.getByTestId('site-x').textContent()).toBe('X53');
  expect(await popup.getByRole('img').getAttribute('aria-label')).toBe('Past 7 days: given 5, taken 3 (in points); your target is 3 to 1.');
  await popup.close();
});

test('the popup follows changes live and says when the balance is met', async () => {
  const popup = await h.openPage(POPUP);
  await expect.poll(() => popup.getByTestId('verdict').textContent()).toBe('Nothing recorded this week yet.');
  await h.send({ type: 'import', file: backup(WEEK.slice(0, 3)) });
  await expect.poll(() => popup.getByTestId('verdict').textContent()).toBe('Balanced — you have given enough to post.');
  await popup.close();
});

test('changing the target in options changes what the popup owes', async () => {
  await h.send({ type: 'import', file: backup(WEEK) });
  const options = await h.openPage(OPTIONS);
  await options.getByLabel('Preset').selectOption('reddit');
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(() => options.getByTestId('settings-status').textContent()).toBe('Saved.');
  const popup = await h.openPage(POPUP);
  // 9 × 3 = 27 needed, 22 short → 8 replies.
  await expect.poll(() => popup.getByTestId('verdict').textContent()).toBe('8 more replies before your next post');
  await popup.close();
  await options.close();
});

test('export, delete all and import round-trip losslessly through the options page', async () => {
  await h.send({ type: 'import', file: backup(WEEK, { handles: { x: ['me_here'] }, domains: ['example.com'] }) });
  const before = await h.exportData();
  const options = await h.openPage(OPTIONS);

  const [download] = await Promise.all([
    options.waitForEvent('download'),
    options.getByRole('button', { name: 'Export data (JSON)' }).click(),
  ]);
  const today = new Date();
  const ymd = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  expect(download.suggestedFilename()).toBe(`give-first-${ymd}.json`);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved.format).toBe('give-first-export');
  expect(saved.version).toBe(1);
  expect(saved.exportedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
  expect(saved.events).toHaveLength(WEEK.length);
  for (const event of saved.events) expect(event.at).toMatch(/[+-]\d{2}:\d{2}$/);

  await options.getByRole('button', { name: 'Delete all data' }).click();
  await options.getByRole('button', { name: 'Delete everything' }).click();
  await expect.poll(() => options.getByTestId('data-status').textContent()).toBe('All data deleted.');
  expect((await h.exportData()).events).toEqual([]);

  await options.getByTestId('import-input').setInputFiles(file);
  await expect.poll(() => options.getByTestId('data-status').textContent()).toBe(`Backup imported: ${WEEK.length} new events, 0 updated.`);
  const after = await h.exportData();
  expect(after.events).toEqual(before.events);
  // Importing the same file again changes nothing.
  await options.getByTestId('import-input').setInputFiles(file);
  await expect.poll(() => options.getByTestId('data-status').textContent()).toBe('Backup imported: 0 new events, 0 updated.');
  expect((await h.exportData()).events).toEqual(before.events);
  await options.close();
});

test('a malformed or foreign file is refused whole with a clear message, and nothing changes', async () => {
  await h.send({ type: 'import', file: backup(WEEK.slice(0, 2)) });
  const before = await h.exportData();
  const options = await h.openPage(OPTIONS);
  const cases: [string, string, string][] = [
    ['broken.json', '{"format": "give-first-export", "events": [', 'broken.json is not a JSON file.'],
    ['other.json', JSON.stringify({ tweets: [] }), 'Nothing was imported. This file is not a Give First backup.'],
    ['future.json', JSON.stringify({ ...backup([]), version: 9 }), 'Nothing was imported. This backup\'s format version is not supported (9).'],
    [
      'half-bad.json',
      JSON.stringify(backup([WEEK[2], { ...WEEK[4], kind: 'shout' }])),
      'Nothing was imported. An event in the file is invalid: #2 kind',
    ],
    [
      'hostile.json',
      JSON.stringify(backup([{ ...WEEK[0], id: 'x:like:999', target: { author: '<img src=x onerror=alert(1)>' }, extra: 1 }])),
      'Nothing was imported. An event in the file is invalid: #1 extra',
    ],
  ];
  for (const [name, content, message] of cases) {
    const path = join(dir, name);
    writeFileSync(path, content);
    await options.getByTestId('import-input').setInputFiles(path);
    await expect.poll(() => options.getByTestId('data-status').textContent()).toBe(message);
    expect(await options.getByTestId('data-status').getAttribute('class')).toBe('error');
  }
  expect((await h.exportData()).events).toEqual(before.events);
  await options.close();
});

test('the delete confirmation can be cancelled by keyboard and keeps the data', async () => {
  await h.send({ type: 'import', file: backup(WEEK.slice(0, 1)) });
  const options = await h.openPage(OPTIONS);
  await options.getByRole('button', { name: 'Delete all data' }).focus();
  await options.keyboard.press('Enter');
  await until(() => options.locator('dialog[open]').count());
  await options.keyboard.press('Escape');
  await until(async () => (await options.locator('dialog[open]').count()) === 0);
  expect((await h.exportData()).events).toHaveLength(1);
  await options.close();
});

test('own handles set in options make actions on own posts neutral', async () => {
  const mine = [
    { id: 'x:like:1', platform: 'x', kind: 'like', at: noon(0), target: { id: '1', author: 'Me_Here' }, source: 'capture' },
    { id: 'x:like:2', platform: 'x', kind: 'like', at: noon(0), target: { id: '2', author: 'someone' }, source: 'capture' },
  ];
  await h.send({ type: 'import', file: backup(mine) });
  const popup = await h.openPage(POPUP);
  await expect.poll(() => popup.locator('.totals').first().textContent()).toContain('Given 2');
  const options = await h.openPage(OPTIONS);
  await options.getByRole('textbox', { name: 'X', exact: true }).fill('@me_here');
  await options.getByRole('textbox', { name: 'X', exact: true }).blur();
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(() => popup.locator('.totals').first().textContent(), { timeout: 5000 }).toContain('Given 1');
  await popup.close();
  await options.close();
});

test('nudge settings: strength, quiet hours and a per-site switch are saved', async () => {
  const options = await h.openPage(OPTIONS);
  await options.getByLabel('Strength').selectOption('reflect');
  await options.getByLabel('Quiet hours (no nudge)').selectOption('on');
  await options.getByLabel('From').selectOption('21');
  await options.locator('input[name="nudge-site-x"]').uncheck();
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(() => options.getByTestId('settings-status').textContent()).toBe('Saved.');
  const settings = await h.storage<{ nudge: unknown }>('settings');
  expect(settings?.nudge).toEqual({ enabled: true, strength: 'reflect', quietHours: { from: 21, to: 7 }, disabledPlatforms: ['x'] });
  // Capture on X stays on: the two switches are separate.
  expect(await options.locator('input[name="site-x"]').isChecked()).toBe(true);
  await options.close();
});

test('hide numbers: the popup shows a band and no figures', async () => {
  await h.send({ type: 'import', file: backup(WEEK) });
  const options = await h.openPage(OPTIONS);
  await options.getByLabel(/Hide numbers/).check();
  await options.getByRole('button', { name: 'Save settings' }).click();
  await expect.poll(() => options.getByTestId('settings-status').textContent()).toBe('Saved.');
  const popup = await h.openPage(POPUP);
  // give 5, take 3, target 3: 5 ≥ 9 / 2, so "leaning take".
  await expect.poll(() => popup.getByTestId('verdict').textContent()).toBe('Leaning take. A few replies would balance it.');
  expect(await popup.getByRole('img').getAttribute('aria-label')).toBe('Leaning take');
  const text = (await popup.locator('main').textContent()) ?? '';
  expect(text).not.toMatch(/\d/);
  await popup.close();
  await options.close();
});

test('the toolbar badge shows the 7-day ratio, amber while owing and green once the target is met', async () => {
  await h.send({ type: 'import', file: backup(WEEK) });
  const badge = () => h.worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    color: await chrome.action.getBadgeBackgroundColor({}),
  }));
  // 5 given / 3 taken.
  await expect.poll(async () => (await badge()).text).toBe('1.7');
  expect((await badge()).color).toEqual([178, 106, 0, 255]);
  await h.send({ type: 'import', file: backup([
    { id: 'x:reply:901', platform: 'x', kind: 'reply', at: noon(0), target: { id: '9', author: 'zoe' }, source: 'import' },
    { id: 'x:reply:902', platform: 'x', kind: 'reply', at: noon(0), target: { id: '8', author: 'yan' }, source: 'import' },
  ]) });
  // 11 / 3 ≥ 3.
  await expect.poll(async () => (await badge()).text).toBe('3.7');
  expect((await badge()).color).toEqual([30, 123, 79, 255]);
});

test('every supported site is reachable after installation, so the popup has no site-access notice', async () => {
  const popup = await h.openPage(POPUP);
  await popup.getByTestId('recent-posts').waitFor();
  const origins = await popup.evaluate(async () => {
    const first = (chrome.runtime.getManifest().content_scripts ?? []).map((cs) => cs.matches?.[0]).filter((m): m is string => !!m);
    return Promise.all([...new Set(first)].map(async (origin) => [origin, await chrome.permissions.contains({ origins: [origin] })] as const));
  });
  expect(origins.length).toBeGreaterThan(5);
  expect(origins.filter(([, granted]) => !granted)).toEqual([]);
  expect(await popup.getByTestId('site-access').count()).toBe(0);
  await popup.close();
});
