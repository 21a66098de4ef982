/**
 * Accessibility of the extension's own pages in Chromium: axe-core finds no violations in light and
 * dark, and everything can be done by keyboard.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './a11y.ts';
import { launch, OPTIONS, POPUP, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await launch();
  const at = new Date();
  at.setHours(12, 0, 0, 0);
  // Some data, so the popup draws its ring, totals, per-site table and health list.
  await h.send({
    type: 'import',
    file: {
      format: 'give-first-export', version: 1, exportedAt: at.toISOString(), settings: {},
      events: [
        { id: 'x:like:1', platform: 'x', kind: 'like', at: at.toISOString(), target: { id: '1', author: 'alice' }, source: 'import' },
        { id: 'x:post:2', platform: 'x', kind: 'post', at: at.toISOString(), text: 'hello', promotional: false, source: 'import' },
      ],
    },
  });
});
afterAll(async () => h?.close());

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, path] of [['popup', POPUP], ['options', OPTIONS]] as const) {
    test(`${name} (${scheme}) has no axe violations`, async () => {
      const page = await h.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(h.url(path));
      await page.locator('main').waitFor();
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    });
  }
}

test('options: every control is reachable by Tab and shows a visible focus ring', async () => {
  const page = await h.openPage(OPTIONS);
  await page.locator('main').waitFor();
  // The delete confirmation's buttons live in a closed <dialog> and are rightly out of the tab order.
  const controls = await page.locator(':is(input:not([disabled]), select:not([disabled]), textarea, button):not(dialog *)').count();
  // Chromium stops on each field of a date input (day, month, year): two more Tabs per date input.
  const dateFields = 2 * (await page.locator('input[type="date"]:not(dialog *)').count());
  const seen = new Set<string>();
  for (let i = 0; i < controls + dateFields + 5; i++) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { key: `${el.tagName}:${el.getAttribute('name') ?? el.textContent?.trim().slice(0, 30)}`, outline: style.outlineStyle };
    });
    if (!info) continue;
    seen.add(info.key);
    expect(info.outline, `focus ring on ${info.key}`).not.toBe('none');
  }
  expect(seen.size).toBeGreaterThanOrEqual(controls - 1);
  await page.close();
});
