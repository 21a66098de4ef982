/**
 * A second persistent Chromium context WITHOUT the extension, launched with the same flags as the
 * e2e harness apart from --load-extension / --disable-extensions-except, for A/B measurements.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { chromiumPath } from '../e2e/harness.ts';

export interface PlainBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

export const COMMON_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

export async function launchPlain(): Promise<PlainBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'give-first-bench-plain-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: COMMON_ARGS,
  });
  // As in the harness: nothing may leave the machine.
  await context.route(/^https?:\/\//, (route) => route.abort('blockedbyclient'));
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
