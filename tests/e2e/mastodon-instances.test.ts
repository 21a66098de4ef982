/**
 * Adding a Mastodon instance in the options page, as far as headless Chromium allows: the section lists
 * the shipped instances, refuses what is not a domain, says a shipped instance needs nothing, and the
 * manifest asks for no host at install beyond the sites' own (the wide pattern is optional only).
 *
 * Not covered here, honestly: answering the permission prompt. `permissions.request` from the click opens
 * a browser dialog that headless Chromium never shows or answers (the promise stays pending), and no flag
 * grants optional hosts. What happens after a grant (registration of both scripts, the background
 * accepting that host's pages) is tested against a stand-in in src/background/instances.test.ts.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, OPTIONS, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

describe('Mastodon instances in the options', () => {
  test('the section names the shipped instances, validates the domain and knows shipped ones', async () => {
    const page = await h.openPage(OPTIONS);
    const section = page.getByTestId('instances');
    await expect.poll(() => section.innerText()).toContain('mastodon.social');
    await page.getByTestId('instance-domain').fill('not a domain');
    await page.getByTestId('instance-add').click();
    await expect.poll(() => page.getByTestId('instance-status').innerText()).toContain('not a domain name');
    await page.getByTestId('instance-domain').fill('https://Fosstodon.org/home');
    await page.getByTestId('instance-add').click();
    await expect.poll(() => page.getByTestId('instance-status').innerText()).toBe('Give First already works on fosstodon.org.');
    await page.close();
  });

  test('nothing beyond the sites is granted at install, and no instance scripts are registered yet', async () => {
    const granted = await h.worker.evaluate(() => chrome.permissions.getAll());
    expect(granted.origins).not.toContain('https://*/*');
    expect(granted.permissions).toContain('scripting');
    const registered = await h.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(registered).toEqual([]);
    // The optional pattern is declared, so the options page may ask for one instance at a time.
    const manifest = await h.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.optional_host_permissions).toEqual(['https://*/*']);
  });
});
