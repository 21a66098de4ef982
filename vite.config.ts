import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

// Every content script is listed as a standalone file: each becomes one self-contained IIFE, so the
// build has no async loader and no web_accessible_resources (toolchain.md, "Building with crxjs").
const contentScripts = manifest.content_scripts.flatMap((entry) => entry.js);

export default defineConfig({
  plugins: [
    preact(),
    crx({ manifest: manifest as ManifestV3Export, contentScripts: { standaloneFiles: contentScripts } }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    rollupOptions: {
      // Pages the manifest does not name (crxjs builds only what it references).
      input: { review: 'src/ui/review/index.html' },
    },
  },
  server: { port: 5199, strictPort: true },
});
