/**
 * The nudge before posting on the Mastodon web UI replica (mastodon.social): an original post below
 * target is held back with the card and "Post anyway" publishes; a reply (the form shows
 * `.reply-indicator`) is never nudged.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { closeSitePages, launch, noon, until, type Harness } from './harness.ts';
import { clickCardButton, readCard } from './nudge-card.ts';
import { FakeMastodon, MASTO_URLS, STATUSES, openMastodon, serveMastodon, status, waitForMastoEvent } from './mastodon-api.ts';

let h: Harness;
const api = new FakeMastodon();

beforeAll(async () => {
  h = await launch();
  await serveMastodon(h.context, api);
});
afterAll(async () => h?.close());

const LOW = [
  { id: 'mastodon:post:1', platform: 'mastodon', kind: 'post', at: noon(1), text: 'one', promotional: false, source: 'import' },
  { id: 'mastodon:post:2', platform: 'mastodon', kind: 'post', at: noon(2), text: 'two', promotional: false, source: 'import' },
];

beforeEach(async () => {
  api.reset();
  await h.send({ type: 'deleteAll' });
  const reply = await h.send({ type: 'import', file: { format: 'give-first-export', version: 1, exportedAt: new Date().toISOString(), events: LOW, settings: {} } });
  expect(reply.ok).toBe(true);
  await closeSitePages(h);
});

describe('the nudge on Mastodon', () => {
  test('an original post is held back with the card; "Post anyway" publishes it', async () => {
    const page = await openMastodon(h);
    await page.locator('textarea').fill('My launch is live');
    await page.locator('.compose-form__submit button').click();
    const card = await until(() => readCard(page), 5000, 'the nudge card');
    expect(card?.buttons.map((b) => b.label)).toContain('Post anyway');
    expect(api.callsTo('statuses')).toHaveLength(0);
    expect(await page.locator('textarea').inputValue()).toBe('My launch is live');
    await clickCardButton(page, 'Post anyway');
    await waitForMastoEvent(h, (e) => e.kind === 'post' && e.text === 'My launch is live', 'the post');
  });

  test('Ctrl+Enter on an original post is held back too', async () => {
    const page = await openMastodon(h, MASTO_URLS.es);
    await page.locator('textarea').fill('Otra cosa');
    await page.locator('textarea').press('Control+Enter');
    await until(() => readCard(page), 5000, 'the nudge card');
    expect(api.callsTo('statuses')).toHaveLength(0);
  });

  test('a reply is not nudged', async () => {
    const page = await openMastodon(h);
    await status(page, STATUSES.alice).locator('.reply').click();
    await page.keyboard.type('Nice one');
    await page.locator('.compose-form__submit button').click();
    await expect.poll(() => api.callsTo('statuses').length, { timeout: 10_000 }).toBe(1);
    expect(await readCard(page)).toBeNull();
  });
});
