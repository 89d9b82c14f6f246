// Nothing is lost or half-written: a tab closed mid-run, a full disk, and two tabs on one project.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { count, loadScriptedModel, openWatchedPage, readStores, RUN_TIMEOUT_MS, useSite, waitForRunStatus } from './site';

const site = useSite('dist-e2e');
/** A target no run reaches before the test stops it, however fast the machine. */
const UNREACHABLE_TARGET = 1000;

async function startRun(page: Page, target: number): Promise<void> {
  await loadScriptedModel(page);
  await page.getByTestId('target-size').fill(String(target));
  await page.getByTestId('rng-seed').fill('11');
  await page.getByTestId('start').click();
}

interface PoolSnapshot {
  tasks: { id: string; stage: string; instanceCount?: number }[];
  instanceTaskIds: string[];
  /** What the dataset pages the exports read hold: each finished task's id and instance count. */
  paged: { id: string; instances: number }[];
}

/** Reads the pool straight from IndexedDB, bypassing the app. */
async function readPool(page: Page): Promise<PoolSnapshot> {
  const rows = await readStores(page, ['tasks', 'instances', 'datasetPages']);
  type PageRow = { rows: { task: { id: string }; instances: unknown[] }[] };
  return {
    tasks: rows.tasks as PoolSnapshot['tasks'],
    instanceTaskIds: (rows.instances as { taskId: string }[]).map((row) => row.taskId),
    paged: (rows.datasetPages as PageRow[]).flatMap((page) => page.rows.map((row) => ({ id: row.task.id, instances: row.instances.length }))),
  };
}

/**
 * Every finished task has exactly its instances, no instance belongs to an unfinished task, and
 * the dataset pages hold every finished task once, with as many instances.
 */
function expectConsistent(pool: PoolSnapshot): void {
  const done = new Map(pool.tasks.filter((task) => task.stage === 'done').map((task) => [task.id, task.instanceCount]));
  expect(pool.paged.toSorted((a, b) => a.id.localeCompare(b.id))).toEqual([...done].map(([id, instances]) => ({ id, instances })).toSorted((a, b) => a.id.localeCompare(b.id)));
  const perTask = new Map<string, number>();
  for (const id of pool.instanceTaskIds) perTask.set(id, (perTask.get(id) ?? 0) + 1);
  for (const [id, instanceCount] of done) expect(perTask.get(id) ?? 0).toBe(instanceCount);
  expect([...perTask.keys()].filter((id) => !done.has(id))).toEqual([]);
  expect(new Set(pool.tasks.map((task) => task.id)).size).toBe(pool.tasks.length);
}

test('closing the tab mid-run keeps every stored task, and the run continues from there', async () => {
  const context = await site.browser.newContext();
  const first = await openWatchedPage(site.browser, site.url, context);
  await startRun(first.page, UNREACHABLE_TARGET);
  await expect.poll(() => count(first.page, 'accepted'), { timeout: RUN_TIMEOUT_MS }).toBeGreaterThanOrEqual(10);
  const before = await readPool(first.page);
  await first.page.close();

  const second = await openWatchedPage(site.browser, site.url, context);
  await expect.poll(async () => (await readPool(second.page)).tasks.length).toBeGreaterThanOrEqual(before.tasks.length);
  const reopened = await readPool(second.page);
  expectConsistent(reopened);
  const ids = new Set(reopened.tasks.map((task) => task.id));
  expect(before.tasks.filter((task) => !ids.has(task.id))).toEqual([]);
  expect(await second.page.getByTestId('run-status').textContent()).toBe('paused');

  await startRun(second.page, 40);
  await waitForRunStatus(second.page, 'finished');
  expectConsistent(await readPool(second.page));
  expect(second.errors).toEqual([]);
  await context.close();
});

test('a full disk stops the run with a message saying what to do, and the pool stays whole', async () => {
  const context = await site.browser.newContext();
  // Once the test raises the flag, every IndexedDB write fails as it does when the quota is used up.
  await context.addInitScript(() => {
    for (const method of ['add', 'put'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: Parameters<typeof original>) {
        if ((globalThis as { failWrites?: boolean }).failWrites) throw new DOMException('Quota exceeded.', 'QuotaExceededError');
        return original.apply(this, args);
      };
    }
  });
  const { page, errors } = await openWatchedPage(site.browser, site.url, context);
  await startRun(page, UNREACHABLE_TARGET);
  await expect.poll(() => count(page, 'accepted'), { timeout: RUN_TIMEOUT_MS }).toBeGreaterThanOrEqual(5);
  await page.evaluate(() => ((globalThis as { failWrites?: boolean }).failWrites = true));
  await waitForRunStatus(page, 'failed');
  expect(await page.getByTestId('run-error').textContent()).toMatch(/ran out of storage.*Free disk space/);
  const atFailure = await readPool(page);
  expectConsistent(atFailure);

  await page.reload();
  await expect.poll(async () => (await readPool(page)).tasks.length).toBe(atFailure.tasks.length);
  await expect.poll(() => count(page, 'accepted')).toBe(atFailure.tasks.filter((task) => task.stage !== 'rejected').length);
  expect(errors.filter((error) => !error.includes('QuotaExceededError') && !error.includes('ran out of storage'))).toEqual([]);
  await context.close();
});

test('a newer version opened in another tab takes the database over, and this tab asks for a reload', async () => {
  const context = await site.browser.newContext();
  const { page, errors } = await openWatchedPage(site.browser, site.url, context);
  await page.getByTestId('project-select').waitFor();
  // Another tab opens the database one version up, as the next release of the app would.
  const other = await context.newPage();
  await other.goto(new URL('seeds/default.jsonl', site.url).href);
  const upgraded = await other.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const probe = indexedDB.open('self-instruct-studio');
        probe.onsuccess = () => {
          const next = probe.result.version + 1;
          probe.result.close();
          const open = indexedDB.open('self-instruct-studio', next);
          open.onsuccess = () => resolve(open.result.version);
          open.onblocked = () => reject(new Error('The first tab kept its connection open.'));
        };
      }),
  );
  expect(upgraded).toBeGreaterThan(1);
  await expect.poll(() => page.getByTestId('setup-error').textContent()).toMatch(/newer version .* another tab.*Reload this page/);
  // Reads still under way when the connection closed fail, and so does a worker that opens the
  // database after the upgrade (the pool table's); the notice above explains them.
  expect(errors.filter((error) => !error.includes('connection is closing') && !error.includes('has updated the stored data'))).toEqual([]);
  await context.close();
});

test('a second tab cannot run the same project and shows the first tab’s progress live', async () => {
  const context = await site.browser.newContext();
  const runner = await openWatchedPage(site.browser, site.url, context);
  const watcher = await openWatchedPage(site.browser, site.url, context);
  await startRun(runner.page, UNREACHABLE_TARGET);
  await watcher.page.getByTestId('other-tab').waitFor();
  const seen = await count(watcher.page, 'accepted');
  await expect.poll(() => count(watcher.page, 'accepted')).toBeGreaterThan(seen);
  await loadScriptedModel(watcher.page);
  expect(await watcher.page.getByTestId('start').isDisabled()).toBe(true);

  await runner.page.getByTestId('pause').click();
  await expect.poll(() => watcher.page.getByTestId('other-tab').count()).toBe(0);
  expect(await watcher.page.getByTestId('start').isDisabled()).toBe(false);
  expect([...runner.errors, ...watcher.errors]).toEqual([]);
  await context.close();
});
