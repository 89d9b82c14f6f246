// Self-hosted models: a models/manifest.json on the site adds its models to the list with URLs on
// the site itself, and a broken manifest is reported instead of breaking the page. The site is
// served from a sub-path, as on a team's intranet: the built generator worker, whose script lives in
// assets/, must ask for the manifest beside index.html, and only that URL serves one here.
import { expect, test } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { alphabetModel } from '../gguf/tiny-llama';
import { foreignRequests, openWatchedPage, useSite } from './site';

const site = useSite('dist', { base: '/team/studio/' });

const manifestUrl = () => new URL('models/manifest.json', site.url).href;
/** Every request for a manifest, wherever the worker looked for it. */
const manifestRequests = (requests: readonly string[]) => requests.filter((url) => new URL(url).pathname.endsWith('/manifest.json'));

async function contextWithManifest(manifest: string): Promise<BrowserContext> {
  const context = await site.browser.newContext();
  await context.route(manifestUrl(), (route) => route.fulfill({ status: 200, contentType: 'application/json', body: manifest }));
  await context.route(new URL('models/gguf/*.gguf', site.url).href, (route) =>
    route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from(alphabetModel()) }),
  );
  return context;
}

test('a GGUF listed in the site’s manifest is offered first among the CPU models and loads from the site', async () => {
  expect(new URL(site.url).pathname).toBe('/team/studio/');
  const manifest = JSON.stringify({ version: 1, gguf: [{ id: 'team-tiny', label: 'Team tiny model', path: 'gguf/team-tiny.gguf', size_bytes: 480_000 }] });
  const { page, requests, errors } = await openWatchedPage(site.browser, site.url, await contextWithManifest(manifest));
  const select = page.getByTestId('model-select');
  await select.waitFor();
  expect(manifestRequests(requests)).toEqual([manifestUrl()]);
  const ids = await select.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(ids[0]).toBe('gguf:team-tiny');
  await select.selectOption('gguf:team-tiny');
  await page.getByTestId('load-model').click();
  await expect.poll(() => page.getByTestId('model-loaded').textContent()).toBe('Ready: gguf:team-tiny');
  expect(requests.some((url) => url === new URL('models/gguf/team-tiny.gguf', site.url).href)).toBe(true);
  expect(foreignRequests(requests)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a manifest with mistakes is reported with each problem, and the built-in models stay', async () => {
  const manifest = JSON.stringify({ version: 1, gguf: [{ id: 'no-path' }] });
  const { page } = await openWatchedPage(site.browser, site.url, await contextWithManifest(manifest));
  await expect.poll(() => page.getByTestId('model-notes').textContent()).toMatch(/self-hosted models could not be offered.*no-path/s);
  expect(await page.getByTestId('model-select').locator('option').count()).toBeGreaterThan(0);
});

test('a site without a manifest, served with the page in its place as vite preview does, reports nothing', async () => {
  const { page, requests, errors } = await openWatchedPage(site.browser, site.url);
  // The probe that lists the models brings the manifest's problems with them.
  await page.getByTestId('model-select').waitFor();
  expect(manifestRequests(requests)).toEqual([manifestUrl()]);
  expect(await page.getByTestId('model-notes').count()).toBe(0);
  expect(errors).toEqual([]);
});
