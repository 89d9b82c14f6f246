// Method settings in the real page: saved as they are edited, found again after a reload (also a
// reload right after the edit), and a field left invalid is marked and never saved.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { openWatchedPage, useSite } from './site';

const site = useSite('dist');
const EXTRA_INSTRUCTION = ' Keep each task to one sentence.';

async function openSettings(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('count-seeds').textContent()).toBe('175');
  await page.getByTestId('settings').locator('summary').first().click();
}

/** Edits the strategy first (it brings its own defaults), then a number in each part of the form and a template. */
async function editSettings(page: Page): Promise<void> {
  await page.getByTestId('strategy').selectOption('alpaca');
  await page.getByTestId('rouge-threshold').fill('0.5');
  await page.getByLabel('Classification max tokens').fill('5');
  const user = page.getByTestId('template-user');
  await user.fill((await user.inputValue()) + EXTRA_INSTRUCTION);
}

async function expectEdited(page: Page): Promise<void> {
  await expect.poll(() => page.getByTestId('strategy').inputValue()).toBe('alpaca');
  expect(await page.getByTestId('rouge-threshold').inputValue()).toBe('0.5');
  expect(await page.getByLabel('Classification max tokens').inputValue()).toBe('5');
  expect(await page.getByTestId('template-user').inputValue()).toMatch(new RegExp(`${EXTRA_INSTRUCTION}$`));
}

test('edited settings and templates are saved as they are edited and found after a reload', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await openSettings(page);
  await editSettings(page);
  await expect.poll(() => page.getByTestId('settings-status').textContent()).toBe('Saved');

  await page.reload();
  await openSettings(page);
  await expectEdited(page);
  expect(await page.getByTestId('settings-status').textContent()).toBe('Saved');
  expect(errors).toEqual([]);
});

test('a reload right after an edit, before the save was due, still finds it', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await openSettings(page);
  await editSettings(page);
  await page.reload();
  await openSettings(page);
  await expectEdited(page);
  expect(errors).toEqual([]);
});

test('a cleared number field shows its problem beside it, blocks the run, and nothing is saved', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await openSettings(page);
  const maxTokens = page.getByLabel('New instructions max tokens');
  await maxTokens.fill('');
  await expect.poll(() => maxTokens.getAttribute('aria-invalid')).toBe('true');
  const problemId = await maxTokens.getAttribute('aria-describedby');
  expect(await page.locator(`#${problemId}`).textContent()).toBe('Enter a whole number from 1 to 32768.');
  expect(await page.getByTestId('settings-status').textContent()).toBe('Not saved: fix the fields marked');
  expect(await page.getByTestId('start-blocked').textContent()).toMatch(/Fix the method settings/);
  expect(await page.getByTestId('start').isDisabled()).toBe(true);

  // Another edit beside the invalid field is not saved either: settings are saved whole or not at
  // all. The reload saves whatever would be saved, as the test above shows.
  await page.getByTestId('rouge-threshold').fill('0.6');
  await page.reload();
  await openSettings(page);
  await expect.poll(() => page.getByLabel('New instructions max tokens').inputValue()).toBe('1024');
  expect(await page.getByTestId('rouge-threshold').inputValue()).toBe('0.7');
  expect(await page.getByLabel('New instructions max tokens').getAttribute('aria-invalid')).toBeNull();
  expect(errors).toEqual([]);
});

test('on a 320 px phone the open settings, a field problem included, fit the screen without sideways scroll', async () => {
  const context = await site.browser.newContext({ viewport: { width: 320, height: 640 } });
  const { page, errors } = await openWatchedPage(site.browser, site.url, context);
  await openSettings(page);
  await page.getByLabel('New instructions max tokens').fill('');
  await expect.poll(() => page.getByLabel('New instructions max tokens').getAttribute('aria-invalid')).toBe('true');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await context.close();
  expect(errors).toEqual([]);
});
