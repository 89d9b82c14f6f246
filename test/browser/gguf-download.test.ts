// Downloads the user controls, on the e2e site with the real wllama engine: a GGUF comes from a tiny
// local server that drips its bytes (or goes quiet), reached through the site's own test-model URL.
// Cancel leaves the page idle at once and closes the connection; a host gone quiet is named after
// the stall time (E2E_STALL_MS in this build, 20 s elsewhere) with ways on; offline says so at once.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { alphabetModel } from '../gguf/tiny-llama';
import { ALPHABET_MODEL_ID, E2E_STALL_MS, TEST_MODEL_PATH } from '../gguf/test-models';
import { closeRoutedContext, foreignRequests, openWatchedPage, useSite } from './site';

const site = useSite('dist-e2e');

/** How the model server answers: a slow drip of a large file, a few bytes then silence, or the whole model. */
type Mode = 'drip' | 'quiet' | 'whole';

/** What the model server saw during one test (a connection of an earlier test counts there). */
interface ModelServer {
  mode: Mode;
  /** GET requests for the model (wllama also asks HEAD about a partial file it kept; that gets no body). */
  requests: number;
  bytesSent: number;
  /** Connections the browser closed before the body ended. */
  closedEarly: number;
}

const DRIP_BYTES = 4096;
const DRIP_EVERY_MS = 50;
const DECLARED_BYTES = 500_000_000;

let server: Server;
let modelUrl = '';
let model: ModelServer = { mode: 'drip', requests: 0, bytesSent: 0, closedEarly: 0 };

function drip(model: ModelServer, response: ServerResponse, keepDripping: boolean): void {
  response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(DECLARED_BYTES), 'access-control-allow-origin': '*' });
  const send = () => {
    response.write(Buffer.alloc(DRIP_BYTES));
    model.bytesSent += DRIP_BYTES;
  };
  send();
  const timer = keepDripping ? setInterval(send, DRIP_EVERY_MS) : undefined;
  response.on('close', () => {
    clearInterval(timer);
    if (!response.writableEnded) model.closedEarly++;
  });
}

beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.method !== 'GET') {
      response.writeHead(200, { 'access-control-allow-origin': '*' }).end();
      return;
    }
    model.requests++;
    if (model.mode === 'whole') {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'access-control-allow-origin': '*' });
      response.end(Buffer.from(alphabetModel()));
      return;
    }
    drip(model, response, model.mode === 'drip');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  modelUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/model.gguf`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const contexts: BrowserContext[] = [];
afterEach(async () => {
  // The service worker may still be downloading through a route.
  for (const context of contexts.splice(0)) await closeRoutedContext(context);
});

/** A fresh profile whose test-model URL reaches the model server; the page sees its own origin. */
async function openSite(mode: Mode): Promise<Awaited<ReturnType<typeof openWatchedPage>>> {
  model = { mode, requests: 0, bytesSent: 0, closedEarly: 0 };
  const context = await site.browser.newContext();
  contexts.push(context);
  await context.route(`**${TEST_MODEL_PATH}*.gguf`, (route) => route.continue({ url: modelUrl }));
  const watched = await openWatchedPage(site.browser, site.url, context);
  await watched.page.getByTestId('model-select').selectOption(ALPHABET_MODEL_ID);
  return watched;
}

async function startLoad(page: Page): Promise<void> {
  await page.getByTestId('load-model').click();
}

test('Cancel during a GGUF download leaves the page idle within 1 s and closes the connection: no more bytes come', async () => {
  const { page, errors, requests } = await openSite('drip');
  await startLoad(page);
  await expect.poll(() => page.getByRole('progressbar', { name: 'Loading the model' }).getAttribute('aria-valuetext')).toMatch(/Downloading the model: [\d.]+ (of [\d.]+ MB|MB so far)/);

  // Timed in the page, from the click to the Load button enabled again with no progress bar.
  const idleAfterMs = await page.evaluate(async () => {
    const started = performance.now();
    document.querySelector<HTMLButtonElement>('[data-testid="cancel-load"]')!.click();
    const idle = () => !document.querySelector('[role="progressbar"][aria-label="Loading the model"]') && !document.querySelector<HTMLButtonElement>('[data-testid="load-model"]')!.disabled;
    while (!idle()) await new Promise((resolve) => requestAnimationFrame(resolve));
    return performance.now() - started;
  });
  expect(idleAfterMs).toBeLessThanOrEqual(1000);
  expect(await page.getByTestId('model-error').textContent()).toMatch(/Loading was cancelled/);
  await expect.poll(() => model.closedEarly).toBe(1);
  const sent = model.bytesSent;
  // The connection is gone, so the server cannot send more; nor did the browser ask again.
  expect(model.requests).toBe(1);
  expect(model.bytesSent).toBe(sent);
  expect(errors).toEqual([]);
  expect(foreignRequests(requests)).toEqual([]);
});

test('a download with no new bytes for the stall time says so, names the host, and Retry then loads the model', async () => {
  const { page, errors } = await openSite('quiet');
  const host = new URL(site.url).host;
  await startLoad(page);
  const error = page.getByTestId('model-error');
  await expect.poll(() => error.textContent(), { timeout: E2E_STALL_MS + 60_000 }).toContain(`No data has come from ${host} for ${E2E_STALL_MS / 1000} s`);
  expect(await error.textContent()).toMatch(/Retry, open a \.gguf file you already have, or host the model on this site/);
  await expect.poll(() => model.closedEarly).toBe(1);
  expect(await page.getByTestId('error-open-gguf').isEnabled()).toBe(true);

  model.mode = 'whole';
  await page.getByTestId('retry-load').click();
  await expect.poll(() => page.getByTestId('model-loaded').textContent()).toBe(`Ready: ${ALPHABET_MODEL_ID}`);
  expect(model.requests).toBe(2);
  expect(errors).toEqual([]);
});

test('offline with the model not downloaded says so at once, naming the host, and asks for nothing', async () => {
  const { page, context, errors } = await openSite('whole');
  await context.setOffline(true);
  await expect.poll(() => page.getByTestId('network-connection').textContent()).toBe('Offline');
  await startLoad(page);
  const error = page.getByTestId('model-error');
  await expect.poll(() => error.textContent()).toMatch(new RegExp(`You are offline, and Tiny alphabet model \\(test\\) is not downloaded yet: it comes from ${new URL(site.url).host.replace('.', '\\.')}`));
  expect(await page.getByTestId('retry-load').isVisible()).toBe(true);
  expect(model.requests).toBe(0);
  expect(errors).toEqual([]);
});
