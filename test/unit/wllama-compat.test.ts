// Which llama.cpp build the real wllama runs, as createWllama sets it up: the default build where
// the browser has JSPI and Memory64, wllama's compatibility build from our own origin where it
// lacks one (Safari), and never anything from a CDN. The browsers are stand-ins for the globals
// wllama's feature checks read (navigator.userAgent, WebAssembly.Suspending, 64-bit memories).
import { afterEach, expect, test, vi } from 'vitest';
import { createWllama, type WllamaAssets } from '../../src/lib/wllama';

const ORIGIN = 'http://127.0.0.1:4173';
const ASSETS: WllamaAssets = {
  wasm: `${ORIGIN}/assets/wllama-a1.wasm`,
  compat: { wasm: `${ORIGIN}/wllama-compat/wllama-b2.wasm`, worker: `${ORIGIN}/wllama-compat/wllama-c3.js` },
};

const CHROMIUM = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
const SAFARI = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/26.1 Safari/605.1.15';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.6 Mobile/15E148 Safari/604.1';
const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:145.0) Gecko/20100101 Firefox/145.0';

interface Browser {
  userAgent: string;
  jspi: boolean;
  memory64: boolean;
}

/** The globals of a generator worker in `browser`, as wllama reads them. */
function inBrowser({ userAgent, jspi, memory64 }: Browser): void {
  const Memory = memory64 ? class {} : WebAssembly.Memory;
  const webAssembly = Object.create(WebAssembly, { Suspending: { value: jspi ? class {} : undefined }, Memory: { value: Memory } });
  vi.stubGlobal('WebAssembly', webAssembly);
  vi.stubGlobal('navigator', { userAgent, hardwareConcurrency: 4 });
  vi.stubGlobal('self', { location: { href: `${ORIGIN}/assets/generator.worker-d4.js` } });
}

afterEach(() => {
  vi.unstubAllGlobals();
});

async function workerResources(browser: Browser, assets = ASSETS) {
  inBrowser(browser);
  // Node has no storage for wllama's model cache, which these checks never touch.
  const wllama = await createWllama(assets, { logger: { debug() {}, log() {}, warn() {}, error() {} }, cacheManager: {} as never });
  // wllama's own choice, as it makes it at each load.
  return (wllama as unknown as { getWorkerResources(): { wasmPath: string; jsPath?: unknown; compat: boolean } }).getWorkerResources();
}

test.each([
  ['Chromium (JSPI and Memory64)', { userAgent: CHROMIUM, jspi: true, memory64: true }],
  ['Firefox without JSPI: wllama’s recommended preset keeps it on the default build', { userAgent: FIREFOX, jspi: false, memory64: true }],
  ['Firefox with JSPI switched on', { userAgent: FIREFOX, jspi: true, memory64: true }],
])('%s runs the default build from our origin', async (_browser, browser) => {
  const resources = await workerResources(browser);
  expect(resources).toMatchObject({ wasmPath: ASSETS.wasm, compat: false });
  expect(resources.jsPath).toBeUndefined();
});

test.each([
  ['Safari (no JSPI, no Memory64)', { userAgent: SAFARI, jspi: false, memory64: false }],
  ['Safari on the iPhone', { userAgent: IPHONE, jspi: false, memory64: false }],
  ['a Chromium without Memory64', { userAgent: CHROMIUM, jspi: true, memory64: false }],
  ['a Chromium without JSPI', { userAgent: CHROMIUM, jspi: false, memory64: true }],
])('%s runs the compatibility build, from our origin', async (_browser, browser) => {
  expect(await workerResources(browser)).toMatchObject({ wasmPath: ASSETS.compat!.wasm, jsPath: ASSETS.compat!.worker, compat: true });
});

test('without compat assets, Safari gets the default build (which fails there), never the CDN’s', async () => {
  const resources = await workerResources({ userAgent: SAFARI, jspi: false, memory64: false }, { wasm: ASSETS.wasm });
  expect(resources).toMatchObject({ wasmPath: ASSETS.wasm, compat: false });
  expect(JSON.stringify(resources)).not.toMatch(/jsdelivr|cdn/i);
});
