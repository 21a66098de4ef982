/**
 * Firefox end-to-end harness: Debian's firefox-esr driven over WebDriver BiDi by puppeteer-core, the
 * Firefox build (dist-firefox/) installed as a temporary add-on, replica pages served at their real
 * URLs by request interception. The Chromium harness (tests/e2e/harness.ts) routes with Playwright,
 * which cannot drive a stock Firefox; the replicas and fake APIs are the same.
 *
 * Three Firefox facts this relies on (checked with Firefox 153 ESR, puppeteer-core 24.43):
 * - Extension pages live at moz-extension://<uuid>/ with a uuid drawn per profile; the pref
 *   `extensions.webextensions.uuids` ({"<add-on id>": "<uuid>"}) fixes it before the add-on is installed.
 * - Since Firefox 153 WebDriver may navigate only to http(s), file, blob and about:blank unless the
 *   browser starts with `--remote-allow-system-access` (ghostery/ghostery-extension#3526).
 * - Navigating to a moz-extension:// page loads it, but puppeteer's page.goto() never resolves
 *   (puppeteer/puppeteer#14314, open): the harness starts the navigation and waits for the page itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { REPLICAS, ROOT, until, type ApiAnswer, type ExportedFile } from '../e2e/harness.ts';

/**
 * The Firefox build under test. GIVE_FIRST_FIREFOX_DIST points elsewhere (`vite build --mode firefox
 * --outDir /tmp/ff-mine`) so that a build in one checkout never empties a folder under a running browser.
 */
export const FIREFOX_DIST = process.env.GIVE_FIRST_FIREFOX_DIST
  ? resolve(process.env.GIVE_FIRST_FIREFOX_DIST)
  : join(ROOT, 'dist-firefox');

/** Any fixed uuid: the add-on's pages are then at moz-extension://<this>/. */
const EXTENSION_UUID = '5f1c0b9e-6a2d-4c3b-9e8f-0d1a2b3c4d5e';

export const POPUP = 'src/ui/popup/index.html';
export const OPTIONS = 'src/ui/options/index.html';

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Firefox not found. Install it with: sudo apt-get install -y firefox-esr (or set FIREFOX_PATH).');
  return found;
}

export interface FirefoxHarness {
  browser: Browser;
  /** The add-on id Firefox installed (the manifest's gecko id). */
  addonId: string;
  /** `moz-extension://<uuid>/<path>` */
  url(path: string): string;
  /** Opens an extension page (popup, options) in a tab and waits until it has loaded. */
  openPage(path: string): Promise<Page>;
  /** Sends a page-to-background message from an extension page and returns the reply. */
  send<T = unknown>(message: unknown): Promise<{ ok: boolean; value?: T; error?: string; detail?: string }>;
  /** Everything stored, through the extension's own export. */
  exportData(): Promise<ExportedFile>;
  close(): Promise<void>;
}

/** `browser.runtime` as an extension page sees it (Firefox has the promise-based namespace built in). */
declare const browser: { runtime: { sendMessage(message: unknown): Promise<unknown> } };

export async function launchFirefox(): Promise<FirefoxHarness> {
  const manifestPath = join(FIREFOX_DIST, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`${FIREFOX_DIST} has no manifest.json: run \`vite build --mode firefox\` first (or set GIVE_FIRST_FIREFOX_DIST).`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const geckoId = manifest.browser_specific_settings.gecko.id;

  const instance = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }) },
    protocolTimeout: 20_000,
  });
  const close = async (): Promise<void> => {
    // A browser that does not close within 10 s is killed, so that no test run leaves one behind.
    let timer: NodeJS.Timeout | undefined;
    const closed = await Promise.race([
      instance.close().then(() => true, () => false),
      new Promise<boolean>((r) => { timer = setTimeout(() => r(false), 10_000); }),
    ]);
    clearTimeout(timer);
    if (!closed) instance.process()?.kill('SIGKILL');
  };

  try {
    const addonId = await instance.installExtension(FIREFOX_DIST);
    const url = (path: string): string => `moz-extension://${EXTENSION_UUID}/${path}`;

    const openPage = async (path: string): Promise<Page> => {
      const page = await instance.newPage();
      page.setDefaultTimeout(10_000);
      const target = url(path);
      // goto() loads the page but never resolves for moz-extension:// (see the top of this file).
      page.goto(target, { timeout: 20_000 }).catch(() => undefined);
      await until(
        () => page.evaluate((t) => location.href === t && document.readyState === 'complete', target).catch(() => false),
        10_000, `${path} to load`,
      );
      return page;
    };

    let messenger: Page | undefined;
    const send: FirefoxHarness['send'] = async (message) => {
      if (!messenger || messenger.isClosed()) messenger = await openPage(OPTIONS);
      return messenger.evaluate((m) => browser.runtime.sendMessage(m), message as never) as never;
    };

    // The event page may still be starting when its first page opens; wait until it answers.
    await until(async () => {
      const reply = await send({ type: 'ping' }).catch(() => undefined);
      return reply?.ok && reply.value === 'pong';
    }, 15_000, 'the background to answer');

    return {
      browser: instance,
      addonId,
      url,
      openPage,
      send,
      async exportData() {
        const reply = await send<ExportedFile>({ type: 'export' });
        if (!reply.ok || !reply.value) throw new Error(`export failed: ${reply.error}`);
        return reply.value;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A site served to a page: `pages` maps a path (optionally with its query) to a file under tests/replicas/. */
export interface ReplicaSite {
  origin: string;
  pages: Record<string, string>;
  /** The fake API (e.g. FakeXApi.handle); undefined falls through to the pages, then 404. */
  api?: (request: { method: string; url: URL; body: string | null }) => ApiAnswer | undefined | Promise<ApiAnswer | undefined>;
}

/**
 * Serves replica sites to one page by request interception, like serveSite() in the Chromium harness:
 * the page loads https://x.com/home and the add-on's content scripts inject exactly as on the real site.
 * Any other request is refused, so nothing leaves the machine. Call before the page navigates.
 */
export async function serveSites(page: Page, sites: ReplicaSite[]): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    answer(request, sites).catch((error: unknown) => {
      // A request whose page has closed meanwhile is not an error.
      if (!/closed|no such|discarded|destroyed/i.test(String(error))) console.error('replica server:', error);
    });
  });
}

async function answer(request: HTTPRequest, sites: ReplicaSite[]): Promise<void> {
  const url = new URL(request.url());
  const site = sites.find((s) => s.origin === url.origin);
  if (!site) {
    await request.abort('blockedbyclient');
    return;
  }
  // Firefox sends no request body with the event; it is fetched separately (WebDriver BiDi network.getData).
  const body = request.hasPostData() ? ((await request.fetchPostData()) ?? null) : null;
  const reply = await site.api?.({ method: request.method(), url, body });
  if (reply) {
    await request.respond({
      status: reply.status,
      contentType: reply.contentType ?? 'application/json',
      body: typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body),
    });
    return;
  }
  const file = site.pages[url.pathname + url.search] ?? site.pages[url.pathname];
  if (file && request.method() === 'GET') {
    const contentType = file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8';
    await request.respond({ status: 200, contentType, body: readFileSync(join(REPLICAS, file), 'utf8') });
    return;
  }
  await request.respond({ status: 404, contentType: 'text/plain', body: 'not in replica' });
}
