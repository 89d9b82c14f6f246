// Offline use and the Content-Security-Policy: after one visit the production site starts and works
// with the network blocked, and the e2e site runs under the shipped policy with nothing refused.
import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { alphabetModel } from '../gguf/tiny-llama';
import { ALPHABET_MODEL_ID, TEST_MODEL_PATH } from '../gguf/test-models';
import { appRequests, blockNetwork, closeRoutedContext, cspViolations, foreignRequests, launchChromium, openWatchedPage, recordCspViolations, serveSite, waitForRunStatus } from './site';

let production: Awaited<ReturnType<typeof serveSite>>;
let e2e: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;

beforeAll(async () => {
  [production, e2e] = await Promise.all([serveSite('dist'), serveSite('dist-e2e')]);
  browser = await launchChromium({ webgpu: false });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all([production?.close(), e2e?.close()]);
});

const contexts: BrowserContext[] = [];
afterEach(async () => {
  // The service worker may still be downloading through a route.
  for (const context of contexts.splice(0)) await closeRoutedContext(context);
});

/** A fresh browser profile that records CSP violations; closed after the test. */
async function newContext(): Promise<BrowserContext> {
  const context = await browser.newContext();
  contexts.push(context);
  await recordCspViolations(context);
  return context;
}

async function expectWorkersReady(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('filter-status').textContent()).toBe('ready');
  await expect.poll(() => page.getByTestId('generator-status').textContent()).toBe('ready');
}

/** The Content-Security-Policy that public/_headers sends with every response. */
async function headerPolicy(): Promise<string> {
  const line = (await readFile('public/_headers', 'utf8')).split('\n').find((text) => text.trim().startsWith('Content-Security-Policy:'));
  if (!line) throw new Error('public/_headers sends no Content-Security-Policy.');
  return line.split(': ').slice(1).join(': ').trim();
}

async function loadModel(page: Page, modelId: string): Promise<void> {
  await page.getByTestId('model-select').selectOption(modelId);
  await page.getByTestId('load-model').click();
  expect(await modelOutcome(page)).toBe(`Ready: ${modelId}`);
}

/** "Ready: <id>" once a model loaded, or the error shown instead. */
async function modelOutcome(page: Page): Promise<string | null> {
  const outcome = page.getByTestId('model-loaded').or(page.getByTestId('model-error'));
  await outcome.waitFor();
  return outcome.textContent();
}

/** The URLs in the service worker's precache. */
function precached(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      if (name.includes('precache')) urls.push(...(await (await caches.open(name)).keys()).map((request) => request.url));
    }
    return urls;
  });
}

test('after one visit the app is installable, and starts and works with the network blocked', async () => {
  const context = await newContext();
  const { page, requests, errors } = await openWatchedPage(browser, production.url, context);

  // First visit: the service worker caches the whole app, then takes control of this page.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  expect(await page.getByTestId('network-status').count(), 'the page shows src/ui/NetworkStatus.svelte').toBe(1);
  await expect.poll(() => page.getByTestId('network-shell').textContent()).toBe('works offline');
  const cached = (await precached(page)).map((url) => new URL(url).pathname);
  expect(cached).toEqual(
    expect.arrayContaining(['/index.html', '/seeds/default.jsonl', '/manifest.webmanifest', expect.stringMatching(/^\/assets\/generator\.worker-.+\.js$/), expect.stringMatching(/^\/assets\/wllama-.+\.wasm$/)]),
  );
  // Chromium finds nothing against installing it, but that a test's browser context is incognito.
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors.map((error) => error.errorId)).toEqual(['in-incognito']);
  await cdp.detach();

  const refused = await blockNetwork(context);
  await page.reload();
  await expectWorkersReady(page);
  expect(await page.getByTestId('network-connection').textContent()).toBe('Offline');
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('175');

  // A new project gets the default seed tasks, read from the cache.
  await page.getByTestId('project-new').click();
  await page.getByTestId('project-name').fill('Offline tasks');
  await page.getByTestId('project-save').click();
  await expect.poll(() => page.getByTestId('project-select').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe('Offline tasks');
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('175');

  // llama.cpp's wasm and wllama's code come from the cache too: a model file from disk runs.
  await page.getByTestId('gguf-file').setInputFiles({ name: 'tiny-alphabet.gguf', mimeType: 'application/octet-stream', buffer: Buffer.from(alphabetModel()) });
  expect(await modelOutcome(page)).toBe('Ready: gguf-file:tiny-alphabet.gguf');

  expect(appRequests(refused)).toEqual([]);
  expect(errors).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  expect(foreignRequests(requests)).toEqual([]);
});

test('under the shipped policy, as header and meta, a GGUF model and a whole run work with nothing refused, and the model loads again offline', async () => {
  const policy = await headerPolicy();
  const context = await newContext();
  const models: string[] = [];
  // As a host that reads public/_headers would: the policy on every response, the workers' own
  // scripts included, since a worker ignores the page's <meta> policy.
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith(TEST_MODEL_PATH)) {
      models.push(`${route.request().method()} ${url.pathname}`);
      return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from(alphabetModel()), headers: { 'content-security-policy': policy } });
    }
    const response = await route.fetch();
    return route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': policy } });
  });
  const { page, requests, errors } = await openWatchedPage(browser, e2e.url, context);
  await expectWorkersReady(page);

  // llama.cpp in wllama's blob worker, inside the generator worker, fetching from this site.
  await loadModel(page, ALPHABET_MODEL_ID);
  expect(models).toContain(`GET ${TEST_MODEL_PATH}tiny-alphabet.gguf`);
  const downloads = models.length;

  await loadModel(page, 'scripted-test-model');
  await page.getByTestId('target-size').fill('8');
  await page.getByTestId('rng-seed').fill('3');
  await page.getByTestId('start').click();
  await waitForRunStatus(page, 'finished');
  expect(await cspViolations(page)).toEqual([]);

  // wllama keeps what it downloaded: with the network blocked, the model loads from the browser's storage.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const refused = await blockNetwork(context);
  await page.reload();
  await expectWorkersReady(page);
  await loadModel(page, ALPHABET_MODEL_ID);
  expect(models).toHaveLength(downloads);

  expect(appRequests(refused)).toEqual([]);
  expect(await cspViolations(page)).toEqual([]);
  expect(errors).toEqual([]);
  expect(foreignRequests(requests)).toEqual([]);
});

test('public/_headers sends the policy of index.html’s <meta>, with frame-ancestors, which a <meta> cannot set', async () => {
  const meta = (await readFile('index.html', 'utf8')).match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
  expect(await headerPolicy()).toBe(`${meta}; frame-ancestors 'none'`);
});
