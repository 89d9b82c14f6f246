// Seed files in the formats the import worker reads with a library, through the real page: CSV
// (papaparse, which the page's own bundle leaves out), a JSON array, and Parquet (hyparquet, which
// the import worker loads only for a Parquet file), built here with hyparquet-writer.
import { parquetWriteBuffer } from 'hyparquet-writer';
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

test('a Parquet file imports as seed tasks; a damaged one says why and changes nothing', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('175');
  const parquet = Buffer.from(
    parquetWriteBuffer({
      columnData: [
        { name: 'instruction', data: ['Translate the word into French.', 'Translate the word into French.', 'Name a planet.'], type: 'STRING' },
        { name: 'input', data: ['cat', 'dog', null], type: 'STRING' },
        { name: 'output', data: ['chat', 'chien', 'Mars'], type: 'STRING' },
      ],
    }),
  );

  // Cut short: the file still starts as Parquet, so it is refused as damaged, not as binary.
  await page.getByTestId('seeds-file').setInputFiles({ name: 'cut.parquet', mimeType: 'application/octet-stream', buffer: parquet.subarray(0, parquet.length - 12) });
  await expect.poll(() => page.getByTestId('seeds-error').textContent()).toMatch(/^cut\.parquet: the Parquet file is damaged or cut short \(.+\); download or export it again\. Nothing was changed\.$/);
  expect(await page.getByTestId('seed-count').textContent()).toBe('175');

  await page.getByTestId('seeds-file').setInputFiles({ name: 'train.parquet', mimeType: 'application/octet-stream', buffer: parquet });
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('2');
  expect(await page.getByTestId('seeds-error').count()).toBe(0);
  await page.getByText('Show the seed tasks').click();
  expect(await page.locator('.seed-list li').allTextContents()).toEqual([expect.stringContaining('Translate the word into French.'), expect.stringContaining('Name a planet.')]);
  expect(errors).toEqual([]);
});
