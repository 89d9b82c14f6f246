// How many threads llama.cpp gets. Its threads share the wasm memory (a SharedArrayBuffer), which a
// browser allows only on a cross-origin isolated page (COOP and COEP: vite.config.ts, public/_headers,
// public/isolation-headers.js); elsewhere wllama runs on one thread.

// Past this, more threads mostly wait on memory; a small model gains nothing from them.
const MAX_THREADS = 8;

interface Scope {
  crossOriginIsolated?: boolean;
  navigator?: { hardwareConcurrency?: number };
}

/**
 * Half the logical cores (most machines with 4 or more run two per physical core, and llama.cpp's
 * threads gain nothing from the second), but at least two, up to MAX_THREADS, where the page is
 * isolated; else one. wllama's own default is the half alone, which on a 2-core machine is one.
 */
export function threadCount(scope: Scope = globalThis): number {
  const cores = scope.navigator?.hardwareConcurrency ?? 1;
  if (!scope.crossOriginIsolated || cores < 2) return 1;
  return Math.min(Math.max(2, Math.floor(cores / 2)), MAX_THREADS);
}
