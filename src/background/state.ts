/**
 * Background state that can be rebuilt at any time: the database handle and settings are re-read
 * after the service worker restarts; nothing irreplaceable lives in memory.
 */
import browser from 'webextension-polyfill';
import type { IDBPDatabase } from 'idb';
import type { OwnHandles } from '../core/tally.ts';
import { PLATFORMS, type Platform } from '../shared/events.ts';
import { normalizeHandle, normalizeSettings, SETTINGS_KEY, type Settings } from '../shared/settings.ts';
import { emptySnapshot, SNAPSHOT_KEY, type Snapshot } from '../shared/snapshot.ts';
import { openDatabase } from './db/open.ts';
import type { GiveFirstDB } from './db/schema.ts';

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return normalizeSettings(stored[SETTINGS_KEY]);
}

export async function readSnapshot(): Promise<Snapshot> {
  const stored = await browser.storage.local.get(SNAPSHOT_KEY);
  return { ...emptySnapshot(), ...(stored[SNAPSHOT_KEY] as Partial<Snapshot> | undefined) };
}

/** Handles set in options plus those read from the sites, normalised. */
export function ownHandles(settings: Settings, identities: Partial<Record<Platform, string>>): OwnHandles {
  const out: Partial<Record<Platform, string[]>> = {};
  for (const platform of PLATFORMS) {
    const list = [...(settings.handles[platform] ?? []), ...(identities[platform] ? [identities[platform]] : [])]
      .map(normalizeHandle)
      .filter(Boolean);
    if (list.length) out[platform] = [...new Set(list)].sort();
  }
  return out;
}

let dbPromise: Promise<IDBPDatabase<GiveFirstDB>> | undefined;

export function database(): Promise<IDBPDatabase<GiveFirstDB>> {
  dbPromise ??= (async () => {
    const [settings, snapshot] = await Promise.all([readSettings(), readSnapshot()]);
    const db = await openDatabase({ own: ownHandles(settings, snapshot.identities) });
    db.addEventListener('close', () => {
      dbPromise = undefined;
    });
    return db;
  })();
  dbPromise.catch(() => {
    dbPromise = undefined;
  });
  return dbPromise;
}
