import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoredState } from './use-stored-state.ts';

type Listener = (changes: Record<string, unknown>, area: string) => void;

/** A stand-in for chrome.storage: get() answers what `store` holds when it is called, later if asked. */
function fakeChrome() {
  const listeners = new Set<Listener>();
  const store: Record<string, unknown> = { settings: { target: 3 } };
  const api = {
    runtime: {},
    storage: {
      local: { get: vi.fn(async () => structuredClone(store)) },
      onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
  };
  const change = (target: number): void => {
    store.settings = { target };
    for (const l of [...listeners]) l({ settings: { newValue: store.settings } }, 'local');
  };
  return { api, listeners, change };
}

type Early = { giveFirstEarlyRead?: Promise<Record<string, unknown>>; giveFirstEarlyChanged?: boolean; giveFirstEarlyWatch?: Listener };

let chrome: ReturnType<typeof fakeChrome>;
beforeEach(() => {
  vi.resetModules();
  chrome = fakeChrome();
  (globalThis as { chrome?: unknown }).chrome = chrome.api;
});
afterEach(() => {
  delete (globalThis as { chrome?: unknown }).chrome;
  delete (globalThis as Early).giveFirstEarlyChanged;
});

/** Renders useStoredState(initial) and returns what it shows after effects have run. */
async function mount(initial: StoredState): Promise<() => number> {
  const { useStoredState } = await import('./use-stored-state.ts');
  let shown = 0;
  function Probe() {
    shown = useStoredState(initial).settings.target;
    return null;
  }
  const root = document.createElement('div');
  await act(async () => {
    render(<Probe />, root);
  });
  return () => shown;
}

const settle = () => act(async () => new Promise((resolve) => setTimeout(resolve, 0)));

describe('stored state in the popup', () => {
  it('a change that lands between the first read and the listener is not lost', async () => {
    const { loadStoredState } = await import('./use-stored-state.ts');
    const loading = loadStoredState();
    chrome.change(5); // after the read, before the first render's listener exists
    const initial = await loading;
    expect(initial.settings.target).toBe(3);
    const shown = await mount(initial);
    await settle();
    expect(shown()).toBe(5);
    // Only the popup's own listener is left.
    expect(chrome.listeners.size).toBe(1);
  });

  it('the <head> script’s read is used, and a change it noted leads to a second read', async () => {
    const early = globalThis as Early;
    const watch: Listener = () => {};
    chrome.api.storage.onChanged.addListener(watch);
    early.giveFirstEarlyWatch = watch;
    early.giveFirstEarlyRead = Promise.resolve({ settings: { target: 3 } });
    early.giveFirstEarlyChanged = true;
    const { loadStoredState } = await import('./use-stored-state.ts');
    const initial = await loadStoredState();
    expect(chrome.api.storage.local.get).not.toHaveBeenCalled();
    chrome.change(4);
    const shown = await mount(initial);
    await settle();
    expect(shown()).toBe(4);
    expect(chrome.listeners.has(watch)).toBe(false);
  });

  it('without a change, the first read is the only one; later changes are followed', async () => {
    const { loadStoredState } = await import('./use-stored-state.ts');
    const shown = await mount(await loadStoredState());
    await settle();
    expect(chrome.api.storage.local.get).toHaveBeenCalledTimes(1);
    chrome.change(6);
    await settle();
    expect(shown()).toBe(6);
  });
});
