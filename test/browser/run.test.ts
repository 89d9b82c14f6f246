// The e2e site (the real app with the deterministic test engine added) end to end: load a model,
// run the bootstrap loop, reload, pause and resume, and download the dataset.
import { readFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { count, foreignRequests, loadScriptedModel, openWatchedPage, RUN_TIMEOUT_MS, useSite, waitForRunStatus } from './site';

const SCRIPTED_MODEL = 'scripted-test-model';

const site = useSite('dist-e2e');

async function downloadDataset(page: Page): Promise<Record<string, unknown>[]> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  expect(download.suggestedFilename()).toBe('My-dataset-self-instruct.jsonl');
  const text = await readFile(await download.path(), 'utf8');
  return text.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

test('a run reaches its target, survives a reload, and downloads as JSONL', async () => {
  const { page, requests, errors } = await openWatchedPage(site.browser, site.url);
  await loadScriptedModel(page);
  await page.getByTestId('target-size').fill('12');
  // A fixed seed makes the run, and so what it rejects, the same every time.
  await page.getByTestId('rng-seed').fill('42');
  await page.getByTestId('start').click();
  await waitForRunStatus(page, 'finished');

  const accepted = await count(page, 'accepted');
  expect(accepted).toBeGreaterThanOrEqual(12);
  // This browser has no WebGPU: the notice now tells that the pool stays usable, as it is true.
  expect(await page.getByTestId('pool-kept').count()).toBe(1);
  expect(await count(page, 'rejected')).toBeGreaterThan(0);
  expect(await count(page, 'instances')).toBeGreaterThan(0);
  // Rows the run added after the table's snapshot wait behind "Show N new".
  if (await page.getByTestId('show-new').count()) await page.getByTestId('show-new').click();
  await expect.poll(() => page.getByTestId('pool-shown').textContent()).toMatch(/^(\d+) of \1 candidates$/);
  const rows = await page.getByTestId('task-row').allTextContents();
  expect(rows.some((row) => /^rejected.*ROUGE-L [01]\.\d\d/.test(row.trim()))).toBe(true);
  // The rejection rule filter counts the near-duplicates, and a row's detail names its nearest instruction.
  expect(await page.getByTestId('pool-rule').locator('option[value="rouge"]').textContent()).toMatch(/^Near-duplicate \(ROUGE-L\) \(\d+\)$/);
  await page.getByTestId('pool-rule').selectOption('rouge');
  await page.getByTestId('task-row').first().click();
  expect(await page.getByTestId('task-state').textContent()).toMatch(/^Rejected: near-duplicate: ROUGE-L [01]\.\d\d like “.+”$/);
  await page.keyboard.press('Escape');
  await page.getByTestId('pool-reset').click();

  // Replaying the filter at the run's own threshold repeats its decisions; at 1 it rejects nothing.
  await page.getByTestId('replay-threshold').fill('0.7');
  await page.getByTestId('replay').click();
  await expect.poll(() => page.getByTestId('replay-answer').textContent()).toMatch(new RegExp(`At 0\\.7, ${accepted} of the \\d+ candidates`));
  await page.getByTestId('replay-threshold').fill('1');
  await page.getByTestId('replay').click();
  await expect.poll(() => page.getByTestId('replay-answer').textContent()).toMatch(/At 1, (\d+) of the \1 candidates/);

  await page.reload();
  await expect.poll(() => count(page, 'accepted')).toBe(accepted);
  expect(await page.getByTestId('task-row').allTextContents()).toEqual(rows);

  const records = await downloadDataset(page);
  expect(records.length).toBeGreaterThan(0);
  expect(records.length).toBeLessThanOrEqual(accepted);
  for (const record of records) {
    expect(record).toEqual({
      id: expect.any(String),
      instruction: expect.any(String),
      instances: expect.arrayContaining([{ input: expect.any(String), output: expect.any(String) }]),
      is_classification: expect.any(Boolean),
      provenance: { model: SCRIPTED_MODEL, run: expect.any(String), created: expect.any(String) },
      // No judge has scored these tasks: the judge's columns are there, empty.
      judge_score: null,
      judge_valid_instruction: null,
      judge_appropriate_input: null,
      judge_acceptable_outputs: null,
      judge_reason: null,
      judge_model: null,
    });
  }

  // At the reached target Start says so, and raising the target makes it the way on.
  await loadScriptedModel(page);
  const start = page.getByTestId('start');
  expect([await start.textContent(), await start.isDisabled()]).toEqual([expect.stringContaining('Target reached'), true]);
  expect(await page.getByTestId('target-reached').textContent()).toBe('To continue, raise the target.');
  await page.getByTestId('raise-target').click();
  await expect.poll(() => page.getByTestId('target-size').inputValue()).toBe(String(accepted + 100));
  expect([(await start.textContent())?.trim(), await start.isDisabled()]).toEqual(['Continue', false]);
  expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('start');

  // A target or seed that is not a whole number in range is marked, described, and blocks Start.
  for (const [field, value] of [['target-size', '0'], ['target-size', '-5'], ['target-size', ''], ['target-size', '2.5'], ['rng-seed', '-1'], ['rng-seed', '4294967296']] as const) {
    await page.getByTestId(field).fill(value);
    const input = page.getByTestId(field);
    await expect.poll(() => input.getAttribute('aria-invalid')).toBe('true');
    const problem = page.locator(`#${await input.getAttribute('aria-describedby')}`);
    expect(await problem.textContent()).toMatch(/^Enter a whole number from \d+ to [\d,]+\.$/);
    expect(await start.isDisabled()).toBe(true);
    await input.fill(field === 'target-size' ? '500' : '7');
    await expect.poll(() => input.getAttribute('aria-invalid')).toBe(null);
  }
  expect(await start.isDisabled()).toBe(false);
  expect(errors).toEqual([]);
  expect(foreignRequests(requests)).toEqual([]);
});

test('a paused run keeps every stored task across a reload and resumes without duplicates', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await loadScriptedModel(page);
  // A target the run cannot reach before the pause, however fast the machine; the resumed run aims lower.
  await page.getByTestId('target-size').fill('1000');
  await page.getByTestId('rng-seed').fill('7');
  await page.getByTestId('start').click();
  await expect.poll(() => count(page, 'accepted'), { timeout: RUN_TIMEOUT_MS }).toBeGreaterThanOrEqual(20);
  await page.getByTestId('pause').click();
  await waitForRunStatus(page, 'paused');
  const before = { accepted: await count(page, 'accepted'), rejected: await count(page, 'rejected') };

  await page.reload();
  await expect.poll(() => count(page, 'accepted')).toBe(before.accepted);
  expect(await count(page, 'rejected')).toBe(before.rejected);
  expect(await page.getByTestId('run-status').textContent()).toBe('paused');

  await loadScriptedModel(page);
  await page.getByTestId('target-size').fill('40');
  await page.getByTestId('start').click();
  await waitForRunStatus(page, 'finished');
  expect(await count(page, 'accepted')).toBeGreaterThanOrEqual(40);
  const records = await downloadDataset(page);
  const instructions = records.map((record) => record.instruction);
  expect(new Set(instructions).size).toBe(instructions.length);
  expect(new Set(records.map((record) => record.id)).size).toBe(records.length);
  expect(errors).toEqual([]);
});

test.each([
  ['alpaca', 'text'],
  ['alpaca', 'json'],
  ['self-instruct', 'json'],
])('the %s strategy with %s answers runs to its target from the settings form, and its settings survive a reload', async (strategy, outputMode) => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await loadScriptedModel(page);
  await page.getByTestId('settings').locator('summary').first().click();
  await page.getByTestId('strategy').selectOption(strategy);
  await page.getByTestId('output-mode').selectOption(outputMode);
  await page.getByTestId('target-size').fill('8');
  await page.getByTestId('rng-seed').fill('21');
  await page.getByTestId('start').click();
  await waitForRunStatus(page, 'finished');
  expect(await count(page, 'accepted')).toBeGreaterThanOrEqual(8);
  expect(await count(page, 'instances')).toBeGreaterThan(0);
  const records = await downloadDataset(page);
  expect(records.length).toBeGreaterThan(0);
  if (strategy === 'alpaca') expect(records.every((record) => (record.instances as unknown[]).length === 1)).toBe(true);

  await page.reload();
  await page.getByTestId('settings').locator('summary').first().click();
  // The form shows the defaults until the project's settings are read back.
  await expect.poll(() => page.getByTestId('strategy').inputValue()).toBe(strategy);
  expect(await page.getByTestId('output-mode').inputValue()).toBe(outputMode);
  expect(errors).toEqual([]);
});
