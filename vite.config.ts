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
      rollupOptions: {
        // Pages the manifest does not name (crxjs builds only what it references).
        input: { review: 'src/ui/review/index.html' },
        output: {
          // Preact in a chunk of its own (assets/vendor-preact-*): its innerHTML support (which we never use)
          // is the one thing Mozilla's linter flags, and tests/tools/firefox-lint.mjs tolerates it only
          // in third-party chunks. Everything else keeps the default chunking (fewer modules to load).
          manualChunks(id: string) {
            return /node_modules\/preact\//.test(id) ? 'vendor-preact' : undefined;
          },
        },
      },
    },
    server: { port: 5199, strictPort: true },
  };
});
