// What the pool's browser tests share: a pool filled by the scripted model, the table's rows, the
// downloaded dataset and the stored rows.
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { loadScriptedModel, readStores, waitForRunStatus } from './site';

/** A stored task, as far as these tests read it. */
export interface StoredTask {
  id: string;
  instruction: string;
  stage: string;
  edited?: number;
  reviewed?: number;
  original?: { instruction: string };
  overruled?: { rule: string };
}

/** Runs the scripted model to `target` accepted tasks with a fixed seed, then shows every row in the table. */
export async function fillPool(page: Page, { target = 12, seed = 42 } = {}): Promise<void> {
  await expect.poll(() => page.getByTestId('count-seeds').textContent()).toBe('175');
  await loadScriptedModel(page);
  await page.getByTestId('target-size').fill(String(target));
  await page.getByTestId('rng-seed').fill(String(seed));
  await page.getByTestId('start').click();
  await waitForRunStatus(page, 'finished');
  await showNew(page);
}

/** Lets the rows a run added after the table's snapshot join it ("Show N new"). */
export async function showNew(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('pool-shown').textContent()).toMatch(/\d/);
  if (await page.getByTestId('show-new').count()) await page.getByTestId('show-new').click();
  await expect.poll(() => page.getByTestId('show-new').count()).toBe(0);
}

/** The rows the table shows, by their accessible names (their instructions). */
export async function shownRows(page: Page): Promise<string[]> {
  return page.getByTestId('task-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? ''));
}

/** "12 of 21 candidates": how many rows match. */
export async function matching(page: Page): Promise<number> {
  return Number((await page.getByTestId('pool-shown').textContent())?.match(/^([\d,]+) of/)?.[1]?.replace(/,/g, ''));
}

/** The Self-Instruct JSONL download (the panel's default format), one record a line. */
export async function downloadJsonl(page: Page): Promise<{ instruction: string; instances: { input: string; output: string }[] }[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const text = await readFile(await download.path(), 'utf8');
  return text.trimEnd().split('\n').filter(Boolean).map((line) => JSON.parse(line));
}

/** The tasks in the pool, and those in the trash (stored in batches, one per action). */
export async function storedTasks(page: Page): Promise<{ tasks: StoredTask[]; trash: { id: string; task: StoredTask }[] }> {
  const { tasks, trash } = await readStores(page, ['tasks', 'trash']);
  const batches = trash as { tasks: { task: StoredTask }[] }[];
  return { tasks: tasks as StoredTask[], trash: batches.flatMap((batch) => batch.tasks.map(({ task }) => ({ id: task.id, task }))) };
}
