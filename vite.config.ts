import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// `--mode e2e` builds the same site with the deterministic test engine added to the generator
// worker (see workers/generator.worker.ts); every other mode ships web-llm alone.
export default defineConfig(({ mode }) => ({
  // Relative asset URLs, so the built folder works from any static host and any sub-path.
  base: './',
  plugins: [svelte()],
  build: {
    outDir: mode === 'e2e' ? 'dist-e2e' : 'dist',
    target: 'es2022',
    // web-llm's runtime is one ~6 MB chunk that only the generator worker loads.
    chunkSizeWarningLimit: 8000,
  },
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', port: 4173 },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // idb checks values against the IndexedDB classes, so Node needs them as globals; each test
    // still opens its own fresh IDBFactory.
    setupFiles: ['fake-indexeddb/auto'],
  },
}));
