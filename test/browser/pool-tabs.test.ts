// Two tabs of one project: a person's change in one reaches the other's table and undo history,
// without a reload.
import { expect, test } from 'vitest';
import { fillPool, shownRows, showNew } from './pool-fixture';
import { openWatchedPage, useSite } from './site';

const site = useSite('dist-e2e');

test('a row deleted in one tab leaves the other tab’s table, and its undo there brings it back here', async () => {
  const first = await openWatchedPage(site.browser, site.url);
  await fillPool(first.page);
  const second = await openWatchedPage(site.browser, site.url, first.context);
  await showNew(second.page);
  const [row] = await shownRows(first.page);
  if (!row) throw new Error('The run stored no candidate.');
  await expect.poll(() => shownRows(second.page)).toContain(row);

  await first.page.getByRole('row', { name: row }).focus();
  await first.page.keyboard.press('Delete');
  await expect.poll(() => shownRows(second.page)).not.toContain(row);
  await second.page.getByTestId('undo-history').locator('summary').click();
  await expect.poll(() => second.page.getByTestId('undo-history').textContent()).toContain('Deleted “');

  // Undone in the second tab, the row is back in the first.
  await second.page.locator('#pool-heading').click();
  await second.page.keyboard.press('Control+z');
  await expect.poll(() => shownRows(first.page)).toContain(row);
  expect([...first.errors, ...second.errors]).toEqual([]);
});
