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

type ChangeListener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => void;

/**
 * What the popup's <head> script (public/popup-early.js) left: the read it started, taken once by the
 * first render; whether settings or the snapshot changed since it started; its listener for that.
 */
const early = globalThis as {
  giveFirstEarlyRead?: Promise<Record<string, unknown>> | undefined;
  giveFirstEarlyChanged?: boolean;
  giveFirstEarlyWatch?: ChangeListener | undefined;
};

const isOurs = (changes: Record<string, unknown>, area: string): boolean => area === 'local' && Boolean(changes[SETTINGS_KEY] ?? changes[SNAPSHOT_KEY]);

/**
 * A change between the first read and the listener useStoredState adds after the first render would be
 * lost: from the first read until then, a watch notes whether one came, and useStoredState reads again.
 */
let changedSinceRead = false;
let watch: ChangeListener | undefined;
/** Set once useStoredState listens: later reads need no watch. */
let listening = false;

function stopWatching(): void {
  const { onChanged } = ext().storage;
  if (watch) onChanged.removeListener(watch);
  if (early.giveFirstEarlyWatch) onChanged.removeListener(early.giveFirstEarlyWatch);
  watch = undefined;
  early.giveFirstEarlyWatch = undefined;
}

export async function loadStoredState(): Promise<StoredState> {
  const started = early.giveFirstEarlyRead;
  early.giveFirstEarlyRead = undefined;
  if (!watch && !started && !listening) {
    // Watching starts before the read (the <head> script's own watch covers its read).
    watch = (changes, area) => {
      if (isOurs(changes, area)) changedSinceRead = true;
    };
    ext().storage.onChanged.addListener(watch);
  }
  const stored = await (started ?? ext().storage.local.get([SETTINGS_KEY, SNAPSHOT_KEY]));
  return {
    settings: normalizeSettings(stored[SETTINGS_KEY]),
    snapshot: { ...emptySnapshot(), ...(stored[SNAPSHOT_KEY] as Partial<Snapshot> | undefined) },
  };
}

export function useStoredState(initial: StoredState): StoredState {
  const [state, setState] = useState(initial);
  useEffect(() => {
    const listener: ChangeListener = (changes, area) => {
      if (isOurs(changes, area)) void loadStoredState().then(setState);
    };
    const { onChanged } = ext().storage;
    onChanged.addListener(listener);
    listening = true;
    // What changed between the first read and now, the listener above did not hear.
    const missed = changedSinceRead || early.giveFirstEarlyChanged === true;
    changedSinceRead = false;
    early.giveFirstEarlyChanged = false;
    stopWatching();
    if (missed) void loadStoredState().then(setState);
    return () => onChanged.removeListener(listener);
  }, []);
  return state;
}
