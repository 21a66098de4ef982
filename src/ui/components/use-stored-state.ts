/** Reads settings and the background's snapshot from storage.local and follows their changes. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { normalizeSettings, SETTINGS_KEY, type Settings } from '../../shared/settings.ts';
import { emptySnapshot, SNAPSHOT_KEY, type Snapshot } from '../../shared/snapshot.ts';

export interface StoredState {
  settings: Settings;
  snapshot: Snapshot;
}

export async function loadStoredState(): Promise<StoredState> {
  const stored = await browser.storage.local.get([SETTINGS_KEY, SNAPSHOT_KEY]);
  return {
    settings: normalizeSettings(stored[SETTINGS_KEY]),
    snapshot: { ...emptySnapshot(), ...(stored[SNAPSHOT_KEY] as Partial<Snapshot> | undefined) },
  };
}

export function useStoredState(initial: StoredState): StoredState {
  const [state, setState] = useState(initial);
  useEffect(() => {
    const listener = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
      if (area !== 'local' || (!changes[SETTINGS_KEY] && !changes[SNAPSHOT_KEY])) return;
      void loadStoredState().then(setState);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return state;
}
