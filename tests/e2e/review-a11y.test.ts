/** Accessibility of the weekly review page: no axe violations in light and dark, with data and empty; charts' tables reachable by keyboard. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { axeViolations } from './a11y.ts';
import { launch, noon, type Harness } from './harness.ts';

const REVIEW = 'src/ui/review/index.html';
let h: Harness;

beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

async function seed(): Promise<void> {
  const events = [];
  // Two to three weeks of mixed activity so that every section of the page is drawn.
  for (let day = 1; day <= 21; day++) {
    events.push({ id: `x:like:${day}`, platform: 'x', kind: 'like', at: noon(day), target: { id: `${day}`, author: `p${day % 4}` }, source: 'import' });
    if (day % 3 === 0) events.push({ id: `x:post:${day}`, platform: 'x', kind: 'post', at: noon(day), text: 'hi', promotional: day % 2 === 0, source: 'import' });
  }
  await h.send({ type: 'import', file: { format: 'give-first-export', version: 1, exportedAt: new Date().toISOString(), settings: {}, events } });
}

for (const scheme of ['light', 'dark'] as const) {
  test(`review (${scheme}) has no axe violations, empty and with data`, async () => {
    await h.send({ type: 'deleteAll' });
    const page = await h.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(h.url(REVIEW));
    await page.getByTestId('empty').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await seed();
    await page.reload();
    await page.getByTestId('day-chart').waitFor();
    // Open the table alternatives so that they are checked too.
    for (const summary of await page.locator('summary').all()) await summary.click();
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
}

test('the chart tables open by keyboard', async () => {
  await seed();
  const page = await h.openPage(REVIEW);
  await page.getByTestId('day-chart').waitFor();
  await page.locator('summary').first().focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('day-table').isVisible()).toBe(true);
  await page.close();
});
