/**
 * Mastodon instances added by the user: what instances.ts asks of the browser when a host permission is
 * granted or removed, and how it tells a registered instance's pages apart. The permission prompt itself
 * cannot be answered in headless Chromium (permissions.request waits for a dialog nobody sees), so this
 * runs against a stand-in for the browser APIs; the options page's request is covered by
 * tests/e2e/mastodon-instances.test.ts up to the prompt.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Script = { id: string; matches?: string[]; js?: string[]; runAt?: string; world?: string; persistAcrossSessions?: boolean };
const fake = vi.hoisted(() => ({
  registered: [] as Script[],
  granted: [] as string[],
  onAdded: [] as ((p: { origins?: string[] }) => void)[],
  onRemoved: [] as ((p: { origins?: string[] }) => void)[],
}));
const MANIFEST = {
  content_scripts: [
    { matches: ['https://x.com/*'], js: ['src/content/sites/x.page.js'], world: 'MAIN' },
    { matches: ['https://mastodon.social/*', 'https://fosstodon.org/*'], js: ['src/content/sites/mastodon.page.js'], world: 'MAIN', run_at: 'document_start' },
    { matches: ['https://mastodon.social/*', 'https://fosstodon.org/*'], js: ['src/content/sites/mastodon.js'], run_at: 'document_start' },
  ],
};
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: { getManifest: () => MANIFEST, onInstalled: { addListener: () => undefined }, onStartup: { addListener: () => undefined } },
    permissions: {
      getAll: async () => ({ origins: [...MANIFEST.content_scripts.flatMap((c) => c.matches), ...fake.granted] }),
      onAdded: { addListener: (f: (p: { origins?: string[] }) => void) => fake.onAdded.push(f) },
      onRemoved: { addListener: (f: (p: { origins?: string[] }) => void) => fake.onRemoved.push(f) },
    },
    scripting: {
      getRegisteredContentScripts: async (filter?: { ids?: string[] }) =>
        fake.registered.filter((s) => !filter?.ids || filter.ids.includes(s.id)),
      registerContentScripts: async (scripts: Script[]) => {
        for (const s of scripts) if (fake.registered.some((r) => r.id === s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        fake.registered.push(...scripts);
      },
      unregisterContentScripts: async ({ ids }: { ids: string[] }) => {
        fake.registered = fake.registered.filter((s) => !ids.includes(s.id));
      },
    },
  },
}));

const { instancePlatform, reconcileInstances, registeredInstances } = await import('./instances.ts');
const { normalizeInstanceDomain: normalizeDomain } = await import('../shared/instance-domain.ts');

const settle = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  fake.registered = [];
  fake.granted = [];
});

describe('Mastodon instances', () => {
  it('normalises what a user types into a host name', () => {
    expect(normalizeDomain(' Social.Example.org ')).toBe('social.example.org');
    expect(normalizeDomain('https://social.example.org/home')).toBe('social.example.org');
    expect(normalizeDomain('not a domain')).toBeNull();
    expect(normalizeDomain('localhost')).toBeNull();
    expect(normalizeDomain('*.example.org')).toBeNull();
  });

  it('a granted origin registers both Mastodon scripts (MAIN tap + isolated), persistent, prefixed give-first-', async () => {
    fake.granted = ['https://social.example.org/*'];
    for (const f of fake.onAdded) f({ origins: ['https://social.example.org/*'] });
    await settle();
    await settle();
    expect(fake.registered).toEqual([
      { id: 'give-first-mastodon-social.example.org-page', matches: ['https://social.example.org/*'], js: ['src/content/sites/mastodon.page.js'], runAt: 'document_start', world: 'MAIN', persistAcrossSessions: true },
      { id: 'give-first-mastodon-social.example.org', matches: ['https://social.example.org/*'], js: ['src/content/sites/mastodon.js'], runAt: 'document_start', persistAcrossSessions: true },
    ]);
    expect(await registeredInstances()).toEqual(['social.example.org']);
    expect(await instancePlatform('https://social.example.org/home')).toBe('mastodon');
    expect(await instancePlatform('https://other.example.org/home')).toBeNull();
    expect(await instancePlatform('http://social.example.org/home')).toBeNull();
  });

  it('a removed origin unregisters them; a shipped instance is never registered twice', async () => {
    fake.granted = ['https://social.example.org/*'];
    await reconcileInstances();
    expect(fake.registered).toHaveLength(2);
    for (const f of fake.onRemoved) f({ origins: ['https://social.example.org/*'] });
    await settle();
    await settle();
    expect(fake.registered).toEqual([]);
    for (const f of fake.onAdded) f({ origins: ['https://fosstodon.org/*'] });
    await settle();
    expect(fake.registered).toEqual([]);
  });

  it('reconcile registers grants made while asleep and drops registrations whose grant is gone', async () => {
    fake.granted = ['https://a.example.org/*'];
    await reconcileInstances();
    await reconcileInstances(); // idempotent
    expect(await registeredInstances()).toEqual(['a.example.org']);
    fake.granted = ['https://b.example.org/*'];
    await reconcileInstances();
    expect(await registeredInstances()).toEqual(['b.example.org']);
  });
});
