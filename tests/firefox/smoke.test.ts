/**
 * Firefox smoke test (issue #7): the Firefox build in Debian's firefox-esr loads, a like on the X replica
 * goes through the replica's own FavoriteTweet request and is stored by the background, and the popup
 * renders it. The replica and its fake API are the Chromium suite's (tests/replicas/x/, tests/e2e/x-api.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { REPLICAS, until } from '../e2e/harness.ts';
import { FakeXApi, POSTS, X_URLS } from '../e2e/x-api.ts';
import { OPTIONS, POPUP, launchFirefox, serveSites, type FirefoxHarness } from './harness.ts';

let ff: FirefoxHarness;
const api = new FakeXApi();

beforeAll(async () => {
  ff = await launchFirefox();
});
afterAll(async () => ff?.close());

/** The client bundle the replica page names, served like X's own from its static host. */
const clientUrl = new URL(/<script src="(https:\/\/abs\.twimg\.com\/[^"]+\.js)"/.exec(readFileSync(join(REPLICAS, 'x/home.html'), 'utf8'))?.[1] ?? 'https://abs.twimg.com/missing.js');

test('the add-on loads in Firefox and its background answers', async () => {
  expect(ff.addonId).toBe('give-first@givefirst.extension');
  expect(await ff.browser.version()).toMatch(/^firefox\//);
  expect(await ff.send({ type: 'ping' })).toEqual({ ok: true, value: 'pong' });
  const exported = await ff.exportData();
  expect(exported.format).toBe('give-first-export');
  expect(exported.events).toEqual([]);
});

test('a like on the X replica is stored, and the popup shows it', async () => {
  const page = await ff.browser.newPage();
  page.setDefaultTimeout(10_000);
  await serveSites(page, [
    { origin: 'https://x.com', pages: { '/home': 'x/home.html' }, api: api.handle },
    { origin: clientUrl.origin, pages: { [clientUrl.pathname]: 'x/client.js' } },
  ]);
  await page.goto(X_URLS.home);
  await page.waitForFunction(() => document.readyState === 'complete');

  const post = `article:has(a[href$="/status/${POSTS.alice.id}"] time)`;
  await page.locator(`${post} [data-testid="like"]`).click();
  await page.waitForSelector(`${post} [data-testid="unlike"]`);
  // The replica sent X's own request and the fake API accepted it.
  expect(api.callsOf('FavoriteTweet')).toMatchObject([{ status: 200, refused: false, variables: { tweet_id: POSTS.alice.id } }]);

  const event = await until(
    async () => (await ff.exportData()).events.find((e) => e.id === `x:like:${POSTS.alice.id}`),
    10_000, 'the like to be stored',
  );
  expect(event).toMatchObject({
    platform: 'x', kind: 'like', source: 'capture',
    target: { id: POSTS.alice.id, author: 'alice', url: `https://x.com/alice/status/${POSTS.alice.id}` },
  });
  expect(event?.undoneAt).toBeUndefined();

  const popup = await ff.openPage(POPUP);
  await until(
    () => popup.$eval('.totals', (today) => /Given 1\b/.test(today.textContent ?? '')).catch(() => false),
    5_000, "the popup to show today's like",
  );
  expect(await popup.$eval('h1', (h) => h.textContent)).toBe('Give First');
  expect(await popup.$eval('svg.ring[role="img"]', (ring) => ring.getAttribute('aria-label'))).toMatch(/given 1, taken 0 \(in points\)/);
  expect(await popup.$eval('[data-testid="site-x"]', (row) => row.textContent)).toBe('X10');
});

test('what differs from Chromium works or says so: notifications and Mastodon instances are offered, and a site whose access is taken away is named in the popup', async () => {
  const options = await ff.openPage(OPTIONS);
  await options.waitForSelector('[data-testid="instances"]');
  // Firefox has the APIs these rely on, so the options offer them rather than a note.
  expect(await options.$('[data-testid="instance-add"]')).not.toBeNull();
  expect(await options.$('[data-testid="instances-unsupported"]')).toBeNull();
  expect(await options.$eval('input[name="review-notifications"]', (box) => (box as HTMLInputElement).disabled)).toBe(false);
  expect(await options.evaluate(() => typeof (globalThis as { browser?: { notifications?: { create?: unknown } } }).browser?.notifications?.create)).toBe('function');

  // All sites are reachable after installation: the popup says nothing about access.
  let popup = await ff.openPage(POPUP);
  await popup.waitForSelector('[data-testid="recent-posts"]');
  expect(await popup.$('[data-testid="site-access"]')).toBeNull();
  await popup.close();

  // Firefox lets the user take an add-on's access to a site away (about:addons → Permissions); the
  // extension can do the same to itself, which is how the test does it.
  const removed = await options.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.remove({ origins: ['https://x.com/*'] }));
  expect(removed).toBe(true);
  popup = await ff.openPage(POPUP);
  await popup.waitForSelector('[data-testid="site-access"]', { timeout: 5_000 });
  expect(await popup.$eval('[data-testid="site-access"]', (n) => n.textContent)).toContain('x.com');
  expect(await popup.$eval('[data-testid="site-access"] button', (b) => b.textContent)).toBe('Allow access');
  await popup.close();
  await options.close();
});
