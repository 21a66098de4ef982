import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

// Every content script is listed as a standalone file: each becomes one self-contained IIFE, so the
// build has no async loader and no web_accessible_resources (toolchain.md, "Building with crxjs").
const contentScripts = manifest.content_scripts.flatMap((entry) => entry.js);

/** The add-on id on addons.mozilla.org; it also keys the user's data in Firefox, so never change it. */
export const GECKO_ID = 'give-first@givefirst.extension';

/**
 * Firefox reads the same manifest with three differences (toolchain.md): an event page (background
 * `scripts`) instead of a service worker, `browser_specific_settings.gecko` with the id, the minimum
 * version (see below) and the data-collection declaration (none), and no
 * Chrome-only keys.
 */
function firefoxManifest(): ManifestV3Export {
  const { background, minimum_chrome_version: _chromeOnly, ...rest } = manifest;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      // 140: the first version that reads data_collection_permissions (also ≥ 128 for MAIN-world scripts).
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    },
  } as unknown as ManifestV3Export;
}

type ModuleInfoOf = (id: string) => { importers: readonly string[] } | null;
const POPUP_DIR = /src[\\/]ui[\\/]popup[\\/]/;
const BACKGROUND_DIR = /src[\\/]background[\\/]/;

/** Whether code in `dir` imports this module, directly or through others: a walk up its importers. */
function usedFrom(dir: RegExp, id: string, info: ModuleInfoOf): boolean {
  const seen = new Set([id]);
  const queue = [id];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    if (dir.test(next)) return true;
    for (const importer of info(next)?.importers ?? []) {
      if (!seen.has(importer)) {
        seen.add(importer);
        queue.push(importer);
      }
    }
  }
  return false;
}

/**
 * The chunk of a module the popup shares with other pages: `popup-core` when the background uses it
 * too (that chunk never imports Preact, so the service worker can load it), else `popup-shared`.
 */
function popupChunk(id: string, info: ModuleInfoOf): string | null {
  if (!usedFrom(POPUP_DIR, id, info)) return null;
  return usedFrom(BACKGROUND_DIR, id, info) ? 'popup-core' : 'popup-shared';
}

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: [
      preact(),
      crx({
        manifest: firefox ? firefoxManifest() : (manifest as ManifestV3Export),
        browser: firefox ? 'firefox' : 'chrome',
        contentScripts: { standaloneFiles: contentScripts },
      }),
    ],
    build: {
      // `vite build` → dist/ (Chrome); `vite build --mode firefox` → dist-firefox/.
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      target: 'es2022',
      sourcemap: false,
      // Chromium and Firefox ≥ 115 support <link rel="modulepreload">: no polyfill script in the pages.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        // Pages the manifest does not name (crxjs builds only what it references).
        input: { review: 'src/ui/review/index.html' },
        output: {
          // Few chunks, and in the popup's only what it runs, because its first render waits for every
          // module it loads (issue #2; default chunking made nine requests for the popup, and one shared
          // chunk for every page made it fetch and evaluate 20 KB it never ran):
          //  - third-party code in vendor-* chunks (tests/tools/firefox-lint.mjs tolerates Mozilla
          //    linter warnings only there, e.g. Preact's innerHTML support, which we never use);
          //    webextension-polyfill on its own, so pages that do without it (the popup) never load it;
          //  - the code the popup shares with other pages, found from the module graph (popupChunk):
          //    what the background uses too in `popup-core` (no Preact in it, since the background must
          //    not load Preact), the rest in `popup-shared`; so the popup loads its own chunk, those two
          //    and vendor-preact, nothing it does not run;
          //  - the rest of the code shared by two or more entries in one `common` chunk;
          //  - the other pages' shared components in one `ui` chunk (it imports Preact, which the
          //    background must not load, so `common` takes the code both use first).
          codeSplitting: {
            groups: [
              { name: 'vendor-preact', test: /node_modules[\\/]preact[\\/]/, priority: 5 },
              { name: 'vendor-polyfill', test: /node_modules[\\/]webextension-polyfill[\\/]/, priority: 4 },
              {
                name: (id, ctx) => popupChunk(id, (m) => ctx.getModuleInfo(m)),
                test: (id) => !/\.css$|src[\\/]ui[\\/]popup[\\/]/.test(id),
                minShareCount: 2,
                priority: 3,
              },
              { name: 'common', test: (id) => !/src[\\/]ui[\\/]|\.css$/.test(id), minShareCount: 2, priority: 2 },
              { name: 'ui', test: /src[\\/]ui[\\/]components[\\/].*\.tsx?$/, minShareCount: 2, priority: 1 },
            ],
          },
        },
      },
    },
    server: { port: 5199, strictPort: true },
  };
});
