// Seeds in and datasets out, through the real page: imports of good and broken files, pasted
// instructions, a large import in the import worker with its progress, and a multi-format
// download as one zip with a dataset card.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { loadScriptedModel, openWatchedPage, useSite, waitForRunStatus } from './site';

const SHARED_SEEDS = resolve(import.meta.dirname, '../../../shared/data/seed_tasks.jsonl');

const site = useSite('dist-e2e');

test('imports the Self-Instruct seed file, refuses a broken file without a change, and takes pasted lines', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('175');

  await page.getByTestId('seeds-file').setInputFiles(SHARED_SEEDS);
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('175');
  await expect.poll(() => page.getByText('26 of them classification').count()).toBe(1);

  const broken = '{"instruction": "Fine.", "instances": []}\n{"instruction": \n';
  await page.getByTestId('seeds-file').setInputFiles({ name: 'broken.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(broken) });
  await expect.poll(() => page.getByTestId('seeds-error').textContent()).toMatch(/broken\.jsonl, line 2: .*[^.]\. Nothing was changed\.$/);
  expect(await page.getByTestId('seed-count').textContent()).toBe('175');

  await page.getByRole('button', { name: 'Paste instructions…' }).click();
  await page.getByTestId('seeds-paste').fill('1. Summarize a news article in one sentence.\n2. Suggest a name for a bakery.\n3. List three uses of vinegar.');
  await page.getByRole('button', { name: 'Use these instructions' }).click();
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('3');
  await expect.poll(() => page.getByTestId('count-seeds').textContent()).toBe('3');
  // The pasting box went with the button that had the focus: the focus is back on the one that opened it.
  await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Paste instructions…');
  expect(errors).toEqual([]);
});

test('a Markdown file is refused; the default seeds ask before replacing one’s own, and Undo brings them back', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('175');
  await page.getByTestId('seeds-file').setInputFiles({ name: 'notes.md', mimeType: 'text/markdown', buffer: Buffer.from('# Ideas\n\nName a bird.\n') });
  await expect.poll(() => page.getByTestId('seeds-error').textContent()).toMatch(/^notes\.md: this is not a kind of file .*\.jsonl, \.ndjson, \.json, \.csv, \.tsv, \.txt or \.parquet.*\. Nothing was changed\.$/);
  expect(await page.getByTestId('seed-count').textContent()).toBe('175');

  // Our own OpenAI chat download, imported back as seed tasks.
  const chats = ['Name a bird.', 'Name a fish.'].map((instruction) => JSON.stringify({ messages: [{ role: 'user', content: instruction }, { role: 'assistant', content: 'One.' }] }));
  await page.getByTestId('seeds-file').setInputFiles({ name: 'openai.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(chats.join('\n')) });
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('2');
  expect(await page.getByTestId('seeds-undo').textContent()).toMatch(/Undo: bring back the 175 seed tasks before/);

  await page.getByTestId('seeds-default').click();
  const dialog = page.getByTestId('seeds-default-dialog');
  await expect.poll(() => dialog.getByRole('heading').textContent()).toBe('Replace 2 seed tasks with the 175 default ones?');
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.isVisible()).toBe(false);
  expect(await page.getByTestId('seed-count').textContent()).toBe('2');

  await page.getByTestId('seeds-default').click();
  await page.getByTestId('seeds-default-confirm').click();
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('175');
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('seeds-undo');
  await page.getByTestId('seeds-undo').click();
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('2');
  expect(await page.getByTestId('seeds-undo').count()).toBe(0);
  await page.reload();
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('2');
  expect(errors).toEqual([]);
});

test('a large file is imported in the import worker with a progress bar, and a refused file changes nothing', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await expect.poll(() => page.getByTestId('seed-count').textContent()).toBe('175');
  // Every caption the progress bar shows, however briefly.
  await page.evaluate(() => {
    const captions: string[] = [];
    Object.assign(globalThis, { __seedProgress: captions });
    new MutationObserver(() => {
      const caption = document.querySelector('[data-testid="seeds-progress"] .caption')?.textContent;
      if (caption) captions.push(caption);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

  const lines = Array.from({ length: 20_000 }, (_, index) => `Describe item number ${index + 1} in one sentence.`).join('\n');
  await page.getByTestId('seeds-file').setInputFiles({ name: 'many.txt', mimeType: 'text/plain', buffer: Buffer.from(lines) });
  await expect.poll(() => page.getByTestId('seed-count').textContent(), { timeout: 90_000 }).toBe('20000');
  await expect.poll(() => page.getByTestId('count-seeds').textContent()).toBe('20000');
  expect(page.workers().map((worker) => worker.url()).filter((url) => /import\.worker/.test(url))).toHaveLength(1);
  const captions = await page.evaluate(() => (globalThis as unknown as { __seedProgress: string[] }).__seedProgress);
  expect(captions.some((caption) => caption.startsWith('Saving the seed tasks'))).toBe(true);
  expect(await page.getByTestId('seeds-progress').count()).toBe(0);
  // A long list is cut short: drawing 20,000 items would hold up the page.
  expect(await page.locator('.seed-list li').count()).toBe(200);
  expect(await page.getByText('… and 19,800 more.').count()).toBe(1);

  const invisible = 'Name a bird.\n\u200B\u200B\u200B\nName a fish.\n';
  await page.getByTestId('seeds-file').setInputFiles({ name: 'blank.txt', mimeType: 'text/plain', buffer: Buffer.from(invisible) });
  await expect.poll(() => page.getByTestId('seeds-error').textContent()).toMatch(/^blank\.txt, line 2: the instruction holds only invisible characters.*[^.]\. Nothing was changed\.$/);
  expect(await page.getByTestId('seed-count').textContent()).toBe('20000');
  await page.reload();
  await expect.poll(() => page.getByTestId('seed-count').textContent(), { timeout: 30_000 }).toBe('20000');
  expect(errors).toEqual([]);
});

test('several formats and the rejected candidates download as one zip with a dataset card', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await loadScriptedModel(page);
  await page.getByTestId('target-size').fill('8');
  await page.getByTestId('rng-seed').fill('3');
  await page.getByTestId('start').click();
  await waitForRunStatus(page, 'finished');

  await page.getByTestId('format-alpaca-json').check();
  await page.getByTestId('format-parquet').check();
  await page.getByTestId('include-rejected').check();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download').click()]);
  expect(download.suggestedFilename()).toBe('My-dataset-dataset.zip');
  const files = unzipSync(new Uint8Array(await readFile(await download.path())));
  const charts = ['instances-per-task', 'input-lengths', 'instruction-lengths', 'output-lengths', 'rouge-to-seeds', 'verbs-and-nouns'].map((name) => `figures/${name}.svg`);
  expect(Object.keys(files).sort()).toEqual(['README.md', 'alpaca.json', 'rejected.jsonl', 'self-instruct.jsonl', 'dataset.parquet', ...charts].sort());
  const alpaca = JSON.parse(strFromU8(files['alpaca.json']!)) as { instruction: string; input: string; output: string }[];
  expect(alpaca.length).toBeGreaterThan(0);
  expect(alpaca[0]).toEqual({ instruction: expect.any(String), input: expect.any(String), output: expect.any(String) });
  expect(strFromU8(files['rejected.jsonl']!).trim().split('\n').length).toBe(Number(await page.getByTestId('count-rejected').textContent()));
  expect(strFromU8(files['README.md']!)).toContain('scripted-test-model');
  expect(errors).toEqual([]);
});
