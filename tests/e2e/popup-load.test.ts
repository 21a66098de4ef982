/**
 * What the popup loads before its first render (issue #2: ≤ 100 ms with 100,000 events; the timing
 * itself is `npm run bench`, part 1). The structure that makes it fast is checked here, so a change to
 * the chunking or the page cannot undo it unnoticed: the storage read starts from a plain script in the
 * <head> (public/popup-early.js) before the module code has loaded, and the module code is four files
 * holding only what the popup runs (vite.config.ts, popupChunk), never webextension-polyfill or the
 * code only other pages use. The chunk it shares with the background must not bring Preact into the
 * service worker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { SETTINGS_KEY } from '../../src/shared/settings.ts';
import { SNAPSHOT_KEY } from '../../src/shared/snapshot.ts';
import { DIST, launch, POPUP, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await launch();
});
afterAll(async () => h?.close());

/** An entry's module files: the entry and everything it imports statically, by file name. */
function modulesOf(entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const queue = [entry];
  for (let file = queue.pop(); file !== undefined; file = queue.pop()) {
    if (files.has(file)) continue;
    const code = readFileSync(join(DIST, file), 'utf8');
    files.set(file, code);
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const m of code.matchAll(/(?:from|import)\s*["']\.\/([^"']+)["']/g)) queue.push(dir + m[1]);
  }
  return files;
}

function popupModules(): Map<string, string> {
  const html = readFileSync(join(DIST, POPUP), 'utf8');
  const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no module script in the popup');
  return modulesOf(entry);
}

const chunkNames = (files: Map<string, string>): string[] =>
  [...files.keys()].map((f) => f.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '')).sort();

test('the popup starts its storage read from a plain script in <head>, before the module code', () => {
  const html = readFileSync(join(DIST, POPUP), 'utf8');
  const early = html.indexOf('<script src="/popup-early.js"></script>');
  expect(early).toBeGreaterThan(-1);
  expect(early).toBeLessThan(html.indexOf('<script type="module"'));
  expect(early).toBeLessThan(html.indexOf('</head>'));
  // It names the storage keys itself (a plain script imports nothing): the same keys as the code.
  const script = readFileSync(join(DIST, 'popup-early.js'), 'utf8');
  expect(script).toContain(`get(['${SETTINGS_KEY}', '${SNAPSHOT_KEY}'])`);
  expect(script).toContain(`changes.${SETTINGS_KEY} || changes.${SNAPSHOT_KEY}`);
});

test('the popup loads four module files, without the polyfill or code only other pages run', () => {
  const files = popupModules();
  expect(chunkNames(files)).toEqual(['index.html', 'popup-core', 'popup-shared', 'vendor-preact']);
  const code = [...files.values()].join('\n');
  expect(code).not.toContain('webextension-polyfill');
  // The weekly review's and the import's own code (week-summary.ts, export-format.ts) stay out.
  expect(code).not.toContain('give-first-export');
  expect(code).not.toContain('postedAnyway');
  expect(code.length).toBeLessThan(45_000);
});

test('the background shares code with the popup without loading Preact', () => {
  const loader = readFileSync(join(DIST, 'service-worker-loader.js'), 'utf8');
  const entry = /import '\.\/([^']+)'/.exec(loader)?.[1];
  if (!entry) throw new Error('no background entry in service-worker-loader.js');
  const names = chunkNames(modulesOf(entry));
  expect(names).toContain('popup-core');
  expect(names).not.toContain('vendor-preact');
  expect(names).not.toContain('popup-shared');
});

test('the first render uses the early read: the popup shows stored figures, and the read was taken', async () => {
  const like = { id: 'x:like:early-1', platform: 'x', kind: 'like', at: new Date().toISOString(), target: { id: 'early-1', author: 'someone' }, source: 'import' };
  const reply = await h.send({ type: 'import', file: { format: 'give-first-export', version: 1, exportedAt: new Date().toISOString(), events: [like], settings: {} } });
  expect(reply.ok).toBe(true);
  const page = await h.openPage(POPUP);
  await page.waitForFunction(() => performance.getEntriesByName('give-first-popup-rendered').length > 0);
  const state = await page.evaluate(() => ({
    taken: 'giveFirstEarlyRead' in globalThis && (globalThis as { giveFirstEarlyRead?: unknown }).giveFirstEarlyRead === undefined,
    give: document.querySelector('[data-testid="give"]')?.textContent ?? '',
  }));
  expect(state.taken).toBe(true);
  expect(state.give).toMatch(/1/);
  await page.close();
});
