// The e2e site driven by the keyboard alone (Tab, Enter, Escape and typing; no clicks): skip to the run
// controls, load a model, start and pause a run, open a task, edit it and close it, download; focus is
// never lost.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { count, openWatchedPage, readStores, RUN_TIMEOUT_MS, useSite, waitForRunStatus } from './site';

const site = useSite('dist-e2e');
const MAX_TAB_STOPS = 80;
const EDITED = 'Name three rivers that cross a border.';

/** Whether the focused element matches `selector`; `body` when focus fell to the page. */
function focusIs(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((wanted) => document.activeElement?.matches(wanted) ?? false, selector);
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`. */
async function tabTo(page: Page, selector: string, { backwards = false } = {}): Promise<void> {
  for (let stop = 0; stop < MAX_TAB_STOPS; stop++) {
    if (await focusIs(page, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${MAX_TAB_STOPS} Tab stops did not reach ${selector}.`);
}

async function typeInto(page: Page, testId: string, text: string, options?: { backwards: boolean }): Promise<void> {
  await tabTo(page, `[data-testid="${testId}"]`, options);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

test('the keyboard alone loads a model, runs, opens, edits and closes a task and downloads, and focus always lands somewhere sensible', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await expect.poll(() => page.getByTestId('count-seeds').textContent()).toBe('175');
  await page.getByTestId('model-select').waitFor();

  await page.keyboard.press('Tab');
  expect(await focusIs(page, '[data-testid="skip-to-run"]')).toBe(true);
  await page.keyboard.press('Enter');
  expect(await focusIs(page, '#run')).toBe(true);
  // A target no run reaches before the pause below, however fast the machine.
  await typeInto(page, 'target-size', '1000');
  await typeInto(page, 'rng-seed', '5');

  await tabTo(page, '[data-testid="model-select"]', { backwards: true });
  await page.keyboard.type('Scripted');
  expect(await page.getByTestId('model-select').inputValue()).toBe('scripted-test-model');
  await tabTo(page, '[data-testid="load-model"]');
  await page.keyboard.press('Enter');
  await page.getByTestId('model-loaded').waitFor();
  await expect.poll(() => focusIs(page, '[data-testid="model-status"]')).toBe(true);

  await tabTo(page, '[data-testid="start"]');
  await page.keyboard.press('Enter');
  await expect.poll(() => focusIs(page, '[data-testid="pause"]')).toBe(true);
  // Instances make a task finished, and only finished tasks download.
  await expect.poll(() => count(page, 'instances'), { timeout: RUN_TIMEOUT_MS }).toBeGreaterThan(0);
  await page.keyboard.press('Enter');
  await waitForRunStatus(page, 'paused');
  await expect.poll(() => focusIs(page, '[data-testid="start"]')).toBe(true);

  // The pool's table is one Tab stop: its focused row, named by its instruction.
  const row = '[data-testid="task-row"]';
  await tabTo(page, row);
  const opened = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
  await page.keyboard.press('Enter');
  await page.getByTestId('task-dialog').locator('h3').waitFor();
  expect(await page.getByTestId('task-dialog').locator('h3').textContent()).toBe(opened);
  // Edit it: the instruction field, then Save, by Tab and typing alone.
  await typeInto(page, 'edit-instruction', EDITED);
  await tabTo(page, '[data-testid="save-task"]');
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('task-dialog').locator('h3').textContent()).toBe(EDITED);
  const { tasks } = await readStores(page, ['tasks']);
  expect((tasks as { instruction: string; original?: { instruction: string } }[]).find((task) => task.instruction === EDITED)?.original?.instruction).toBe(opened);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByTestId('task-dialog').evaluate((dialog) => (dialog as HTMLDialogElement).open)).toBe(false);
  expect(await focusIs(page, row)).toBe(true);

  await tabTo(page, '[data-testid="download"]');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('My-dataset-self-instruct.jsonl');
  // The button is disabled while the file is prepared; focus comes back to it, not to the page.
  await expect.poll(() => focusIs(page, '[data-testid="download"]:enabled')).toBe(true);
  expect(errors).toEqual([]);
});
