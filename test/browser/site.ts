import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { preview, type PreviewServer } from 'vite';

export const CHROMIUM = '/usr/bin/chromium';

const BASE_FLAGS = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
// SwiftShader's CPU WebGPU adapter: real WebGPU, without shader-f16.
const WEBGPU_FLAGS = ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader', '--enable-features=Vulkan'];

/**
 * How long a Playwright action (a click, a fill, a wait for an element, a navigation) may take.
 * Playwright's own default is 30 s; a shared CI machine under load needs more room.
 */
const ACTION_TIMEOUT_MS = 60_000;
/** How long a whole run of the scripted model may take to reach a status. */
export const RUN_TIMEOUT_MS = 180_000;

/** Serves a built site (dist or dist-e2e) on 127.0.0.1, on a free port, at `base` (a sub-path like `/team/studio/`). */
export async function serveSite(outDir: 'dist' | 'dist-e2e', { base = '/' } = {}): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({
    logLevel: 'warn',
    base,
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its URL.');
  return { url, close: () => server.close() };
}

export async function launchChromium({ webgpu }: { webgpu: boolean }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Debian's Chromium at ${CHROMIUM}: run "apt-get install -y chromium" (.ci/run does this).`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, timeout: ACTION_TIMEOUT_MS, args: [...BASE_FLAGS, ...(webgpu ? WEBGPU_FLAGS : [])] });
}

/** A page that records every request and every uncaught error, to assert on at the end. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
}

export async function openWatchedPage(browser: Browser, url: string, context?: BrowserContext): Promise<WatchedPage> {
  const ctx = context ?? (await browser.newContext({ acceptDownloads: true }));
  // Set on the context, so every page of it has the room, those opened later included.
  ctx.setDefaultTimeout(ACTION_TIMEOUT_MS);
  const page = await ctx.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  ctx.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return { context: ctx, page, requests, errors };
}

/** How long closing a routed context may take before it is left to the browser's own close. */
const ROUTED_CLOSE_MS = 30_000;

/**
 * Closes a context whose routes may still be serving. The service worker's precache downloads go
 * through a context's routes, and Chromium can keep one of those fetches open after the test, so
 * that context.close() waits on it without end (an after-hook timed out so once, its test passed).
 * Closing the browser, after the file, ends whatever is left, so a close that takes longer is left
 * to it rather than failing a test that has already passed.
 */
export async function closeRoutedContext(context: BrowserContext): Promise<void> {
  const closed = (async () => {
    await context.unrouteAll({ behavior: 'ignoreErrors' });
    await context.close();
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, ROUTED_CLOSE_MS)))]);
  clearTimeout(timer);
}

/** The URLs that went anywhere but the test server's own host. */
export function foreignRequests(requests: readonly string[]): string[] {
  return requests.filter((url) => {
    const { protocol, hostname } = new URL(url);
    return !(protocol === 'blob:' || protocol === 'data:' || hostname === '127.0.0.1');
  });
}

/**
 * Records every Content-Security-Policy violation of the pages a context opens, from their first
 * script on, for `cspViolations` to read. Workers report theirs to their own scope, not here.
 */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(globalThis, { __cspViolations: seen });
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.effectiveDirective} refused ${event.blockedURI || 'an inline source'}`));
  });
}

export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (globalThis as { __cspViolations?: string[] }).__cspViolations ?? []);
}

/** Cuts the context off the network: offline to the page, and every request that still tries fails. Returns the URLs refused. */
export async function blockNetwork(context: BrowserContext): Promise<string[]> {
  const refused: string[] = [];
  await context.setOffline(true);
  await context.route('**/*', (route) => {
    refused.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  return refused;
}

/**
 * Requests for the app itself: everything but the optional self-hosting manifest, which the
 * generator worker asks for at start and which no site needs to have (or can have offline).
 */
export function appRequests(urls: readonly string[]): string[] {
  return urls.filter((url) => !new URL(url).pathname.endsWith('/models/manifest.json'));
}

/** A built site served and a Chromium started for one test file, both stopped after its tests. */
export function useSite(outDir: 'dist' | 'dist-e2e', { webgpu = false, base = '/' } = {}): { readonly url: string; readonly browser: Browser } {
  let site: Awaited<ReturnType<typeof serveSite>> | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await serveSite(outDir, { base });
    browser = await launchChromium({ webgpu });
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });
  return {
    get url() {
      return site!.url;
    },
    get browser() {
      return browser!;
    },
  };
}

/** Loads the e2e build's deterministic model through the Model card. */
export async function loadScriptedModel(page: Page): Promise<void> {
  await page.getByTestId('model-select').selectOption('scripted-test-model');
  await page.getByTestId('load-model').click();
  await page.getByTestId('model-loaded').waitFor();
}

/** Waits until the Run card shows `status`, for as long as a whole run may take on a busy machine. */
export async function waitForRunStatus(page: Page, status: string): Promise<void> {
  await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: RUN_TIMEOUT_MS }).toBe(status);
}

/** A number shown in the Run card's counts, e.g. "accepted". */
export async function count(page: Page, name: string): Promise<number> {
  return Number(await page.getByTestId(`count-${name}`).textContent());
}

/** Every row of the named stores in the page's IndexedDB, read past the app in one transaction. */
export function readStores<Name extends string>(page: Page, names: readonly Name[]): Promise<Record<Name, unknown[]>> {
  return page.evaluate(
    (stores) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('self-instruct-studio');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(stores);
          const requests = stores.map((name) => tx.objectStore(name).getAll());
          tx.oncomplete = () => {
            open.result.close();
            resolve(Object.fromEntries(stores.map((name, i) => [name, requests[i]!.result as unknown[]])));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [...names],
  ) as Promise<Record<Name, unknown[]>>;
}

/** Clicks one of the project menu's items (Rename, Duplicate, Back up, Delete), opening the menu first. */
export async function projectMenu(page: Page, testId: string): Promise<void> {
  const menu = page.getByTestId('project-menu');
  if (!(await menu.evaluate((element) => (element as HTMLDetailsElement).open))) await menu.locator('summary').click();
  await page.getByTestId(testId).click();
}
