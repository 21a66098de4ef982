// @ts-check
/**
 * The popup's storage read, started by a plain script in the popup's <head> (issue #2: first render
 * ≤ 100 ms). A module script runs only once its whole graph is fetched and evaluated; this runs as
 * soon as the page parses it, so the read (~6–12 ms through the browser process) overlaps with loading
 * the popup's code instead of following it. loadStoredState (src/ui/components/use-stored-state.ts)
 * takes the promise from here, or reads itself if this script did not run. Plain JavaScript because
 * Vite copies files in public/ as they are; the keys are SETTINGS_KEY and SNAPSHOT_KEY.
 */
{
  const api = /** @type {{ browser?: typeof chrome }} */ (globalThis).browser ?? globalThis.chrome;
  const scope = /** @type {{ giveFirstEarlyRead?: Promise<Record<string, unknown>>, giveFirstEarlyChanged?: boolean, giveFirstEarlyWatch?: Function }} */ (globalThis);
  if (api?.storage?.local) {
    // A change after this read starts and before the popup listens is noted, so the popup reads again.
    /** @param {Record<string, unknown>} changes @param {string} area */
    const watch = (changes, area) => {
      if (area === 'local' && (changes.settings || changes.snapshot)) scope.giveFirstEarlyChanged = true;
    };
    api.storage.onChanged.addListener(watch);
    scope.giveFirstEarlyWatch = watch;
    scope.giveFirstEarlyRead = api.storage.local.get(['settings', 'snapshot']);
  }
}
