// @vitest-environment node
/**
 * The meta-test over the adapter registry (STYLE.md habit 1, after Web Scrobbler and refined-github):
 * every adapter is registered under its own id, has fixtures and tests, has both content-script entries,
 * and appears in manifest.json with exactly its own match patterns. Also guards the manifest against
 * permissions the extension must never ask for.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { ADAPTERS, adapterList } from '../../src/adapters/registry.ts';
import { PLATFORMS } from '../../src/shared/events.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const ADAPTERS_DIR = join(ROOT, 'src', 'adapters');

interface ContentScript {
  matches?: string[];
  exclude_matches?: string[];
  js?: string[];
  css?: string[];
  run_at?: string;
  world?: string;
  all_frames?: boolean;
}

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: ContentScript[];
  web_accessible_resources?: unknown;
}

const manifestText = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
const manifest = JSON.parse(manifestText) as Manifest;
const contentScripts = manifest.content_scripts ?? [];

const sorted = (list: readonly string[] | undefined): string[] => [...(list ?? [])].sort();
const isDir = (path: string): boolean => existsSync(path) && statSync(path).isDirectory();

/** Folders under src/adapters/ — one per site. */
const adapterFolders = readdirSync(ADAPTERS_DIR).filter((name) => isDir(join(ADAPTERS_DIR, name)));

describe('adapter registry', () => {
  it('is not empty, and every folder under src/adapters/ is a registered adapter', () => {
    expect(adapterList().length).toBeGreaterThan(0);
    expect(sorted(adapterFolders)).toEqual(sorted(Object.keys(ADAPTERS)));
  });

  describe.each(adapterList().map((adapter) => [adapter.id, adapter] as const))('%s', (id, adapter) => {
    const folder = join(ADAPTERS_DIR, id);

    it('has an id that is a platform, its registry key and its folder name', () => {
      expect(PLATFORMS).toContain(id);
      expect(ADAPTERS[id]).toBe(adapter);
      expect(isDir(folder)).toBe(true);
    });

    it('has a non-empty fixtures/ folder and a test file', () => {
      expect(isDir(join(folder, 'fixtures'))).toBe(true);
      expect(readdirSync(join(folder, 'fixtures')).length).toBeGreaterThan(0);
      expect(readdirSync(folder).filter((name) => name.endsWith('.test.ts')).length).toBeGreaterThan(0);
    });

    it('gives the nudge what it needs: composer hooks for submit controls, the draft and original-vs-reply', () => {
      for (const hook of ['submitFromClick', 'submitFromKey', 'describe', 'noteClick', 'suggestions'] as const) {
        expect(typeof adapter.composer[hook], hook).toBe('function');
      }
      // On an empty page nothing is a submit control and nothing is suggested: the hooks never throw.
      const doc = new Window().document as unknown as Document;
      expect(adapter.composer.submitFromClick(doc.body)).toBeNull();
      expect(adapter.composer.suggestions(doc, null, 3)).toEqual([]);
    });

    it('has content-script entries src/content/sites/<id>.ts and <id>.page.ts', () => {
      expect(existsSync(join(ROOT, 'src', 'content', 'sites', `${id}.ts`))).toBe(true);
      expect(existsSync(join(ROOT, 'src', 'content', 'sites', `${id}.page.ts`))).toBe(true);
    });

    it('has https match patterns for its own hosts only', () => {
      expect(adapter.matches.length).toBeGreaterThan(0);
      for (const pattern of adapter.matches) expect(pattern).toMatch(/^https:\/\/[a-z0-9.-]+\/\*$/);
    });

    it('runs its page tap in the MAIN world at document_start, on exactly its matches', () => {
      const entries = contentScripts.filter((cs) => cs.js?.includes(`src/content/sites/${id}.page.ts`));
      expect(entries).toHaveLength(1);
      const [entry] = entries;
      expect(entry?.world).toBe('MAIN');
      expect(entry?.run_at).toBe('document_start');
      expect(entry?.js).toEqual([`src/content/sites/${id}.page.ts`]);
      expect(sorted(entry?.matches)).toEqual(sorted(adapter.matches));
    });

    it('runs its content script in the isolated world, on exactly its matches', () => {
      const entries = contentScripts.filter((cs) => cs.js?.includes(`src/content/sites/${id}.ts`));
      expect(entries).toHaveLength(1);
      const [entry] = entries;
      expect(entry?.world === undefined || entry.world === 'ISOLATED').toBe(true);
      expect(entry?.js).toEqual([`src/content/sites/${id}.ts`]);
      expect(sorted(entry?.matches)).toEqual(sorted(adapter.matches));
    });
  });

  it('every manifest content script belongs to a registered adapter', () => {
    const known = new Set(adapterList().flatMap((a) => [`src/content/sites/${a.id}.ts`, `src/content/sites/${a.id}.page.ts`]));
    for (const cs of contentScripts) {
      for (const js of cs.js ?? []) expect(known, js).toContain(js);
    }
  });
});

describe('manifest.json', () => {
  it('exposes no web_accessible_resources (nothing a page can probe for or load)', () => {
    expect(manifest).not.toHaveProperty('web_accessible_resources');
  });

  it('never asks for <all_urls> or wildcard hosts', () => {
    expect(manifestText).not.toContain('<all_urls>');
    const patterns = [...(manifest.host_permissions ?? []), ...contentScripts.flatMap((cs) => cs.matches ?? [])];
    for (const pattern of patterns) expect(pattern, pattern).not.toMatch(/^(\*|https?):\/\/\*\//);
  });

  // Mastodon runs on thousands of domains. An *optional* `https://*/*` grants nothing at install: it is
  // the documented way (developer.chrome.com, "optional_host_permissions") to ask, at the moment the user
  // adds an instance in the options, for that one origin (src/background/instances.ts). So optional
  // host patterns may be wide, but only https and never <all_urls>.
  it('asks for optional hosts over https only', () => {
    for (const pattern of manifest.optional_host_permissions ?? []) expect(pattern, pattern).toMatch(/^https:\/\/[^/]+\/\*$/);
  });

  it('asks for none of tabs, cookies, history, webRequest', () => {
    const permissions = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])];
    for (const forbidden of ['tabs', 'cookies', 'history', 'webRequest', 'webRequestBlocking', 'debugger']) {
      expect(permissions).not.toContain(forbidden);
    }
  });
});
