// Seed files in the formats the import worker reads with a library, through the real page: CSV
// (papaparse, which the page's own bundle leaves out) and a JSON array.
import { expect, test } from 'vitest';
import { openWatchedPage, useSite } from './site';

const site = useSite('dist');

const CSV = 'instruction,input,output\r\n"Add the numbers, then say the sum.","2, 3",5\r\nName a primary colour.,,Red\r\n';
const JSON_ARRAY = JSON.stringify([
  { instruction: 'Translate the word into French.', input: 'cat', output: 'chat' },
  { instruction: 'Give an antonym.', input: 'hot', output: 'cold' },
  { instruction: 'Name a planet.', input: '', output: 'Mars' },
]);

test('a CSV file and a JSON array import as seed tasks, quoted commas and empty inputs included', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('175');

  await page.getByTestId('seeds-file').setInputFiles({ name: 'seeds.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('2');
  await page.getByText('Show the seed tasks').click();
  expect(await page.locator('.seed-list li').first().textContent()).toContain('Add the numbers, then say the sum.');

  await page.getByTestId('seeds-file').setInputFiles({ name: 'seeds.json', mimeType: 'application/json', buffer: Buffer.from(JSON_ARRAY) });
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('3');
  expect(errors).toEqual([]);
});
