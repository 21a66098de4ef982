/**
 * `npm run bench`: performance budgets of the built extension (a private copy of dist/), measured in one
 * run in Debian's Chromium, printed as figures against their budgets (PASS/MISS per line) and written to
 * bench-results.json (git-ignored). A missed budget never fails the command; a measurement that could
 * not be made does (exit 1). Percentiles are nearest-rank. Everything on the machine shares its cores,
 * so the load average is printed too: read figures from a busy machine with that in mind.
 *
 *   1. Popup first render with 100,000 stored events (navigation start → 'give-first-popup-rendered'),
 *      opened alternately with a bare page inside the same extension copy (one module script that sets
 *      the same mark): the absolute figure is the budget, the ratio and difference say what is ours.
 *   2. Latency of a like on an X timeline replica: from the site's answer reaching the page (the
 *      replica's XHR load) to an extension page's chrome.storage.onChanged seeing the new snapshot
 *      (our work, the budget), and from the click (with the replica API's round trip) beside it.
 *   3. Main-thread cost on a 2,000-post X timeline replica, with vs without the extension (CDP
 *      Performance.getMetrics), interleaved pairs, the median pair ratio with its spread.
 *   4. Content-script size per site, gzip.
 *   5. Weekly review page first render over part 1's 100,000 events (navigation start →
 *      'give-first-review-rendered', set after the first render with data; src/ui/review/main.tsx),
 *      and when its people lists (a later, five-week read) arrive ('give-first-review-people').
 *   6. Nudge: submit click → card in the page.
 *   7. Self-promotion classifier: precision and recall on the labelled corpora (tuning and hold-out
 *      sets), generic-reply rule likewise, and 10,000 posts classified (tests/bench/classifier.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page } from 'playwright-core';
import { DIST, launch, POPUP, REPLICAS, ROOT, serveSite, type Harness } from '../e2e/harness.ts';
import { classifierFigures } from './classifier.ts';
import { yearOfEvents } from './events.ts';
import { launchPlain, type PlainBrowser } from './launch-plain.ts';
import { median, percentile } from './stats.ts';
import { OWN_HANDLE, xTimelineHtml } from './x-timeline.ts';
import { FakeXApi, serveX } from '../e2e/x-api.ts';

// ---- parameters -------------------------------------------------------------------------------------
/** BENCH_EVENTS overrides the stored history's size (only for working on the bench itself). */
const STORED_EVENTS = Number(process.env.BENCH_EVENTS ?? 100_000);
const POPUP_OPENS = 20;
const BASELINE_POPUP_OPENS = 6;
const REVIEW_OPENS = 15;
/** After the import, the popup series waits (at most SETTLE_MAX_MS) until the bare page is this close to its time before. */
const SETTLED_FACTOR = 1.2;
const SETTLE_MAX_MS = 60_000;
const LIKES = 40;
const TIMELINE_POSTS = 2_000;
/** Pair ratios vary by ±15% on a shared 2-core machine: enough pairs for a stable median. */
const MAIN_THREAD_PAIRS = 15;
/**
 * Each measured main-thread run lasts this long from `load`, so that it includes the extension's one
 * page check (load + 4 s, then at the next idle moment); every 'with' run verifies that it did.
 */
const MAIN_THREAD_WINDOW_MS = 4_800;

/** A file only the private copy of dist/ has (see main). */
const MARKER = 'bench-copy.txt';

const BUDGET = {
  popupMs: 100,
  clickP95Ms: 50,
  mainThreadRatio: 1.05,
  contentGzipBytes: 20 * 1024,
  /** Issue #5: the weekly review renders in ≤ 300 ms with a year of history. */
  reviewMs: 300,
};

// ---- results ----------------------------------------------------------------------------------------
interface Row {
  metric: string;
  value: string;
  budget: string;
  verdict: 'PASS' | 'MISS' | 'INFO' | 'ERROR';
}
const rows: Row[] = [];
const details: Record<string, unknown> = {};
let failed = false;

const ms = (n: number): string => `${n.toFixed(1)} ms`;
const kb = (n: number): string => `${(n / 1024).toFixed(2)} KB`;

function row(metric: string, value: string, budget: string, pass: boolean | null): void {
  const r: Row = { metric, value, budget, verdict: pass === null ? 'INFO' : pass ? 'PASS' : 'MISS' };
  rows.push(r);
  console.log(`  ${r.verdict.padEnd(5)} ${metric}: ${value}${budget ? ` (budget ${budget})` : ''}`);
}

/** BENCH_ONLY=1,3 runs only those parts (for working on the bench itself). */
const ONLY = process.env.BENCH_ONLY?.split(',').map((p) => p.trim()).filter(Boolean);

async function part(name: string, body: () => Promise<void>): Promise<void> {
  if (ONLY && !ONLY.includes(name.split('.')[0] ?? '')) return;
  const started = Date.now();
  console.log(`\n[${name}]`);
  try {
    await body();
  } catch (error) {
    failed = true;
    const message = error instanceof Error ? error.message : String(error);
    rows.push({ metric: name, value: message.split('\n')[0] ?? '', budget: '', verdict: 'ERROR' });
    console.log(`  ERROR ${name}: ${message}`);
  }
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

const sleep = (t: number): Promise<void> => new Promise((r) => setTimeout(r, t));

// ---- 6. nudge: submit click → card ----------------------------------------------------------------
const NUDGE_RUNS = 20;
const NUDGE_BUDGET_MS = 16;
/**
 * On the X replica with a low balance, the time from the submit click to the nudge card: until the
 * card is in the page (the click handler returns), and until the next animation frame, the frame that
 * paints it. A fresh browser of its own (the replica needs its own routes on x.com); each run reloads
 * the page so that every card is a first one.
 */
async function nudgeLatency(dist: string): Promise<void> {
  const h = await launch({ args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] });
  try {
    await serveX(h.context, new FakeXApi());
    const day = new Date();
    day.setHours(12, 0, 0, 0);
    const events = [1, 2, 3].map((i) => ({
      id: `x:post:${i}`, platform: 'x', kind: 'post', at: new Date(day.getTime() - i * 86_400_000).toISOString(), text: 'mine', promotional: false, source: 'import',
    }));
    const reply = await h.send({ type: 'import', file: { format: 'give-first-export', version: 1, exportedAt: new Date().toISOString(), events, settings: {} } });
    if (!reply.ok) throw new Error('could not seed the balance');
    const inDom: number[] = [];
    const toFrame: number[] = [];
    const page = await h.context.newPage();
    for (let i = 0; i < NUDGE_RUNS; i++) {
      await page.goto('https://x.com/home', { waitUntil: 'load' });
      await page.locator('[data-testid="tweetTextarea_0"]').first().click();
      await page.keyboard.type('A new post');
      // Passed as source text: tsx would otherwise add a `__name` helper the page does not have.
      const timing = (await page.evaluate(`new Promise((resolve) => {
        const button = document.querySelector('[data-testid="tweetButtonInline"]');
        const t0 = performance.now();
        button.click();
        const t1 = performance.now();
        const shown = !!document.querySelector('give-first-nudge');
        requestAnimationFrame(() => resolve({ shown, inDom: t1 - t0, frame: performance.now() - t0 }));
      })`)) as { shown: boolean; inDom: number; frame: number };
      if (!timing.shown) throw new Error(`run ${i + 1}: no card after the click`);
      inDom.push(timing.inDom);
      toFrame.push(timing.frame);
    }
    // The budget is our work inside the click: when it ends within a frame's time, the card is in the
    // very next frame the browser paints. The wait for that frame itself depends on where in the 16.7 ms
    // display cycle the click fell (so "click → next frame" can exceed 16 ms with no work of ours at all).
    const p95 = percentile(inDom, 95);
    row(`click → card in the page, p50 (n=${NUDGE_RUNS})`, ms(median(inDom)), '', null);
    row('click → card in the page, p95 (then painted in the next frame)', ms(p95), `≤ ${NUDGE_BUDGET_MS} ms`, p95 <= NUDGE_BUDGET_MS);
    row('  click → next animation frame, p50 / p95', `${ms(median(toFrame))} / ${ms(percentile(toFrame, 95))}`, '', null);
    details.nudge = { inDomMs: inDom, toFrameMs: toFrame };
  } finally {
    await h.close();
  }
}

// ---- 4. content-script size -------------------------------------------------------------------------
function contentSizes(dist: string): void {
  const dir = join(dist, 'src', 'content', 'sites');
  const perSite = new Map<string, { raw: number; gzip: number; files: string[] }>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
    // x.js (isolated) and x.page.js (MAIN world) both belong to site "x".
    const site = basename(file).split('.')[0] ?? file;
    const bytes = readFileSync(join(dir, file));
    const entry = perSite.get(site) ?? { raw: 0, gzip: 0, files: [] };
    entry.raw += bytes.length;
    entry.gzip += gzipSync(bytes).length;
    entry.files.push(file);
    perSite.set(site, entry);
  }
  if (perSite.size === 0) throw new Error(`no content scripts in ${dir}`);
  for (const [site, { raw, gzip, files }] of perSite) {
    row(`content scripts ${site} (${files.join(' + ')}), gzip`, `${kb(gzip)} (raw ${kb(raw)})`, `≤ ${kb(BUDGET.contentGzipBytes)}`, gzip <= BUDGET.contentGzipBytes);
  }
  details.contentScripts = Object.fromEntries(perSite);
}

// ---- 1. popup first render --------------------------------------------------------------------------
/**
 * The baseline: the least an extension page can be, inside the same extension copy, opened the same way
 * (a new tab, page.goto): one module script that sets the mark at once. What the popup costs beyond it
 * is ours; the rest is the browser's (tab, renderer, extension protocol, one module fetch).
 */
const BARE_PAGE = 'bench-bare.html';
const BARE_PAGE_FILES: Record<string, string> = {
  [BARE_PAGE]: '<!doctype html>\n<meta charset="utf-8">\n<title>bare</title>\n<div id="app"></div>\n<script type="module" src="bench-bare.js"></script>\n',
  'bench-bare.js': "performance.mark('give-first-popup-rendered');\n",
};

interface PopupSample {
  /** navigation start → 'give-first-popup-rendered' */
  renderedMs: number;
  /** navigation start → the HTML's first byte (browser-side: tab, process, extension protocol). */
  responseStartMs: number;
  domContentLoadedMs: number;
}

async function openPageOnce(h: Harness, path: string): Promise<PopupSample> {
  const page = await h.context.newPage();
  try {
    await page.goto(h.url(path));
    await page.waitForFunction(() => performance.getEntriesByName('give-first-popup-rendered').length > 0, null, { timeout: 10_000 });
    return await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return {
        renderedMs: performance.getEntriesByName('give-first-popup-rendered')[0]?.startTime ?? Number.NaN,
        responseStartMs: nav?.responseStart ?? Number.NaN,
        domContentLoadedMs: nav?.domContentLoadedEventEnd ?? Number.NaN,
      };
    });
  } finally {
    await page.close();
  }
}

/** Popup and bare page opened alternately (popup first, then bare first…), so load on the machine hits both alike. */
async function popupSeries(h: Harness, opens: number): Promise<{ popup: PopupSample[]; bare: PopupSample[] }> {
  await openPageOnce(h, POPUP); // warm-ups, discarded
  await openPageOnce(h, BARE_PAGE);
  const popup: PopupSample[] = [];
  const bare: PopupSample[] = [];
  for (let i = 0; i < opens; i++) {
    if (i % 2) bare.push(await openPageOnce(h, BARE_PAGE));
    popup.push(await openPageOnce(h, POPUP));
    if (!(i % 2)) bare.push(await openPageOnce(h, BARE_PAGE));
  }
  return { popup, bare };
}

async function popupFirstRender(h: Harness): Promise<void> {
  // Reference: the same popup over an empty store, to show what the stored history adds.
  const empty = await popupSeries(h, BASELINE_POPUP_OPENS);

  const events = yearOfEvents(STORED_EVENTS);
  const importStarted = Date.now();
  const reply = await h.send({
    type: 'import',
    file: { format: 'give-first-export', version: 1, exportedAt: new Date().toISOString(), events, settings: {} },
  });
  const importMs = Date.now() - importStarted;
  if (!reply.ok) throw new Error(`import failed: ${reply.error} ${reply.detail ?? ''}`);
  const added = (reply.value as { added?: number } | undefined)?.added;
  if (added !== STORED_EVENTS) throw new Error(`expected ${STORED_EVENTS} imported events, the import says ${added}`);
  const snapshot = await h.storage<{ tallies: unknown[] }>('snapshot');
  if (!snapshot) throw new Error('no snapshot after the import');
  const snapshotBytes = JSON.stringify(snapshot).length;
  console.log(`  snapshot: ${snapshot.tallies.length} day tallies, ${kb(snapshotBytes)} JSON`);

  // Writing 100,000 events leaves the browser busy for a while (the database's own compaction, garbage
  // collection in the worker): even the bare page is slower then. A user opens the popup long after such
  // an import, so the series waits until the bare page is back near its time before the import.
  const bareBefore = median(empty.bare.map((s) => s.renderedMs));
  const settleStarted = Date.now();
  let bareNow = Number.POSITIVE_INFINITY;
  while (bareNow > SETTLED_FACTOR * bareBefore && Date.now() - settleStarted < SETTLE_MAX_MS) {
    const probe: number[] = [];
    for (let i = 0; i < 5; i++) probe.push((await openPageOnce(h, BARE_PAGE)).renderedMs);
    bareNow = median(probe);
  }
  const settleMs = Date.now() - settleStarted;
  console.log(`  settled ${(settleMs / 1000).toFixed(1)} s after the import (bare page ${ms(bareNow)}, before the import ${ms(bareBefore)})`);

  const { popup: full, bare } = await popupSeries(h, POPUP_OPENS);
  const rendered = full.map((s) => s.renderedMs);
  const bareMs = bare.map((s) => s.renderedMs);
  const p50 = median(rendered);
  const p95 = percentile(rendered, 95);
  const ratios = rendered.map((t, i) => t / (bareMs[i] ?? t));
  const n = STORED_EVENTS.toLocaleString('en');
  row(`popup first render, ${n} events, median (n=${rendered.length})`, ms(p50), `≤ ${BUDGET.popupMs} ms`, p50 <= BUDGET.popupMs);
  row(`popup first render, ${n} events, p95`, ms(p95), `≤ ${BUDGET.popupMs} ms`, p95 <= BUDGET.popupMs);
  row(`  bare extension page (one module script sets the mark), same run, median / p95 (n=${bareMs.length})`,
    `${ms(median(bareMs))} / ${ms(percentile(bareMs, 95))}`, '', null);
  row('  popup / bare page, median of alternate pairs (min … max)',
    `${median(ratios).toFixed(2)} (${Math.min(...ratios).toFixed(2)} … ${Math.max(...ratios).toFixed(2)})`, '', null);
  row('  popup − bare page, medians (the popup\'s own work: its code, one storage read, the render)', ms(p50 - median(bareMs)), '', null);
  row('  of which navigation start → first byte of the HTML, median', ms(median(full.map((s) => s.responseStartMs))), '', null);
  row('  DOMContentLoaded, median', ms(median(full.map((s) => s.domContentLoadedMs))), '', null);
  row(`  popup first render, empty store, median / p95 (n=${empty.popup.length}; bare page ${ms(median(empty.bare.map((s) => s.renderedMs)))})`,
    `${ms(median(empty.popup.map((s) => s.renderedMs)))} / ${ms(percentile(empty.popup.map((s) => s.renderedMs), 95))}`, '', null);
  row(`  import of ${n} events (one 'import' message)`, `${(importMs / 1000).toFixed(1)} s`, '', null);
  details.popup = { samples: full, bareSamples: bare, ratios, emptyStoreSamples: empty, importMs, settleMs, snapshotBytes, dayTallies: snapshot.tallies.length };
}

// ---- 5. review first render (runs after part 1, over its imported events) --------------------------------
async function reviewFirstRender(h: Harness): Promise<void> {
  const samples: number[] = [];
  const people: number[] = [];
  for (let i = 0; i <= REVIEW_OPENS; i++) {
    const page = await h.context.newPage();
    try {
      await page.goto(h.url('src/ui/review/index.html'));
      // Each page is kept until its later read is done: otherwise that read, still running in the
      // background after the tab closed, would land on the next sample.
      await page.waitForFunction(() => performance.getEntriesByName('give-first-review-people').length > 0, null, { timeout: 20_000 });
      const [t, p] = await page.evaluate(() => ['give-first-review-rendered', 'give-first-review-people']
        .map((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN));
      if (i > 0 && t !== undefined && p !== undefined) {
        samples.push(t); // the first is a warm-up
        people.push(p);
      }
    } finally {
      await page.close();
    }
  }
  const p50 = median(samples);
  const p95 = percentile(samples, 95);
  row(`review first render, median (n=${samples.length})`, ms(p50), `≤ ${BUDGET.reviewMs} ms`, p50 <= BUDGET.reviewMs);
  row('review first render, p95', ms(p95), `≤ ${BUDGET.reviewMs} ms`, p95 <= BUDGET.reviewMs);
  row('  review people lists shown (five weeks of events, read after the first render), median', ms(median(people)), '', null);
  details.review = { samples, peopleMs: people };
}

// ---- replica site -----------------------------------------------------------------------------------
const api = (request: { method: string; url: URL; body: string | null }): { status: number; body: unknown } | undefined => {
  const path = request.url.pathname;
  if (request.method === 'POST' && path.endsWith('/FavoriteTweet')) return { status: 200, body: { data: { favorite_tweet: 'Done' } } };
  if (request.method === 'POST' && path.endsWith('/UnfavoriteTweet')) return { status: 200, body: { data: { unfavorite_tweet: 'Done' } } };
  if (request.method === 'GET' && path.endsWith('/HomeTimeline')) {
    return { status: 200, body: { data: { home: { home_timeline_urt: { instructions: [] } } } } };
  }
  return undefined;
};

/** Live events counted in the snapshot's recent day counters. */
function liveCount(snapshot: SnapshotLike | undefined): number {
  let sum = 0;
  for (const tally of snapshot?.tallies ?? []) for (const n of Object.values(tally.counts)) sum += n;
  return sum;
}

async function serveTimeline(context: BrowserContext, file: string): Promise<void> {
  // serveSite reads pages relative to tests/replicas; the generated page lives in a temp dir.
  await serveSite(context, 'https://x.com', { '/home': relative(REPLICAS, file) }, api);
}

interface SnapshotLike {
  tallies?: { counts: Record<string, number> }[];
  identities?: Record<string, string>;
  health?: Record<string, { checkedAt?: number }>;
}

// ---- 2. click-to-stored -----------------------------------------------------------------------------
async function clickToStored(h: Harness): Promise<void> {
  const listener = await h.openPage(POPUP);
  const x = await h.context.newPage();
  try {
    // The extension page that sees the change: the popup itself (the real consumer of the snapshot).
    await listener.evaluate(() => {
      // The snapshot carries the recent days' counters; each new like adds one to their sum.
      const seen: { t: number; eventCount: number }[] = [];
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      chrome.storage.onChanged.addListener((changes, area) => {
        const snap = changes.snapshot?.newValue as { tallies?: { counts: Record<string, number> }[] } | undefined;
        if (area !== 'local' || !snap) return;
        let sum = 0;
        for (const tally of snap.tallies ?? []) for (const n of Object.values(tally.counts)) sum += n;
        seen.push({ t: Date.now(), eventCount: sum });
      });
    });
    await x.goto('https://x.com/home', { waitUntil: 'load' });
    const loadedAt = Date.now();
    // The content script reads identity and health 4 s after load; the first identity makes the
    // background rebuild the recent days' counters. Clicks are measured once that has settled.
    let settled: SnapshotLike | undefined;
    while (!settled) {
      const snap = await h.storage<SnapshotLike>('snapshot');
      if ((snap?.health?.x?.checkedAt ?? 0) >= loadedAt && snap?.identities?.x === OWN_HANDLE) settled = snap;
      else if (Date.now() - loadedAt > 60_000) throw new Error('the X page never reported health/identity');
      else await sleep(25);
    }
    const settleMs = Date.now() - loadedAt;
    console.log(`  identity + health published ${(settleMs / 1000).toFixed(2)} s after load (content check at +4 s, then the recent counters are rebuilt)`);

    // Diagnosis: an extra listener in the service worker notes when each observation arrives (it
    // never answers, so the extension's own handler replies as usual).
    await h.worker.evaluate(`(() => {
      globalThis.__benchArrivals = [];
      chrome.runtime.onMessage.addListener((m) => {
        if (m && m.type === 'observed') globalThis.__benchArrivals.push(Date.now());
      });
    })()`);
    let count = liveCount(settled);
    const latencies: number[] = [];
    const stored: number[] = [];
    const posts = await x.locator('article[data-testid="tweet"]').count();
    const stride = Math.max(1, Math.floor(posts / LIKES));
    for (let i = 0; i < LIKES; i++) {
      const index = i * stride;
      const clickedAt = await x.evaluate((n) => {
        const article = document.querySelectorAll('article[data-testid="tweet"]')[n];
        const button = article?.querySelector<HTMLElement>('[data-testid="like"]');
        if (!button) throw new Error(`post ${n} has no like button`);
        button.scrollIntoView({ block: 'center' });
        const t = Date.now();
        button.click();
        return t;
      }, index);
      const expected = count + 1;
      const handle = await listener.waitForFunction(
        (want) => (window as unknown as { __seen: { t: number; eventCount: number }[] }).__seen.find((s) => s.eventCount >= want)?.t,
        expected,
        { timeout: 10_000, polling: 20 },
      );
      const storedAt = (await handle.jsonValue()) as number;
      latencies.push(storedAt - clickedAt);
      stored.push(storedAt);
      count = expected;
      await x.waitForFunction((n) => document.querySelectorAll('article[data-testid="tweet"]')[n]?.querySelector('[data-testid="unlike"]'), index, { timeout: 5_000 });
    }
    const { rtt, answeredAt } = await x.evaluate(() => (window as unknown as { __bench: { rtt: number[]; answeredAt: number[] } }).__bench);
    if (answeredAt.length !== LIKES) throw new Error(`the replica saw ${answeredAt.length} answers to ${LIKES} likes`);
    // The budget is about our work: from the moment the site's answer reaches the page (the replica's
    // XHR load event) until an extension page sees the new snapshot — the tap, the content script, the
    // message, the background's write and publish, storage.onChanged. The click → answer part is the
    // site's own round trip (here a Playwright route in the same browser) and is reported beside it.
    const ours = stored.map((t, i) => t - (answeredAt[i] ?? Number.NaN));
    const oursP95 = percentile(ours, 95);
    row(`site's answer → snapshot seen by an extension page (our work), p50 (n=${ours.length})`, ms(median(ours)), '', null);
    row('site\'s answer → snapshot seen by an extension page (our work), p95', ms(oursP95), `≤ ${BUDGET.clickP95Ms} ms`, oursP95 <= BUDGET.clickP95Ms);
    row('  click → snapshot seen, with the site\'s round trip, p50 / p95', `${ms(median(latencies))} / ${ms(percentile(latencies, 95))}`, '', null);
    row('  replica API round trip (XHR send → load), p50 / p95', `${ms(median(rtt))} / ${ms(percentile(rtt, 95))}`, '', null);
    const arrivals = (await h.worker.evaluate('globalThis.__benchArrivals')) as number[] | undefined;
    if (arrivals?.length === LIKES) {
      const toBackground = arrivals.map((t, i) => t - (answeredAt[i] ?? t));
      const inBackground = arrivals.map((t, i) => (stored[i] ?? t) - t);
      row('  answer → observation reaches the background (tap, content script, message), p50 / p95',
        `${ms(median(toBackground))} / ${ms(percentile(toBackground, 95))}`, '', null);
      row('  background → snapshot seen (ledger write + publish + onChanged), p50 / p95',
        `${ms(median(inBackground))} / ${ms(percentile(inBackground, 95))}`, '', null);
      details.clickBreakdown = { toBackgroundMs: toBackground, inBackgroundMs: inBackground };
    }
    const exported = await h.storage<SnapshotLike>('snapshot');
    if (liveCount(exported) !== liveCount(settled) + LIKES) throw new Error(`expected ${LIKES} new likes in the snapshot's counters`);
    details.clickToStored = { latenciesMs: latencies, oursMs: ours, apiRoundTripMs: rtt, settleAfterLoadMs: settleMs };
  } finally {
    await x.close();
    await listener.close();
  }
}

// ---- 3. main-thread cost ----------------------------------------------------------------------------
interface MainThreadSample {
  taskMs: number;
  /** CPU time of the renderer's main thread (less sensitive to being descheduled on a busy machine). */
  threadMs: number;
  scriptMs: number;
  layoutMs: number;
  styleMs: number;
}

async function mainThreadRun(context: BrowserContext, measure = true): Promise<MainThreadSample & { loadedAt: number }> {
  const page: Page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto('https://x.com/home', { waitUntil: 'load' });
    const loadedAt = Date.now();
    if (measure) {
      // Scroll through the whole timeline, three viewports per step, two frames each so every step is
      // laid out and painted. (No named inner functions in evaluated code: tsx's keepNames would
      // reference an undefined __name.)
      await page.evaluate(async () => {
        const step = window.innerHeight * 3;
        for (let y = 0; y <= document.documentElement.scrollHeight; y += step) {
          window.scrollTo(0, y);
          await new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
        }
      });
      const rest = MAIN_THREAD_WINDOW_MS - (Date.now() - loadedAt);
      if (rest > 0) await sleep(rest);
    }
    const { metrics } = await cdp.send('Performance.getMetrics');
    const get = (name: string): number => (metrics.find((m) => m.name === name)?.value ?? Number.NaN) * 1000;
    await cdp.detach();
    return {
      loadedAt,
      taskMs: get('TaskDuration'), threadMs: get('ThreadTime'), scriptMs: get('ScriptDuration'), layoutMs: get('LayoutDuration'), styleMs: get('RecalcStyleDuration'),
    };
  } finally {
    await page.close();
  }
}

/** "1.012 (IQR 0.981 … 1.046, min … max 0.902 … 1.131)": the median pair ratio and its spread. */
function spread(ratios: number[]): string {
  const f = (n: number): string => n.toFixed(3);
  return `${f(median(ratios))} (IQR ${f(percentile(ratios, 25))} … ${f(percentile(ratios, 75))}, min … max ${f(Math.min(...ratios))} … ${f(Math.max(...ratios))})`;
}

async function mainThreadCost(h: Harness, plain: PlainBrowser): Promise<void> {
  const contexts = { with: h.context, without: plain.context };
  // Every 'with' run must include the extension's one page check (identity + health, load + 4 s, then
  // at the next idle moment). The background writes only when health changes, so the check is seen
  // where it arrives: an extra listener in the service worker notes each health message.
  await h.worker.evaluate(`(() => {
    globalThis.__benchHealth = [];
    chrome.runtime.onMessage.addListener((m) => {
      if (m && m.type === 'health') globalThis.__benchHealth.push(Date.now());
    });
  })()`);
  // Warm-up: one discarded page load each (code caches, fonts).
  await mainThreadRun(contexts.without, false);
  await mainThreadRun(contexts.with, false);
  let checksMissed = 0;
  const withRuns: MainThreadSample[] = [];
  const withoutRuns: MainThreadSample[] = [];
  for (let i = 0; i < MAIN_THREAD_PAIRS; i++) {
    // Alternate which goes first (AB BA AB …), so drift affects both sides alike.
    const order: ('with' | 'without')[] = i % 2 ? ['with', 'without'] : ['without', 'with'];
    for (const which of order) {
      const { loadedAt, ...sample } = await mainThreadRun(contexts[which]);
      (which === 'with' ? withRuns : withoutRuns).push(sample);
      if (which === 'with') {
        const checks = (await h.worker.evaluate('globalThis.__benchHealth')) as number[];
        if (!checks.some((t) => t >= loadedAt)) {
          checksMissed++;
          console.log('    (the extension\'s page check did not run within this run\'s window)');
        }
      }
      console.log(`    pair ${String(i + 1).padStart(2)} ${which.padEnd(7)} task ${ms(sample.taskMs)}, thread ${ms(sample.threadMs)}, script ${ms(sample.scriptMs)}, layout ${ms(sample.layoutMs)}, style ${ms(sample.styleMs)}`);
    }
  }
  const pairRatios = (f: (s: MainThreadSample) => number): number[] => withRuns.map((w, i) => f(w) / f(withoutRuns[i] ?? w));
  const task = (s: MainThreadSample): number => s.taskMs;
  const sls = (s: MainThreadSample): number => s.scriptMs + s.layoutMs + s.styleMs;
  const taskRatios = pairRatios(task);
  const threadRatios = pairRatios((s) => s.threadMs);
  const taskRatio = median(taskRatios);
  const scriptDelta = median(withRuns.map((s) => s.scriptMs)) - median(withoutRuns.map((s) => s.scriptMs));
  row(`main thread, ${TIMELINE_POSTS.toLocaleString('en')}-post timeline, TaskDuration with/without, median of ${MAIN_THREAD_PAIRS} interleaved pairs`,
    taskRatio.toFixed(3), `≤ ${BUDGET.mainThreadRatio.toFixed(2)}`, taskRatio <= BUDGET.mainThreadRatio);
  row('  TaskDuration pair ratios: median (spread: run-to-run noise of the machine)', spread(taskRatios), '', null);
  row('  ThreadTime (main-thread CPU time, less hit by descheduling) pair ratios', spread(threadRatios), '', null);
  if (checksMissed) row('  \'with\' runs whose window missed the extension\'s page check', `${checksMissed} of ${MAIN_THREAD_PAIRS}`, '', null);
  row('  TaskDuration median with / without', `${ms(median(withRuns.map(task)))} / ${ms(median(withoutRuns.map(task)))}`, '', null);
  row('  Script+Layout+RecalcStyle with/without, median pair ratio', median(pairRatios(sls)).toFixed(3), '', null);
  row('  ScriptDuration median with − without (the extension\'s own JS, roughly)',
    `${ms(scriptDelta)} (${((100 * scriptDelta) / median(withoutRuns.map(task))).toFixed(1)}% of the page's TaskDuration)`, '', null);
  details.mainThread = { with: withRuns, without: withoutRuns, checksMissed, windowMs: MAIN_THREAD_WINDOW_MS, taskRatios, threadRatios, scriptLayoutStyleRatios: pairRatios(sls) };
}

// ---- main -------------------------------------------------------------------------------------------
/**
 * Builds the extension into DIST (dist/, or GIVE_FIRST_DIST: the harness's own choice, so a bench of a
 * private build never touches the dist/ others test from). BENCH_NO_BUILD=1 measures DIST as it is.
 */
function build(): void {
  if (process.env.BENCH_NO_BUILD === '1') return;
  console.log(`building into ${relative(process.cwd(), DIST) || DIST} …`);
  const result = spawnSync(join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--outDir', DIST, '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status ?? result.signal})`);
}

async function main(): Promise<void> {
  build();
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'give-first-bench-'));
  const timeline = join(work, 'x-home.html');
  // The extension runs from a private copy of dist/, so that a `vite build` run meanwhile by someone
  // else in this checkout (it empties dist/) cannot pull files from under the browser.
  const dist = join(work, 'dist');
  cpSync(DIST, dist, { recursive: true });
  writeFileSync(join(dist, MARKER), dist);
  for (const [file, text] of Object.entries(BARE_PAGE_FILES)) writeFileSync(join(dist, file), text);
  writeFileSync(timeline, xTimelineHtml(TIMELINE_POSTS));
  const loadAtStart = loadavg()[0] ?? 0;
  console.log(`Give First benchmark — ${cpus().length} cores, node ${process.version}, load average ${loadAtStart.toFixed(2)}`);

  await part('4. content-script size', async () => contentSizes(dist));

  let h: Harness | undefined;
  let plain: PlainBrowser | undefined;
  try {
    // Both browsers start now, so each has settled its start-up work before the A/B runs of part 3.
    // Chromium keeps the last of a repeated switch, so these point the harness's browser at the copy.
    h = await launch({ args: [`--disable-extensions-except=${dist}`, `--load-extension=${dist}`] });
    const marker = await h.context.newPage();
    const fromCopy = await marker.goto(h.url(MARKER)).then(async () => (await marker.textContent('body'))?.trim() === dist, () => false);
    await marker.close();
    if (!fromCopy) console.log(`  warning: the extension was not loaded from the private copy but from ${DIST}; a concurrent build would disturb this run`);
    details.extensionFrom = fromCopy ? 'private copy of dist/' : DIST;
    plain = await launchPlain();
    const [harness, other] = [h, plain];
    details.chromium = harness.context.browser()?.version();
    await serveTimeline(harness.context, timeline);
    await serveTimeline(other.context, timeline);
    await part('1. popup first render', () => popupFirstRender(harness));
    await part('5. review first render', () => reviewFirstRender(harness));
    await part('2. click-to-stored latency', () => clickToStored(harness));
    await part('3. main-thread cost', () => mainThreadCost(harness, other));
  } catch (error) {
    failed = true;
    console.log(`ERROR: ${error instanceof Error ? error.message : String(error)}`);
    rows.push({ metric: 'browser', value: String(error).split('\n')[0] ?? '', budget: '', verdict: 'ERROR' });
  } finally {
    await h?.close();
    await plain?.close();
  }
  await part('6. nudge latency', () => nudgeLatency(dist));
  await part('7. self-promotion and generic replies', async () => {
    details.classifier = classifierFigures(row);
  });
  rmSync(work, { recursive: true, force: true });

  const totalS = (Date.now() - started) / 1000;
  // Other work on the machine (tests, builds) shows up in every timing here; say how busy it was.
  details.loadAverage = { start: loadAtStart, end: loadavg()[0] ?? 0 };
  rows.push({ metric: 'machine load average (1 min) at start / end', value: `${loadAtStart.toFixed(2)} / ${(loadavg()[0] ?? 0).toFixed(2)} on ${cpus().length} cores`, budget: '', verdict: 'INFO' });
  const w = [Math.max(...rows.map((r) => r.metric.length)), Math.max(...rows.map((r) => r.value.length)), Math.max(6, ...rows.map((r) => r.budget.length))];
  const line = (a: string, b: string, c: string, d: string): string => `${a.padEnd(w[0] ?? 0)} | ${b.padEnd(w[1] ?? 0)} | ${c.padEnd(w[2] ?? 0)} | ${d}`;
  console.log(`\nResults (${totalS.toFixed(0)} s, Chromium ${String(details.chromium ?? '?')})`);
  console.log(line('metric', 'value', 'budget', 'verdict'));
  console.log(line('', '', '', '').replace(/ /g, '-'));
  for (const r of rows) console.log(line(r.metric, r.value, r.budget, r.verdict));
  const misses = rows.filter((r) => r.verdict === 'MISS').length;
  console.log(`\n${rows.filter((r) => r.verdict === 'PASS').length} within budget, ${misses} missed${failed ? ', some measurements FAILED' : ''}`);

  const out = join(ROOT, 'bench-results.json');
  writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), totalSeconds: totalS, cores: cpus().length, node: process.version, rows, details }, null, 2)}\n`);
  console.log(`written to ${relative(process.cwd(), out) || out}`);
  process.exitCode = failed ? 1 : 0;
}

await main();
