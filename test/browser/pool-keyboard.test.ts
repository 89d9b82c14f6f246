// The pool's table driven by the keyboard alone: one Tab stop, arrows, Home, End and Page keys move,
// Space selects, Delete sends the selection to the trash, Escape clears it, Ctrl+A selects every
// matching row, Ctrl+Z undoes, Enter opens a row and Escape gives the focus back to it.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { fillPool, matching, storedTasks } from './pool-fixture';
import { openWatchedPage, useSite } from './site';

const site = useSite('dist-e2e');

function focused(page: Page): Promise<{ index: string | null; name: string | null; selected: string | null }> {
  return page.evaluate(() => {
    const active = document.activeElement;
    return { index: active?.getAttribute('aria-rowindex') ?? null, name: active?.getAttribute('aria-label') ?? null, selected: active?.getAttribute('aria-selected') ?? null };
  });
}

async function press(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.press(key);
}

test('the keyboard alone moves through the table, selects, deletes to the trash, restores, undoes and opens a row', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await fillPool(page);
  const rows = await matching(page);
  const grid = page.getByRole('grid', { name: 'Candidates in the pool' });
  expect(await grid.getAttribute('aria-rowcount')).toBe(String(rows + 1));

  // The table is one Tab stop after the toolbar, on its first row.
  await page.getByTestId('pool-search').focus();
  for (let stop = 0; stop < 20 && (await focused(page)).index === null; stop++) await press(page, 'Tab');
  expect((await focused(page)).index).toBe('2');
  await press(page, 'ArrowDown');
  expect((await focused(page)).index).toBe('3');
  await press(page, 'End');
  await expect.poll(async () => (await focused(page)).index).toBe(String(rows + 1));
  await press(page, 'Home');
  await expect.poll(async () => (await focused(page)).index).toBe('2');
  await press(page, 'PageDown');
  await expect.poll(async () => Number((await focused(page)).index)).toBeGreaterThan(3);
  await press(page, 'Home');
  await expect.poll(async () => (await focused(page)).index).toBe('2');

  // Space selects; Escape clears; two rows selected go to the trash with Delete.
  await press(page, 'Space');
  expect((await focused(page)).selected).toBe('true');
  await press(page, 'Escape');
  expect((await focused(page)).selected).toBe('false');
  const first = (await focused(page)).name;
  await press(page, 'Space', 'ArrowDown', 'Space');
  const second = (await focused(page)).name;
  expect(await page.getByTestId('selected-count').textContent()).toBe('2 selected');
  expect(await page.getByTestId('bulk-delete').textContent()).toBe('Delete 2 tasks');
  await press(page, 'Delete');
  await expect.poll(async () => (await storedTasks(page)).trash.map((trashed) => trashed.task.instruction).sort()).toEqual([first, second].sort());
  await expect.poll(() => matching(page)).toBe(rows - 2);
  expect(await page.getByTestId('bulk-bar').count()).toBe(0);
  // Focus stays in the table, on the row now in the deleted one's place.
  expect((await focused(page)).index).toBe('3');

  // Ctrl+Z on the table undoes the delete.
  await press(page, 'Control+z');
  await expect.poll(() => page.getByTestId('undo-notice').textContent()).toBe('Undone: Deleted 2 tasks');
  expect((await storedTasks(page)).trash).toEqual([]);
  await expect.poll(() => matching(page)).toBe(rows);

  // Ctrl+A selects every matching row, and the bulk bar marks them all reviewed.
  await press(page, 'Control+a');
  expect(await page.getByTestId('selected-count').textContent()).toBe(`All ${rows} matching selected`);
  await page.getByTestId('bulk-review').focus();
  expect(await page.getByTestId('bulk-review').textContent()).toBe(`Mark ${rows} tasks reviewed`);
  await press(page, 'Enter');
  await expect.poll(async () => (await storedTasks(page)).tasks.filter((task) => task.reviewed !== undefined).length).toBe(rows);
  await expect.poll(() => page.getByTestId('task-row').first().locator('.mark.reviewed').count()).toBe(1);
  // The bar went with the selection; the focus went back to the table, not to the page.
  await expect.poll(async () => (await focused(page)).index).not.toBeNull();

  // Enter opens the focused row; Escape closes the panel and gives the focus back to that row.
  await page.getByTestId('task-row').nth(2).focus();
  const opened = (await focused(page)).name;
  await press(page, 'Enter');
  const dialog = page.getByTestId('task-dialog');
  await expect.poll(() => dialog.locator('h3').textContent()).toBe(opened);
  await press(page, 'Escape');
  await expect.poll(() => dialog.evaluate((element) => (element as HTMLDialogElement).open)).toBe(false);
  expect(await focused(page)).toMatchObject({ name: opened, index: '4' });

  // The trash: one row deleted from the table shows there, and comes back with Restore.
  await press(page, 'Delete');
  await page.getByTestId('pool-status').selectOption('deleted');
  await expect.poll(() => matching(page)).toBe(1);
  expect(await page.getByTestId('pool-status').locator('option[value="deleted"]').textContent()).toBe('In the trash (1)');
  const trashed = page.getByTestId('task-row').first();
  expect(await trashed.getAttribute('aria-label')).toBe(opened);
  await trashed.focus();
  await press(page, 'Space');
  await page.getByTestId('bulk-restore').click();
  await expect.poll(() => matching(page)).toBe(0);
  expect(await page.getByTestId('pool-empty').textContent()).toContain('Nothing in the trash matches this view.');
  expect((await storedTasks(page)).trash).toEqual([]);
  expect(errors).toEqual([]);
});
