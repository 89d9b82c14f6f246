// How many threads llama.cpp gets. Its threads share the wasm memory (a SharedArrayBuffer), which a
// browser allows only on a cross-origin isolated page (COOP and COEP, see public/_headers and
// src/service-worker); elsewhere wllama runs on one thread.

// Past this, more threads mostly wait on memory; a small model gains nothing from them.
const MAX_THREADS = 8;

interface Scope {
  crossOriginIsolated?: boolean;
  navigator?: { hardwareConcurrency?: number };
}

/**
 * Every core up to MAX_THREADS where the page is isolated, else one. wllama's own default is half
 * the cores, which on a 2-core machine is one.
 */
export function threadCount(scope: Scope = globalThis): number {
  if (!scope.crossOriginIsolated) return 1;
  return Math.max(1, Math.min(scope.navigator?.hardwareConcurrency ?? 1, MAX_THREADS));
}
