// wllama's compatibility build, the one Safari runs (no JSPI, no Memory64), forced in Chromium by
// the e2e build's second wllama engine (test/gguf/forced-compat.ts): it comes from the site itself,
// never from a CDN, the Model card says so, the tiny test GGUF answers exactly on it, and the
// service worker keeps it once fetched, so that the model loads again offline.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { GeneratorClient } from '../../src/lib/clients';
import type { CompletionRequest, CompletionResult } from '../../src/lib/vocabulary';
import { COMPAT_ALPHABET_MODEL_ID, COMPAT_MODEL_FILE } from '../gguf/test-models';
import { alphabetModel } from '../gguf/tiny-llama';
import { appRequests, blockNetwork, foreignRequests, launchChromium, openWatchedPage, serveSite, type WatchedPage } from './site';

const COMPAT_FILE = /^http:\/\/127\.0\.0\.1:\d+\/wllama-compat\/wllama-[\w-]+\.(wasm|js)$/;
const RUNS_ON_COMPAT = /^ · CPU, \d+ threads?, compatibility build$/;

let site: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;
let watched: WatchedPage;
let page: Page;
const models: string[] = [];

beforeAll(async () => {
  site = await serveSite('dist-e2e');
  browser = await launchChromium({ webgpu: false });
  const context = await browser.newContext();
  await context.route(`**${COMPAT_MODEL_FILE}`, async (route) => {
    models.push(route.request().method());
    await route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from(alphabetModel()) });
  });
  watched = await openWatchedPage(browser, site.url, context);
  page = watched.page;
  // The service worker controls the page and its workers: what they fetch from now on goes through it.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function expectWorkersReady(): Promise<void> {
  await expect.poll(() => page.getByTestId('generator-status').textContent()).toBe('ready');
}

/** Loads the compat test model through the Model card; returns what the card says it runs on. */
async function loadCompatModel(): Promise<string | null> {
  await page.getByTestId('model-select').selectOption(COMPAT_ALPHABET_MODEL_ID);
  await page.getByTestId('load-model').click();
  const outcome = page.getByTestId('model-loaded').or(page.getByTestId('model-error'));
  await outcome.waitFor();
  expect(await outcome.textContent()).toBe(`Ready: ${COMPAT_ALPHABET_MODEL_ID}`);
  return page.getByTestId('model-runs-on').textContent();
}

async function complete(request: CompletionRequest): Promise<CompletionResult> {
  return page.evaluate((request) => (globalThis as unknown as { __studio: { generator: GeneratorClient } }).__studio.generator.complete(request, {}), request);
}

const greedy = { temperature: 0, topP: 1, maxTokens: 16 };

test('a GGUF model loads on the compatibility build from this site, the Model card says so, and it answers exactly', async () => {
  await expectWorkersReady();
  expect(await loadCompatModel()).toMatch(RUNS_ON_COMPAT);
  expect(models).toContain('GET');
  // wllama's worker code and llama.cpp's compat wasm, from the site: the wasm is fetched by
  // wllama's own worker, inside the generator worker, so the requests seen include those.
  expect(watched.requests.filter((url) => COMPAT_FILE.test(url)).map((url) => url.split('.').pop())).toEqual(expect.arrayContaining(['js', 'wasm']));

  expect((await complete({ mode: 'text', purpose: 'instructions', prompt: 'abc', params: greedy })).text).toBe('defghijklmnopqrs');
  const chat = await complete({ mode: 'chat', purpose: 'instructions', messages: [{ role: 'user', content: 'hi' }], params: greedy });
  expect(chat).toMatchObject({ text: 'abcdefghijklmnop', finishReason: 'length' });

  // Nothing went to any host but 127.0.0.1: no CDN for the compat build.
  expect(foreignRequests(watched.requests)).toEqual([]);
  expect(watched.errors.filter((error) => error.startsWith('page:'))).toEqual([]);
});

test('the service worker keeps the compatibility build once fetched, outside its precache, and the model loads again offline', async () => {
  const caches = await page.evaluate(async () => {
    const byName: Record<string, string[]> = {};
    for (const name of await globalThis.caches.keys()) byName[name] = (await (await globalThis.caches.open(name)).keys()).map((request) => request.url);
    return byName;
  });
  const precache = Object.entries(caches).find(([name]) => name.includes('precache'))?.[1] ?? [];
  expect(precache.length).toBeGreaterThan(0);
  expect(precache.filter((url) => url.includes('/wllama-compat/'))).toEqual([]);
  expect((caches['wllama-compat'] ?? []).map((url) => url.split('.').pop()).sort()).toEqual(['js', 'wasm']);
  (caches['wllama-compat'] ?? []).forEach((url) => expect(url).toMatch(COMPAT_FILE));

  const downloads = models.length;
  const refused = await blockNetwork(watched.context);
  await page.reload();
  await expectWorkersReady();
  expect(await loadCompatModel()).toMatch(RUNS_ON_COMPAT);
  // From wllama's store of downloaded models (OPFS), not from the network.
  expect(models).toHaveLength(downloads);
  expect((await complete({ mode: 'text', purpose: 'instructions', prompt: 'x', params: { ...greedy, maxTokens: 4 } })).text).toBe('yzab');
  expect(appRequests(refused)).toEqual([]);
  expect(foreignRequests(watched.requests)).toEqual([]);
});
