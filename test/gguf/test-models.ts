// The tiny GGUF models the e2e build offers by URL next to the real ones, and that browser tests
// serve with Playwright's routing. Only the e2e build's generator worker imports this file.
import type { GgufModel } from '../../src/lib/wllama';

export const ALPHABET_MODEL_ID = 'gguf:test-tiny-alphabet';
export const INVALID_UTF8_MODEL_ID = 'gguf:test-tiny-invalid-utf8';
/** The alphabet model on wllama's compatibility build, forced in Chromium (test/gguf/forced-compat.ts). */
export const COMPAT_ALPHABET_MODEL_ID = 'gguf:test-tiny-alphabet-compat';
/**
 * The e2e build's stall time for GGUF downloads, short so that a browser test sees a stall soon;
 * every other build waits 20 s (STALL_MS).
 */
export const E2E_STALL_MS = 4_000;
/** Where the models live on the site's own origin; nothing serves them but a test's route. */
export const TEST_MODEL_PATH = '/test-models/';
/** Where the compat engine's alphabet model lives: test/browser/wllama-compat.test.ts serves it. */
export const COMPAT_MODEL_FILE = `${TEST_MODEL_PATH}tiny-alphabet-compat.gguf`;

/** The test models, by URL on `origin` (wllama wants an absolute URL that ends in .gguf). */
export function testGgufModels(origin: string): GgufModel[] {
  return [
    { id: ALPHABET_MODEL_ID, label: 'Tiny alphabet model (test)', url: `${origin}${TEST_MODEL_PATH}tiny-alphabet.gguf`, downloadMB: 0.5 },
    { id: INVALID_UTF8_MODEL_ID, label: 'Tiny invalid-UTF-8 model (test)', url: `${origin}${TEST_MODEL_PATH}tiny-invalid-utf8.gguf`, downloadMB: 0.5 },
  ];
}

/**
 * The alphabet model again, for the e2e build's engine that runs wllama's compatibility build; a
 * URL of its own, so that wllama's store of downloads keeps it apart from the other engine's.
 */
export function testCompatGgufModels(origin: string): GgufModel[] {
  return [{ id: COMPAT_ALPHABET_MODEL_ID, label: 'Tiny alphabet model (test, compatibility build)', url: `${origin}${COMPAT_MODEL_FILE}`, downloadMB: 0.5 }];
}
