// The "Dataset figures" card during and after a scripted run: its figures follow the run to what
// IndexedDB holds, each chart has its table and can be saved as SVG, axe finds nothing serious, and
// the screenshots docs/screenshots/dataset-{laptop,phone}.png are taken here when asked
// (SAVE_SCREENSHOTS=1), so that a plain test run leaves the working tree as it was.
import { readFile } from 'node:fs/promises';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe';
import { fillPool } from './pool-fixture';
import { openWatchedPage, readStores, useSite } from './site';

const site = useSite('dist-e2e');
const SAVE_SCREENSHOTS = process.env.SAVE_SCREENSHOTS === '1';

const CHARTS = ['chart-instances', 'chart-rouge', 'chart-instruction-lengths', 'chart-input-lengths', 'chart-output-lengths', 'chart-acceptance'];

/** The finished tasks in the store, and how many of them have a non-empty input. */
async function storedFigures(page: Page): Promise<{ tasks: number; withInput: number }> {
  const { tasks, instances } = await readStores(page, ['tasks', 'instances']);
  const done = (tasks as { id: string; stage: string }[]).filter((task) => task.stage === 'done').map((task) => task.id);
  const inputs = new Set((instances as { taskId: string; input: string }[]).filter((instance) => instance.input.trim() !== '').map((instance) => instance.taskId));
  return { tasks: done.length, withInput: done.filter((id) => inputs.has(id)).length };
}

async function openCard(page: Page): Promise<void> {
  await page.getByTestId('dataset-card').locator('summary').first().click();
  await expect.poll(() => page.getByTestId('stats-tasks').count()).toBe(1);
  await expect.poll(() => page.getByTestId('stats-computing').count()).toBe(0);
}

test('opened before a run, the card follows it to the stored dataset’s figures; every chart has its table and saves as SVG', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  const card = page.getByTestId('dataset-card');
  expect(await card.locator('details').first().evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false);
  await openCard(page);
  expect(await page.getByTestId('stats-tasks').textContent()).toBe('0');
  await fillPool(page);

  const { tasks, withInput } = await storedFigures(page);
  expect(tasks).toBeGreaterThanOrEqual(12);
  // The run's last steps reach the card within the 5 s throttle.
  await expect.poll(() => page.getByTestId('stats-tasks').textContent()).toBe(String(tasks));
  expect(await page.getByTestId('stats-with-input').textContent()).toBe(`${((withInput / tasks) * 100).toFixed(1)} %`);

  for (const chart of CHARTS) {
    const figure = page.getByTestId(chart);
    await expect.poll(() => figure.locator('svg rect').count()).toBeGreaterThan(0);
    const caption = await figure.locator('.chart-caption').textContent();
    expect(await figure.locator('svg').getAttribute('role')).toBe('img');
    expect(await figure.locator('svg').evaluate((svg) => document.getElementById(svg.getAttribute('aria-labelledby')!)?.textContent)).toBe(caption);
  }
  // The instances-per-task table counts every task once; the ROUGE-L table every instruction once.
  const tableSum = (chart: string) =>
    page.getByTestId(chart).locator('tbody td').evaluateAll((cells) => cells.reduce((total, cell) => total + Number(cell.textContent), 0));
  await page.getByTestId('chart-instances').locator('.chart-table summary').click();
  expect(await page.getByTestId('chart-instances').locator('tbody tr').count()).toBe(11);
  expect(await tableSum('chart-instances')).toBe(tasks);
  expect(await tableSum('chart-rouge')).toBe(tasks);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('chart-rouge').getByTestId('save-svg').click()]);
  expect(download.suggestedFilename()).toMatch(/-rouge-to-seeds\.svg$/);
  const svg = await readFile(await download.path(), 'utf8');
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  // The theme's colours are written into the file: it shows the same bars opened on its own.
  expect(svg).not.toContain('var(--');
  expect(svg).toMatch(/<rect[^>]+style="fill: rgb\(/);

  expect(await page.getByTestId('stats-diversity').locator('dd').count()).toBe(5);
  expect(await seriousViolations(page, 'dataset card')).toEqual([]);
  expect(errors).toEqual([]);
});

test('during a run the card draws the verb–noun sunburst; a verb, a ROUGE-L bin and a rule each filter the pool table to their rows', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await openCard(page);
  await fillPool(page);
  const { tasks } = await storedFigures(page);
  await expect.poll(() => page.getByTestId('stats-tasks').textContent()).toBe(String(tasks));
  const sunburst = page.getByTestId('chart-verbs');
  await expect.poll(() => sunburst.locator('path.sunburst-verb').count()).toBeGreaterThan(0);
  await expect.poll(() => sunburst.getByTestId('verb-share').textContent()).toMatch(new RegExp(`^\\d+\\.\\d % of ${tasks} instructions have a verb–object structure$`));
  // One tab stop for the whole chart; the arrows move along the segments.
  expect(await sunburst.locator('path[tabindex="0"]').count()).toBe(1);
  await sunburst.locator('path[tabindex="0"]').focus();
  await page.keyboard.press('ArrowRight');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/: \d+ instructions\. Show them in the pool$/);
  await page.keyboard.press('ArrowLeft');

  // Enter on the first verb: the table shows exactly its instructions, says so, and takes the focus.
  const first = (await sunburst.locator('path[tabindex="0"]').getAttribute('aria-label'))!;
  const [, verb, count] = /^(\S+): (\d+) instructions/.exec(first)!;
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('pool-figure').textContent()).toContain(`Verb “${verb}”`);
  await expect.poll(() => page.getByTestId('pool-shown').textContent()).toBe(`${count} of ${await poolTotal(page)} candidates`);
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('pool');
  const shownInstructions = await page.getByTestId('pool-table').locator('[data-testid="row-instruction"]').allTextContents();
  expect(shownInstructions.length).toBeGreaterThan(0);
  await page.getByTestId('pool-figure-clear').click();
  await expect.poll(() => page.getByTestId('pool-figure').count()).toBe(0);

  // The ROUGE-L table's first non-empty bin, through its button: as many rows as the bin counts.
  const rouge = page.getByTestId('chart-rouge');
  await rouge.locator('.chart-table summary').click();
  const bin = rouge.locator('tbody tr').filter({ has: page.locator('button') }).first();
  const binCount = await bin.locator('td').textContent();
  await bin.locator('button').click();
  await expect.poll(() => page.getByTestId('pool-figure').textContent()).toContain('to the nearest seed');
  await expect.poll(() => page.getByTestId('pool-shown').textContent()).toBe(`${binCount} of ${await poolTotal(page)} candidates`);

  // A rejection rule: the candidates it rejected, through the pool's own filters.
  const rule = page.getByTestId('stats-rejections').locator('tbody tr').first();
  const rejected = await rule.locator('td').first().textContent();
  await rule.locator('button').click();
  await expect.poll(() => page.getByTestId('pool-status').inputValue()).toBe('rejected');
  await expect.poll(() => page.getByTestId('pool-shown').textContent()).toBe(`${rejected} of ${await poolTotal(page)} candidates`);

  // The sunburst saves as PNG, drawn from its SVG.
  const [png] = await Promise.all([page.waitForEvent('download'), sunburst.getByTestId('save-png').click()]);
  expect(png.suggestedFilename()).toMatch(/-verbs-and-nouns\.png$/);
  expect((await readFile(await png.path())).subarray(1, 4).toString()).toBe('PNG');
  expect(await seriousViolations(page, 'dataset card with the sunburst')).toEqual([]);
  expect(errors).toEqual([]);
});

/** A filled pool's card, open, with its stored figures and its "Compare with a dataset…" part. */
async function openCompare() {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await fillPool(page);
  await openCard(page);
  return { page, errors, stored: await storedFigures(page), compare: page.getByTestId('stats-compare') };
}

test('compared with an Alpaca file built here, each chart and table shows it beside the project; a broken file says why; the pool is untouched', async () => {
  const { page, errors, stored, compare } = await openCompare();
  await compare.getByTestId('compare-file').setInputFiles({ name: 'broken.jsonl', mimeType: 'application/json', buffer: Buffer.from('{"instruction": "Name a spice."}\n{oops') });
  await expect.poll(() => compare.getByTestId('compare-error').textContent()).toMatch(/^broken\.jsonl cannot be compared: .+ \(line 2\)\.$/);

  const alpaca = [
    { instruction: 'Write a poem about the sea.', input: '', output: 'Waves come and go.' },
    { instruction: 'Translate the sentence into French.', input: 'Good morning.', output: 'Bonjour.' },
    { instruction: 'Write a story about a dragon.', input: '', output: 'Once upon a time.' },
  ];
  await compare.getByTestId('compare-file').setInputFiles({ name: 'alpaca.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(alpaca)) });
  await expect.poll(() => compare.getByTestId('compare-name').textContent()).toBe('alpaca.json');
  expect(await compare.getByTestId('compare-error').count()).toBe(0);
  const table = compare.getByTestId('compare-table');
  expect(await table.locator('tbody tr').first().locator('td').allTextContents()).toEqual([String(stored.tasks), '3']);
  // Every histogram draws the reference as a second series, in shares of each dataset.
  for (const chart of CHARTS.filter((chart) => chart !== 'chart-acceptance')) {
    await expect.poll(() => page.getByTestId(chart).locator('rect.reference').count()).toBeGreaterThan(0);
  }
  const reference = page.getByTestId('chart-verbs-reference');
  // "write" (a poem, a story) and "translate" (the sentence), the larger first.
  await expect.poll(() => reference.locator('path.sunburst-verb').count()).toBe(2);
  expect(await reference.locator('path.sunburst-verb').first().getAttribute('aria-label')).toBe('write: 2 instructions');
  expect((await storedFigures(page)).tasks).toBe(stored.tasks);
  expect(await seriousViolations(page, 'dataset card compared with a file')).toEqual([]);
  await compare.getByTestId('compare-stop').click();
  await expect.poll(() => page.getByTestId('chart-rouge').locator('rect.reference').count()).toBe(0);
  expect(errors).toEqual([]);
});

test('compared with a Parquet file built here, the card reads its tasks; one without an "instruction" column says which columns it has', async () => {
  const { page, errors, stored, compare } = await openCompare();
  const parquet = (columnData: { name: string; data: string[] }[]) => Buffer.from(parquetWriteBuffer({ columnData: columnData.map((column) => ({ ...column, type: 'STRING' as const })) }));

  const chat = parquet([{ name: 'prompt', data: ['Name a spice.'] }, { name: 'completion', data: ['Cumin.'] }]);
  await compare.getByTestId('compare-file').setInputFiles({ name: 'chat.parquet', mimeType: 'application/octet-stream', buffer: chat });
  await expect.poll(() => compare.getByTestId('compare-error').textContent()).toBe(
    'chat.parquet cannot be compared: the Parquet file has no "instruction" column (its columns: prompt, completion); seed tasks are read from "instruction", "input" and "output" columns, or "instruction" and "instances".',
  );

  const reference = parquet([
    { name: 'instruction', data: ['Write a poem about the sea.', 'Translate the sentence into French.', 'Write a story about a dragon.', 'Write a story about a dragon.'] },
    { name: 'input', data: ['', 'Good morning.', '', ''] },
    { name: 'output', data: ['Waves come and go.', 'Bonjour.', 'Once upon a time.', 'The end.'] },
  ]);
  await compare.getByTestId('compare-file').setInputFiles({ name: 'train.parquet', mimeType: 'application/octet-stream', buffer: reference });
  await expect.poll(() => compare.getByTestId('compare-name').textContent()).toBe('train.parquet');
  expect(await compare.getByTestId('compare-error').count()).toBe(0);
  // One row per example: the dragon story's two rows are one task.
  expect(await compare.getByTestId('compare-table').locator('tbody tr').first().locator('td').allTextContents()).toEqual([String(stored.tasks), '3']);
  await expect.poll(() => page.getByTestId('chart-verbs-reference').locator('path.sunburst-verb').count()).toBe(2);
  expect((await storedFigures(page)).tasks).toBe(stored.tasks);
  expect(errors).toEqual([]);
});

/** Every candidate of the pool, as the table's "N of M candidates" counts them. */
async function poolTotal(page: Page): Promise<string> {
  return (/of ([\d,]+) candidates/.exec((await page.getByTestId('pool-shown').textContent()) ?? '') ?? [])[1] ?? '?';
}

test.each([
  { name: 'laptop', viewport: { width: 1366, height: 768 }, saved: true },
  { name: 'phone', viewport: { width: 390, height: 844 }, saved: true },
  { name: '320 px phone', viewport: { width: 320, height: 700 }, saved: false },
])('the card on a $name passes axe and never scrolls the page sideways; its screenshot is saved when asked', async ({ name, viewport, saved }) => {
  const context = await site.browser.newContext({ viewport });
  const { page, errors } = await openWatchedPage(site.browser, site.url, context);
  await fillPool(page);
  await openCard(page);
  const card = page.getByTestId('dataset-card');
  await card.evaluate((element) => element.scrollIntoView({ block: 'start' }));
  expect(await seriousViolations(page, `dataset card (${name})`)).toEqual([]);
  // Its charts, tables and file input fit the column (a chart once drawn wider kept the page wide).
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(viewport.width);
  if (saved && SAVE_SCREENSHOTS) await page.screenshot({ path: `docs/screenshots/dataset-${name}.png` });
  expect(errors).toEqual([]);
  await context.close();
});
