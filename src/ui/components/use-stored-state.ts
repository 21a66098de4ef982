/**
 * Reads settings and the background's snapshot from storage.local (one read for both) and follows their
 * changes. Without webextension-polyfill: the popup reads this before its first render (issue #2).
 */
import { useEffect, useState } from 'preact/hooks';
import { ext } from '../../shared/extension-api.ts';
import { normalizeSettings, SETTINGS_KEY, type Settings } from '../../shared/settings.ts';
import { emptySnapshot, SNAPSHOT_KEY, type Snapshot } from '../../shared/snapshot.ts';

export interface StoredState {
  settings: Settings;
  snapshot: Snapshot;
}

/** The read the popup's <head> script started (public/popup-early.js); taken once, by the first render. */
const early = globalThis as { giveFirstEarlyRead?: Promise<Record<string, unknown>> | undefined };

export async function loadStoredState(): Promise<StoredState> {
  const started = early.giveFirstEarlyRead;
  early.giveFirstEarlyRead = undefined;
  const stored = await (started ?? ext().storage.local.get([SETTINGS_KEY, SNAPSHOT_KEY]));
  return {
    settings: normalizeSettings(stored[SETTINGS_KEY]),
    snapshot: { ...emptySnapshot(), ...(stored[SNAPSHOT_KEY] as Partial<Snapshot> | undefined) },
  };
}

export function useStoredState(initial: StoredState): StoredState {
  const [state, setState] = useState(initial);
  useEffect(() => {
    const listener = (changes: Record<string, chrome.storage.StorageChange>, area: string): void => {
      if (area !== 'local' || (!changes[SETTINGS_KEY] && !changes[SNAPSHOT_KEY])) return;
      void loadStoredState().then(setState);
    };
    const { onChanged } = ext().storage;
    onChanged.addListener(listener);
    return () => onChanged.removeListener(listener);
  }, []);
  return state;
}
