// The README's promise that the random seed makes a run repeatable, on the e2e site: one seed run
// in two fresh browser profiles stores the same rows and downloads the same Alpaca JSON, byte for byte.
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { comparableRows, type ComparableRows, type RunRows } from '../fixtures/run-rows';
import { count, loadScriptedModel, openWatchedPage, readStores, useSite } from './site';

const site = useSite('dist-e2e');

/** Every task, instance and call in the page's IndexedDB, read past the app. */
async function readRows(page: Page): Promise<RunRows> {
  return (await readStores(page, ['tasks', 'instances', 'calls'])) as unknown as RunRows;
}

/** A run of `seed` to a small target in a new profile (so a new IndexedDB), then its rows and its Alpaca JSON. */
async function runInFreshProfile(seed: number): Promise<{ rows: ComparableRows; alpaca: Buffer }> {
  const context = await site.browser.newContext({ acceptDownloads: true });
  const { page, errors } = await openWatchedPage(site.browser, site.url, context);
  await loadScriptedModel(page);
  await page.getByTestId('target-size').fill('10');
  await page.getByTestId('rng-seed').fill(String(seed));
  await page.getByTestId('start').click();
  await expect.poll(() => page.getByTestId('run-status').textContent(), { timeout: 90_000 }).toBe('finished');
  expect(await count(page, 'instances')).toBeGreaterThan(0);
  const rows = comparableRows(await readRows(page));

  await page.getByTestId('format-self-instruct-jsonl').uncheck();
  await page.getByTestId('format-alpaca-json').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  expect(download.suggestedFilename()).toBe('My-dataset-alpaca.json');
  const alpaca = await readFile(await download.path());
  expect(errors).toEqual([]);
  await context.close();
  return { rows, alpaca };
}

test('one seed run in two fresh browsers stores the same tasks, instances and calls, and downloads the same Alpaca JSON', async () => {
  const first = await runInFreshProfile(5);
  const second = await runInFreshProfile(5);
  expect(second.rows.tasks).toEqual(first.rows.tasks);
  expect(second.rows.instances).toEqual(first.rows.instances);
  expect(second.rows.calls).toEqual(first.rows.calls);
  expect(second.alpaca).toEqual(first.alpaca);
}, 300_000);
