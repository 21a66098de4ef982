#!/usr/bin/env node
// The whole test gate behind `npm test`: typecheck, build (Chrome and Firefox), web-ext lint of the Firefox
// build, unit and end-to-end tests (vitest: Chromium e2e, then the Firefox smoke test), then one
// plain closing line `N passed, N failed, N skipped` that CI reads. Exits non-zero on any failure.
// Extra arguments go to vitest (e.g. `npm test -- --project unit`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: false }).status ?? 1;
const npx = (args) => run('npx', ['--no-install', ...args]);
let passed = 0;
let failed = 0;
let skipped = 0;

console.log('\n== typecheck (tsc --noEmit)');
if (npx(['tsc', '--noEmit', '-p', 'tsconfig.json']) === 0) passed++;
else failed++;

console.log('\n== build (vite build)');
const built = npx(['vite', 'build', '--logLevel', 'warn']) === 0;
if (built) passed++;
else failed++;

console.log('\n== Firefox build and web-ext lint');
if (npx(['vite', 'build', '--mode', 'firefox', '--logLevel', 'warn']) === 0 && run('node', ['tests/tools/firefox-lint.mjs']) === 0) passed++;
else failed++;

console.log('\n== store packages (zips read back and checked)');
if (run('node', ['tests/tools/package.mjs']) === 0) passed++;
else failed++;

console.log('\n== vitest (unit + e2e + firefox)');
mkdirSync('test-results', { recursive: true });
rmSync('test-results/vitest.json', { force: true });
const extra = process.argv.slice(2);
const vitestStatus = npx(['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/vitest.json', ...extra]);
try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A file that failed to load, or whose beforeAll failed (its tests then count as skipped), has no
  // failed test in the counts; count it as a failure.
  failed += report.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length;
} catch {
  failed++;
}
if (vitestStatus !== 0 && failed === 0) failed++;

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
