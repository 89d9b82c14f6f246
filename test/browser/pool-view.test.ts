// The pool's view lives in the address: a reload keeps the search, the filters and the open row,
// Back returns to the filter before, a skip link's hash leaves the view alone; a run's new rows wait
// behind "Show N new"; and the table's rows, its grid semantics and both detail layouts pass axe.
import { expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { fillPool, matching, shownRows } from './pool-fixture';
import { openWatchedPage, RUN_TIMEOUT_MS, useSite, waitForRunStatus } from './site';

const site = useSite('dist-e2e');

const hash = (page: import('playwright-core').Page) => page.evaluate(() => location.hash);

test('reload keeps the view and the open row, Back returns to the filter before, and a skip link changes nothing', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await fillPool(page);
  await page.getByTestId('pool-search').fill('the');
  await expect.poll(() => hash(page)).toBe('#view?q=the');
  await page.getByTestId('pool-status').selectOption('rejected');
  await expect.poll(() => hash(page)).toBe('#view?q=the&status=rejected');
  await page.getByTestId('pool-sort').selectOption('length');
  await expect.poll(() => hash(page)).toBe('#view?q=the&status=rejected&sort=length');
  const rows = await shownRows(page);
  expect(rows.length).toBeGreaterThan(0);

  await page.reload();
  await expect.poll(() => shownRows(page)).toEqual(rows);
  expect(await page.getByTestId('pool-search').inputValue()).toBe('the');
  expect(await page.getByTestId('pool-status').inputValue()).toBe('rejected');
  expect(await page.getByTestId('pool-sort').inputValue()).toBe('length');

  await page.goBack();
  await expect.poll(() => page.getByTestId('pool-sort').inputValue()).toBe('created');
  expect(await page.getByTestId('pool-status').inputValue()).toBe('rejected');
  await page.goBack();
  await expect.poll(() => page.getByTestId('pool-status').inputValue()).toBe('kept');
  expect(await page.getByTestId('pool-search').inputValue()).toBe('the');

  // The open row is in the address too: a reload opens it again.
  const opened = await page.getByTestId('task-row').first().getAttribute('aria-label');
  await page.getByTestId('task-row').first().click();
  const dialog = page.getByTestId('task-dialog');
  await expect.poll(() => dialog.locator('h3').textContent()).toBe(opened);
  await expect.poll(() => hash(page)).toMatch(/^#view\?q=the&open=task-/);
  await page.reload();
  await expect.poll(() => dialog.evaluate((element) => (element as HTMLDialogElement).open)).toBe(true);
  expect(await dialog.locator('h3').textContent()).toBe(opened);
  // After a reload the filter worker holds no pool: the near-duplicate check loads it, then warns.
  const seed = 'Reformat the paragraph as a numbered list of steps.';
  await dialog.getByTestId('edit-instruction').fill(seed);
  await expect.poll(() => dialog.getByTestId('near-duplicate').textContent()).toBe(`Near-duplicate of “${seed}” (ROUGE-L 1.00)`);
  await dialog.getByTestId('revert-task').click();
  await page.keyboard.press('Escape');
  await expect.poll(() => hash(page)).toBe('#view?q=the');

  // The skip link to the pool is a hash, but not a view: the table keeps what it shows.
  const shown = await matching(page);
  await page.getByRole('link', { name: 'Skip to the pool' }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => hash(page)).toBe('#pool');
  expect(await page.getByTestId('pool-search').inputValue()).toBe('the');
  expect(await matching(page)).toBe(shown);

  // A returning visit to the plain address lands on the project's last view.
  await page.goto(site.url);
  await expect.poll(() => page.getByTestId('pool-search').inputValue()).toBe('the');
  await expect.poll(() => matching(page)).toBe(shown);
  expect(errors).toEqual([]);
});

test('a run never moves the rows shown: its new rows wait behind "Show N new" until asked for', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await fillPool(page, { target: 5, seed: 3 });
  const before = await shownRows(page);
  await page.getByTestId('target-size').fill('15');
  await page.getByTestId('start').click();
  await waitForRunStatus(page, 'finished');
  await expect.poll(() => page.getByTestId('show-new').textContent(), { timeout: RUN_TIMEOUT_MS }).toMatch(/^Show \d+ new candidates?$/);
  expect(await shownRows(page)).toEqual(before);
  const waiting = Number((await page.getByTestId('show-new').textContent())?.match(/\d+/)?.[0]);
  await page.getByTestId('show-new').click();
  await expect.poll(() => matching(page)).toBe(before.length + waiting);
  expect(errors).toEqual([]);
});

test.each([
  { device: 'a laptop', viewport: { width: 1366, height: 768 }, colorScheme: 'light' },
  { device: 'a phone', viewport: { width: 390, height: 844 }, colorScheme: 'dark' },
] as const)('on $device ($colorScheme), the table with a selection and the detail with its edit form have no serious axe violation', async ({ viewport, colorScheme }) => {
  const context = await site.browser.newContext({ viewport, colorScheme });
  const { page, errors } = await openWatchedPage(site.browser, site.url, context);
  await fillPool(page, { target: 5, seed: 3 });
  const found: string[] = [];
  const search = page.getByRole('searchbox', { name: 'Search the pool' });
  expect(await search.count()).toBe(1);

  await page.getByTestId('task-row').first().focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('Delete');
  await expect.poll(() => page.getByTestId('undo-notice').count()).toBe(1);
  await page.getByTestId('task-row').first().focus();
  await page.keyboard.press('Space');
  await page.getByTestId('undo-history').locator('summary').click();
  found.push(...(await seriousViolations(page, 'table with a selection, a toast and the history')));

  await page.getByTestId('pool-status').selectOption('accepted');
  await page.getByTestId('task-row').first().click();
  const dialog = page.getByTestId('task-dialog');
  await dialog.getByTestId('edit-output').first().fill('A new output.');
  await dialog.getByTestId('save-task').click();
  await dialog.getByTestId('task-original').locator('summary').click();
  await dialog.getByTestId('add-instance').click();
  await dialog.getByTestId('edit-instruction').fill(await dialog.locator('h3').textContent() + ' Again.');
  found.push(...(await seriousViolations(page, 'detail panel with an edit')));
  expect(found).toEqual([]);

  // No sideways scroll, down to a 320 px phone.
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  expect(await page.getByTestId('pool-table').evaluate((box) => box.scrollWidth <= box.clientWidth)).toBe(true);
  expect(errors).toEqual([]);
  await context.close();
});
