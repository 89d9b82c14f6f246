// Cross-origin isolation on a static host that sends no headers at all (GitHub Pages, a plain file
// server): the service worker adds COOP and COEP to what it serves (public/isolation-headers.js),
// the first visit reloads once when it takes control, and llama.cpp then runs on its threads.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { alphabetModel } from '../gguf/tiny-llama';
import { foreignRequests, openWatchedPage, useSite } from './site';

// Built by the browser tests' global setup; the preview server is only used for its browser.
const site = useSite('dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jsonl': 'application/jsonl',
};

let server: Server;
let url = '';

beforeAll(async () => {
  // Files only, with no header but the content type: what a bare static host sends.
  server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join('dist', path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

test('with no headers from the host, the first visit reloads once when the service worker takes control, and is then isolated', async () => {
  const context = await site.browser.newContext();
  let loads = 0;
  context.on('page', (page) => page.on('load', () => loads++));
  const { page, requests, errors } = await openWatchedPage(site.browser, url, context);
  const isolated = () => page.evaluate(() => crossOriginIsolated).catch(() => false);
  await expect.poll(isolated).toBe(true);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  // The reloaded document is isolated as soon as its scripts run, which can be before its load event.
  await expect.poll(() => loads).toBe(2);

  // The page works isolated: a model file from disk runs on llama.cpp's threads.
  await page.getByTestId('gguf-file').setInputFiles({ name: 'tiny-alphabet.gguf', mimeType: 'application/octet-stream', buffer: Buffer.from(alphabetModel()) });
  await expect.poll(() => page.getByTestId('model-runs-on').textContent()).toMatch(/^\s*· CPU, [2-8] threads$/);

  // Later loads come from the service worker, isolated from the start: no more reloads.
  await page.reload();
  await expect.poll(isolated).toBe(true);
  await page.getByTestId('model-select').waitFor();
  expect(loads).toBe(3);
  expect(errors).toEqual([]);
  expect(foreignRequests(requests)).toEqual([]);
  await context.close();
});
