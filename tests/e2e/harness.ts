/**
 * End-to-end harness: launches Debian's Chromium with the built extension (dist/) loaded, serves the
 * replica pages of each site at the site's real URL by routing, and gives tests a way to talk to the
 * extension as its own pages do.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { HEALTH_DELAY_MS } from '../../src/content/timing.ts';
import type { Snapshot } from '../../src/shared/snapshot.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
/**
 * The built extension under test. GIVE_FIRST_DIST points elsewhere (e.g. `vite build --outDir
 * /tmp/dist-mine`) so that several people can build and test in one checkout without a build emptying
 * dist/ under another's running browser.
 */
export const DIST = process.env.GIVE_FIRST_DIST ? resolve(process.env.GIVE_FIRST_DIST) : join(ROOT, 'dist');
export const REPLICAS = join(ROOT, 'tests', 'replicas');

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('Chromium not found. Install it with: sudo apt-get install -y chromium (or set CHROMIUM_PATH).');
  return found;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Extra Chromium flags. */
  args?: string[];
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** `chrome-extension://<id>/<path>` */
  url(path: string): string;
  /** Opens an extension page (popup, options) in a tab. */
  openPage(path: string): Promise<Page>;
  /** Sends a page-to-background message from an extension page and returns the reply. */
  send<T = unknown>(message: unknown): Promise<{ ok: boolean; value?: T; error?: string; detail?: string }>;
  /** Everything stored, through the extension's own export. */
  exportData(): Promise<ExportedFile>;
  /** Reads a key of the extension's storage.local. */
  storage<T = unknown>(key: string): Promise<T | undefined>;
  close(): Promise<void>;
}

export interface ExportedEvent {
  id: string;
  platform: string;
  kind: string;
  at: string;
  target?: { id?: string; url?: string; author?: string };
  text?: string;
  promotional?: boolean;
  reasons?: { code: string; detail: string }[];
  labelledBy?: 'user';
  generic?: boolean;
  source: string;
  undoneAt?: string;
}
export interface ExportedFile {
  format: string;
  version: number;
  exportedAt: string;
  events: ExportedEvent[];
  settings: Record<string, unknown>;
}

export const POPUP = 'src/ui/popup/index.html';
export const OPTIONS = 'src/ui/options/index.html';

export async function launch(options: LaunchOptions = {}): Promise<Harness> {
  if (!existsSync(join(DIST, 'manifest.json'))) throw new Error('dist/ is missing: run `npm run build` first.');
  const profile = mkdtempSync(join(tmpdir(), 'give-first-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
      '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
      ...(options.args ?? []),
    ],
  });
  // Nothing may leave the machine: any request not routed to a replica is refused.
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  // The serviceworker event fires before the background module has finished evaluating
  // (toolchain.md); wait until its message listener is registered.
  const deadline = Date.now() + 20_000;
  while (!(await worker.evaluate(() => chrome.runtime.onMessage.hasListeners()).catch(() => false))) {
    if (Date.now() > deadline) throw new Error('background did not become ready');
    await new Promise((r) => setTimeout(r, 50));
  }
  const extensionId = new URL(worker.url()).host;
  const url = (path: string): string => `chrome-extension://${extensionId}/${path}`;
  let messenger: Page | undefined;
  const messengerPage = async (): Promise<Page> => {
    if (!messenger || messenger.isClosed()) {
      messenger = await context.newPage();
      await messenger.goto(url(OPTIONS));
    }
    return messenger;
  };

  const harness: Harness = {
    context,
    extensionId,
    worker,
    url,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(url(path));
      return page;
    },
    async send(message) {
      const page = await messengerPage();
      return page.evaluate((m) => chrome.runtime.sendMessage(m), message);
    },
    async exportData() {
      const reply = await harness.send<ExportedFile>({ type: 'export' });
      if (!reply.ok || !reply.value) throw new Error(`export failed: ${reply.error}`);
      return reply.value;
    },
    async storage(key) {
      return worker.evaluate(async (k) => (await chrome.storage.local.get(k))[k], key) as never;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
  return harness;
}

/** A reply from a replica's fake API. */
export interface ApiAnswer {
  status: number;
  body: unknown;
  contentType?: string;
}

/**
 * Serves a replica folder at a site's origin: `https://x.com/home` → tests/replicas/x/home.html, and so
 * on per the `pages` map. A key may carry a query string (`/home?variant=es`); it is tried before the bare
 * path, so variants of one page can live at one origin. `.js` files are served as JavaScript (a replica's
 * client bundle). API calls are answered by `api` (return undefined to fall through to 404); it may
 * answer asynchronously, e.g. to add latency so that requests overlap as on the real network.
 */
export async function serveSite(
  context: BrowserContext,
  origin: string,
  pages: Record<string, string | (() => string)>,
  api?: (request: { method: string; url: URL; body: string | null }) => ApiAnswer | undefined | Promise<ApiAnswer | undefined>,
): Promise<void> {
  const escaped = origin.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  await context.route(new RegExp(`^${escaped}/`), async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const answer = await api?.({ method: request.method(), url, body: request.postData() });
    if (answer) {
      // A slow answer may outlive its page (closed at the end of a test); that is not an error.
      await route.fulfill({
        status: answer.status,
        contentType: answer.contentType ?? 'application/json',
        body: typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body),
      }).catch((error: unknown) => {
        if (!/closed/i.test(String(error))) throw error;
      });
      return;
    }
    const file = pages[url.pathname + url.search] ?? pages[url.pathname];
    if (file && request.method() === 'GET') {
      // A function renders a page from a template (one replica, several variants: tests/replicas/facebook/home.ts).
      if (typeof file === 'function') {
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: file() });
        return;
      }
      const contentType = file.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/html; charset=utf-8';
      await route.fulfill({ status: 200, contentType, body: readFileSync(join(REPLICAS, file), 'utf8') });
      return;
    }
    await route.fulfill({ status: 404, contentType: 'text/plain', body: 'not in replica' });
  });
}

/**
 * Starts a test from a known state: no data, the given settings (or the defaults), then `events`
 * imported as a backup (times ISO-8601, as in the export format).
 */
export async function startWith(h: Harness, events: unknown[], settings?: Record<string, unknown>): Promise<void> {
  await h.send({ type: 'deleteAll' });
  await h.worker.evaluate(
    (s) => (s ? chrome.storage.local.set({ settings: s }) : chrome.storage.local.remove('settings')),
    settings ?? null,
  );
  const reply = await h.send({
    type: 'import', file: { format: 'give-first-export', version: 1, exportedAt: new Date().toISOString(), events, settings: {} },
  });
  if (!reply.ok) throw new Error(`could not import the test's events: ${reply.error} ${reply.detail ?? ''}`);
}

/**
 * Closes the site pages a test opened; extension pages stay. A page that does not close within 5 s is
 * left for the context to close at the end: once in a full run, closing a Reddit replica page right
 * after its form navigation never settled, and an unbounded wait hung every later test of the file.
 */
export async function closeSitePages(h: Harness): Promise<void> {
  const sitePages = h.context.pages().filter((page) => page.url().startsWith('https://'));
  await Promise.all(sitePages.map((page) => Promise.race([
    page.close().catch(() => undefined),
    new Promise<void>((resolve) => setTimeout(resolve, 5000)),
  ])));
}

/**
 * What the stateful fakes of a site's API share (written once here after the Facebook fake had copied it
 * from the LinkedIn and X ones): calls recorded in arrival order, failures queued per operation, an
 * optional random latency so that requests overlap as on the real network, and a wait until no call is
 * waiting for its answer.
 */
export class RecordingFake<Call extends { op: string }, Failure> {
  readonly calls: Call[] = [];
  /** Each answer is held back a random time in [min, max] ms; [0, 0] answers at once. */
  latency: [number, number] = [0, 0];
  private failures = new Map<string, Failure[]>();
  private inFlight = 0;

  /** `name` is how a timeout in `idle` names the fake. */
  constructor(private readonly name: string) {}

  reset(): void {
    this.calls.length = 0;
    this.failures.clear();
    this.latency = [0, 0];
  }

  /** Makes the next `times` calls of `op` fail in this way. */
  fail(op: string, mode: Failure, times = 1): void {
    this.failures.set(op, [...(this.failures.get(op) ?? []), ...Array<Failure>(times).fill(mode)]);
  }

  /** Calls of one operation, in arrival order. */
  callsOf(op: string): Call[] {
    return this.calls.filter((c) => c.op === op);
  }

  /** Resolves once no call is waiting for its answer. */
  async idle(timeoutMs = 10_000): Promise<void> {
    await until(() => this.inFlight === 0, timeoutMs, `the ${this.name} to answer every call`);
  }

  /** The failure queued for the next call of `op`, taken off the queue. */
  protected nextFailure(op: string): Failure | undefined {
    return this.failures.get(op)?.shift();
  }

  /** Answers one call (counted in flight until its latency has passed). */
  protected async answering<T>(answer: () => T): Promise<T> {
    this.inFlight++;
    try {
      const result = answer();
      const [min, max] = this.latency;
      if (max > 0) await new Promise((resolve) => setTimeout(resolve, min + Math.random() * (max - min)));
      return result;
    } finally {
      this.inFlight--;
    }
  }
}

/** A site's fake server, as the site tests use it: forgets its calls and failures between tests. */
export interface SiteFake {
  reset(): void;
}

/**
 * The set-up most site test files share, registered on the file's hooks: one Chromium with the built
 * extension for the whole file, the site served by `serve`; before each test every fake reset and, unless
 * `deleteAll: false` (files that import their own data, or keep it across tests), every stored event
 * deleted; after each test the site's tabs closed. Written once here because it had been copied into
 * each new test file. The harness returned stands for the one `beforeAll` launches, so a file keeps
 * writing `h.send(…)`; using it before then throws.
 */
export function useSite(serve: (context: BrowserContext) => Promise<void>, fakes: SiteFake[], options: { deleteAll?: boolean } = {}): Harness {
  let current: Harness | undefined;
  beforeAll(async () => {
    current = await launch();
    await serve(current.context);
  });
  afterAll(async () => current?.close());
  beforeEach(async () => {
    for (const fake of fakes) fake.reset();
    if (options.deleteAll !== false) expect(await launched().send({ type: 'deleteAll' })).toMatchObject({ ok: true });
  });
  afterEach(async () => {
    if (current) await closeSitePages(current);
  });
  const launched = (): Harness => {
    if (!current) throw new Error('the harness is used before beforeAll launched the browser');
    return current;
  };
  return new Proxy({} as Harness, {
    get(_, key) {
      const harness = launched();
      const value: unknown = Reflect.get(harness, key, harness);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(harness) : value;
    },
  });
}

/** Every stored event, through the extension's export. */
export async function storedEvents(h: Harness): Promise<ExportedEvent[]> {
  return (await h.exportData()).events;
}

/** Waits for the stored event with this id that `accept` accepts (e.g. undone, or with a text). */
export async function waitForEvent(h: Harness, id: string, accept: (e: ExportedEvent) => boolean = () => true): Promise<ExportedEvent> {
  return (await until(async () => (await storedEvents(h)).find((e) => e.id === id && accept(e)), 10_000, `event ${id}`)) as ExportedEvent;
}

/**
 * How many actions of one platform and kind the balance counts (all days, any flag), from the snapshot
 * the popup reads: an undone action must leave it, not only be marked.
 */
export async function balanceCount(h: Harness, platform: string, kind: string): Promise<number> {
  const snap = await h.storage<Snapshot>('snapshot');
  let n = 0;
  for (const day of snap?.tallies ?? []) {
    for (const [key, count] of Object.entries(day.counts)) if (key.startsWith(`${platform}|${kind}|`)) n += count ?? 0;
  }
  return n;
}

/** Long enough for a page's delayed health check (HEALTH_DELAY_MS after load) plus an idle callback (its timeout is 2 s) and the write. */
export const HEALTH_WAIT_MS = HEALTH_DELAY_MS + 6_000;

/** Waits (up to HEALTH_WAIT_MS) for the snapshot the background publishes in storage.local to satisfy `accept`. */
export async function waitForSnapshot(h: Harness, accept: (s: Snapshot) => boolean, what: string): Promise<Snapshot> {
  return (await until(async () => {
    const snap = await h.storage<Snapshot>('snapshot');
    return snap && accept(snap) ? snap : undefined;
  }, HEALTH_WAIT_MS, what)) as Snapshot;
}

/** Waits until the balance counts `n` actions of this platform and kind. */
export async function waitBalanceCount(h: Harness, platform: string, kind: string, n: number): Promise<void> {
  await until(async () => (await balanceCount(h, platform, kind)) === n, 10_000, `${n} ${platform} ${kind}(s) in the balance`);
}

/**
 * Local noon of the day `daysAgo` days before today (today: no later than a minute ago), as ISO: event
 * times that never straddle midnight and never lie ahead.
 */
export function noon(daysAgo: number): string {
  const d = new Date();
  d.setHours(12, 0, 0, 0);
  d.setDate(d.getDate() - daysAgo);
  if (daysAgo > 0) return d.toISOString();
  // Today's noon has not come yet in the morning, and what lies ahead is not listed (the popup's own
  // posts run up to now): a minute ago, but still today.
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  return new Date(Math.max(midnight.getTime() + 1000, Math.min(d.getTime(), Date.now() - 60_000))).toISOString();
}

/** Polls `probe` until it returns a truthy value (or throws after `timeoutMs`). */
export async function until<T>(probe: () => Promise<T> | T, timeoutMs = 10_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
