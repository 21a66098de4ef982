#!/usr/bin/env node
// Lints the Firefox build (dist-firefox/) with Mozilla's own linter, offline. Passes with 0 errors and no
// warnings from our code; warnings inside third-party chunks (assets/vendor-*, e.g. Preact's innerHTML
// support, which we never use) are listed but tolerated. Exit code 1 on failure.
import { spawnSync } from 'node:child_process';

const run = spawnSync('npx', ['--no-install', 'web-ext', 'lint', '--source-dir', 'dist-firefox', '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
let report;
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error('web-ext lint gave no report:', run.stderr || run.stdout);
  process.exit(1);
}
const ours = (m) => !/^assets\/vendor-/.test(m.file ?? '');
const errors = report.errors ?? [];
const warnings = (report.warnings ?? []).filter(ours);
for (const m of [...errors, ...report.warnings ?? [], ...report.notices ?? []]) {
  console.log(`${m._type}: ${m.code} ${m.file ?? ''} — ${m.message}${ours(m) ? '' : ' (third-party chunk, tolerated)'}`);
}
console.log(`web-ext lint: ${errors.length} errors, ${warnings.length} warnings from our code`);
process.exit(errors.length === 0 && warnings.length === 0 ? 0 : 1);
