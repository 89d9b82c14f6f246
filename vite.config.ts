import { defaultServerConditions, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';

// The dev server injects CSS as <style> elements, which index.html's policy refuses; the built
// site links its stylesheets, so only the dev server's copy of the policy allows inline styles.
const devInlineStyles: Plugin = {
  name: 'dev-inline-styles',
  apply: 'serve',
  transformIndexHtml: (html) => html.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
};

// Cross-origin isolation, so that llama.cpp may share its memory between threads (SharedArrayBuffer):
// `credentialless` still lets the engines fetch models from other hosts by CORS. The dev and preview
// servers send these headers; static hosts send public/_headers, or the service worker adds them.
const ISOLATION_HEADERS = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'credentialless' };

// wllama's compatibility build gets a folder of its own, which the service worker leaves out.
const WLLAMA_COMPAT_DIR = 'wllama-compat';
const assetFileName = ({ originalFileNames }: { originalFileNames: readonly string[] }) =>
  originalFileNames.some((name) => name.includes('@wllama/wllama-compat/')) ? `${WLLAMA_COMPAT_DIR}/[name]-[hash][extname]` : 'assets/[name]-[hash][extname]';

// `--mode e2e` builds the same site with the deterministic test engine added to the generator
// worker (see workers/generator.worker.ts); every other mode ships web-llm alone.
export default defineConfig(({ command, mode }) => ({
  // Relative asset URLs, so the built folder works from any static host and any sub-path.
  base: './',
  // Whether src/main.ts registers the service worker: only built sites have one. (Not
  // import.meta.env.PROD, which follows NODE_ENV, and vitest builds the test sites under NODE_ENV=test.)
  define: { 'import.meta.env.SERVICE_WORKER': JSON.stringify(command === 'build') },
  plugins: [
    // Unit tests (vitest's mode) compile the state classes (src/ui/*.svelte.ts) for the client, as
    // the page runs them: their runes then react in Node, and a test sees what a component would.
    svelte(mode === 'test' ? { dynamicCompileOptions: () => ({ generate: 'client' }) } : {}),
    devInlineStyles,
    // A precaching service worker, so a second visit works with the network off. Models are not
    // its business: web-llm and wllama keep their own caches, keyed by URL (research/webllm.md §1.11).
    VitePWA({
      // The new version of a deployed site installs in the background and waits until every tab of
      // the app is closed, or until the user presses "Update" (src/ui/NetworkStatus.svelte): an
      // automatic reload could cut a run short. src/main.ts registers the worker, with no inline script.
      registerType: 'prompt',
      injectRegister: false,
      // The icons are in globPatterns already (the plugin adds the web manifest itself).
      includeManifestIcons: false,
      manifest: {
        name: 'Self-Instruct Studio',
        short_name: 'Self-Instruct',
        description: 'Grow an instruction-tuning dataset from a handful of seed tasks, entirely in your browser.',
        id: './',
        start_url: './',
        scope: './',
        display: 'standalone',
        theme_color: '#2f6d5c',
        background_color: '#f6f4ee',
        icons: [
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: 'pwa-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'pwa-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'pwa-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        // Everything the page and both workers load, wllama's wasm and the default seeds included.
        globPatterns: ['**/*.{html,js,css,svg,png,wasm,jsonl}'],
        // Self-hosted models (README "Offline use and self-hosting") are the engines' to cache.
        // wllama's compatibility build (19 MB) only serves browsers without JSPI or Memory64: the
        // runtime rule below keeps it once such a browser fetched it, for offline use after.
        globIgnores: ['models/**', '**/*.gguf', `${WLLAMA_COMPAT_DIR}/**`],
        // The generator worker's chunk is about 6 MB (web-llm) and llama.cpp's wasm about 10 MB.
        maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/\/models\//],
        // Control the page on the very first visit (nothing older is running then); an update
        // still waits, since it does not skip waiting.
        clientsClaim: true,
        // wllama's compatibility build, kept once a browser fetched it: its file names carry a
        // content hash, so a kept copy is never stale, and the two newest files (its wasm and its
        // JS) are all it keeps. A RegExp, since the plugin writes this rule's source into the worker.
        runtimeCaching: [
          { urlPattern: new RegExp(`/${WLLAMA_COMPAT_DIR}/`), handler: 'CacheFirst', options: { cacheName: WLLAMA_COMPAT_DIR, expiration: { maxEntries: 2 } } },
        ],
        // Adds the isolation headers to what the worker serves (public/isolation-headers.js).
        importScripts: ['isolation-headers.js'],
      },
    }),
  ],
  build: {
    outDir: mode === 'e2e' ? 'dist-e2e' : 'dist',
    target: 'es2022',
    // web-llm's runtime is one ~6 MB chunk that only the generator worker loads.
    chunkSizeWarningLimit: 8000,
    rolldownOptions: {
      // papaparse is a UMD module, so the bundler must assume that importing it does something.
      // It does not: without this, the page carried its ~7 KB gzip for the seed reader's CSV
      // parser, which only the import worker runs.
      treeshake: { moduleSideEffects: [{ test: /node_modules[\\/]papaparse[\\/]/, sideEffects: false }] },
    },
  },
  worker: { format: 'es', rolldownOptions: { output: { assetFileNames: assetFileName } } },
  server: { headers: ISOLATION_HEADERS },
  preview: { host: '127.0.0.1', port: 4173, headers: ISOLATION_HEADERS },
  // ...with Svelte's browser runtime to match; only Svelte and esm-env are resolved by Vite here,
  // every other package is loaded by Node as usual.
  ...(mode === 'test' ? { ssr: { resolve: { conditions: ['browser', ...defaultServerConditions] } } } : {}),
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // idb checks values against the IndexedDB classes, so Node needs them as globals; each test
    // still opens its own fresh IDBFactory.
    setupFiles: ['fake-indexeddb/auto'],
    // Room for a shared machine under load (vitest's defaults are 5 s a test and 1 s a poll); no
    // test waits for a fixed time, so a fast machine still finishes fast.
    testTimeout: 30_000,
    expect: { poll: { timeout: 15_000 } },
  },
}));
