// The whole page on the CPU engine with no network: a .gguf file opened from disk drives a run.
// The tiny test model writes letters, not instructions, so the run must stop by itself and say why.
import { expect, test } from 'vitest';
import { alphabetModel } from '../gguf/tiny-llama';
import { foreignRequests, openWatchedPage, useSite, waitForRunStatus } from './site';

const site = useSite('dist');

test('a model opened from a .gguf file runs the loop, and a model that writes garbage stops it with advice', async () => {
  const { page, requests, errors } = await openWatchedPage(site.browser, site.url);
  await page.getByTestId('gguf-file').setInputFiles({ name: 'tiny-alphabet.gguf', mimeType: 'application/octet-stream', buffer: Buffer.from(alphabetModel()) });
  await expect.poll(() => page.getByTestId('model-loaded').textContent()).toMatch(/Ready: gguf-file:tiny-alphabet\.gguf/);

  // Short answers keep the CPU test quick; the settings are saved with the project.
  await page.getByTestId('settings').locator('summary').first().click();
  await page.getByLabel('New instructions max tokens').fill('48');
  await page.getByTestId('target-size').fill('5');
  await page.getByTestId('start').click();
  await waitForRunStatus(page, 'failed');
  expect(await page.getByTestId('run-error').textContent()).toMatch(/last 5 answers held no instruction the parser could read/);
  expect(await page.getByTestId('count-accepted').textContent()).toBe('0');
  expect(errors).toEqual([]);
  expect(foreignRequests(requests)).toEqual([]);
});
