// The model manager: a loaded model shows as downloaded with its size, and deleting it (after a
// confirmation) frees it; the e2e build's scripted engine stands in for a weight cache.
import { expect, test } from 'vitest';
import { openWatchedPage, useSite } from './site';

const site = useSite('dist-e2e');

test('a loaded model is listed as downloaded with its size, and a confirmed delete removes it', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  const select = page.getByTestId('model-select');
  await select.selectOption('scripted-test-model');
  expect(await page.getByTestId('stored-models').count()).toBe(0);
  await page.getByTestId('load-model').click();
  await page.getByTestId('model-loaded').waitFor();
  await expect.poll(() => page.getByTestId('stored-models').locator('summary').textContent()).toBe('Downloaded models (1, 118 MB): usable offline');
  expect(await select.locator('option[value="scripted-test-model"]').textContent()).toContain('· downloaded');

  const prompts: string[] = [];
  page.once('dialog', (dialog) => {
    prompts.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByTestId('stored-models').locator('summary').click();
  await page.getByTestId('stored-models').getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => prompts).toEqual([expect.stringContaining('Delete the downloaded files of Scripted test engine')]);
  expect(await page.getByTestId('stored-models').count()).toBe(1);

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId('stored-models').getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => page.getByTestId('stored-models').count()).toBe(0);
  expect(await page.getByTestId('model-loaded').count()).toBe(0);
  // The list went with the focused Delete button: the focus is on Load model, not lost to the page.
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('load-model');
  expect(errors).toEqual([]);
});
