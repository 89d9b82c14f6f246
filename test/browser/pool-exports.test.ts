// Every export format follows the pool's curation: an edited task is downloaded as edited, a
// deleted one is in no file, and undoing both puts the model's text back, in each of the seven
// formats (Parquet read back with hyparquet) and in the dataset card's counts.
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import { parquetReadObjects } from 'hyparquet';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { EXPORT_FORMATS, type ExportFormat } from '../../src/lib/export';
import { fillPool, shownRows } from './pool-fixture';
import { openWatchedPage, useSite } from './site';

const site = useSite('dist-e2e');
const EDITED = 'Describe a lighthouse keeper’s morning in three sentences.';
const EDITED_OUTPUT = 'The lamp cools; gulls wake; coffee steams by the window.';
const FORMATS = Object.keys(EXPORT_FORMATS) as ExportFormat[];

/** Every format at once, as one zip: each file's text (Parquet's rows as JSON), and the card. */
async function downloadAll(page: Page): Promise<Record<string, string>> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const texts: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    texts[name] = name.endsWith('.parquet') ? JSON.stringify(await parquetReadObjects({ file: bytes.slice().buffer })) : strFromU8(bytes);
  }
  return texts;
}

/** The files of the formats (not the card, nor its charts) that hold `text`, JSON-escaped as most of them write it. */
function filesHolding(files: Record<string, string>, text: string): string[] {
  const escaped = JSON.stringify(text).slice(1, -1);
  return Object.keys(files).filter((name) => name !== 'README.md' && !name.startsWith('figures/') && (files[name]!.includes(text) || files[name]!.includes(escaped))).sort();
}

test('an edit reaches every export format, a deleted task none, and undo puts the model’s text back in all of them', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await fillPool(page, { target: 10, seed: 7 });
  await page.getByTestId('pool-status').selectOption('accepted');
  const [kept, gone] = await shownRows(page);
  if (!kept || !gone) throw new Error('The run accepted fewer than two tasks.');
  for (const format of FORMATS) await page.getByTestId(`format-${format}`).check();
  const allFiles = FORMATS.map((format) => EXPORT_FORMATS[format].fileName).sort();

  const before = await downloadAll(page);
  expect(filesHolding(before, kept)).toEqual(allFiles);
  expect(filesHolding(before, gone)).toEqual(allFiles);

  // Edit one task's instruction and first output; delete another.
  await page.getByRole('row', { name: kept }).click();
  const dialog = page.getByTestId('task-dialog');
  await dialog.getByTestId('edit-instruction').fill(EDITED);
  await dialog.getByTestId('edit-output').first().fill(EDITED_OUTPUT);
  await dialog.getByTestId('save-task').click();
  await expect.poll(() => dialog.locator('h3').textContent()).toBe(EDITED);
  await page.keyboard.press('Escape');
  await page.getByRole('row', { name: gone }).focus();
  await page.keyboard.press('Delete');
  await expect.poll(() => shownRows(page)).not.toContain(gone);

  const after = await downloadAll(page);
  expect(filesHolding(after, EDITED)).toEqual(allFiles);
  expect(filesHolding(after, EDITED_OUTPUT)).toEqual(allFiles);
  expect(filesHolding(after, kept)).toEqual([]);
  expect(filesHolding(after, gone)).toEqual([]);
  expect(after['README.md']).toMatch(/Tasks edited by a person\s*\|\s*1\b/);

  // Undo the delete, then the edit: every file is as before.
  const toast = page.getByTestId('undo-toast').last();
  await toast.getByTestId('undo').click();
  await expect.poll(() => toast.getByTestId('undo-notice').textContent()).toMatch(/^Undone: Deleted “/);
  await page.locator('#pool-heading').click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => toast.getByTestId('undo-notice').textContent()).toMatch(/^Undone: Edited/);
  const undone = await downloadAll(page);
  for (const name of allFiles) expect(undone[name], name).toBe(before[name]);
  expect(errors).toEqual([]);
});
