#!/usr/bin/env node
// `npm run package`: store-ready zips from the existing builds, named with the manifest's version:
//   packages/give-first-<version>-chrome.zip   (dist/, for the Chrome Web Store)
//   packages/give-first-<version>-firefox.zip  (dist-firefox/, for addons.mozilla.org)
//   packages/give-first-<version>-source.zip   (the tracked sources, which Firefox review asks for)
// Each zip is read back and checked (manifest at the root, version, no source maps in the builds).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unzipSync, zipSync } from 'fflate';

const root = process.cwd();
const version = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf8')).version;
const out = join(root, 'packages');
mkdirSync(out, { recursive: true });

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function zipFiles(name, base, files) {
  const entries = Object.fromEntries(files.map((f) => [relative(base, f).split('\\').join('/'), readFileSync(f)]));
  const file = join(out, `give-first-${version}-${name}.zip`);
  writeFileSync(file, zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
  return file;
}

const problems = [];
for (const [name, dir] of [['chrome', 'dist'], ['firefox', 'dist-firefox']]) {
  const file = zipFiles(name, join(root, dir), filesUnder(join(root, dir)));
  const unzipped = unzipSync(readFileSync(file));
  const manifest = unzipped['manifest.json'] && JSON.parse(new TextDecoder().decode(unzipped['manifest.json']));
  if (!manifest) problems.push(`${file}: no manifest.json at the root`);
  else if (manifest.version !== version) problems.push(`${file}: version ${manifest.version}, expected ${version}`);
  if (name === 'firefox' && !manifest?.browser_specific_settings?.gecko?.id) problems.push(`${file}: no gecko id`);
  if (Object.keys(unzipped).some((k) => k.endsWith('.map'))) problems.push(`${file}: contains source maps`);
  console.log(`${relative(root, file)}: ${Object.keys(unzipped).length} files`);
}
const tracked = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
const source = zipFiles('source', root, tracked.map((f) => join(root, f)));
const sourceEntries = Object.keys(unzipSync(readFileSync(source)));
for (const required of ['package.json', 'package-lock.json', 'manifest.json', 'vite.config.ts', 'README.md']) {
  if (!sourceEntries.includes(required)) problems.push(`${source}: missing ${required}`);
}
console.log(`${relative(root, source)}: ${sourceEntries.length} files`);
for (const p of problems) console.error(`package: ${p}`);
process.exit(problems.length ? 1 : 0);
