// The pool's workbench on the e2e site, with a pool the scripted model wrote: a row found by search,
// edited with a near-duplicate warning, deleted and restored by undo; a rejected candidate accepted.
// Each step is checked in IndexedDB and in the downloaded dataset.
import { expect, test } from 'vitest';
import { downloadJsonl, fillPool, shownRows, storedTasks } from './pool-fixture';
import { openWatchedPage, readStores, useSite } from './site';

const site = useSite('dist-e2e');
const EDITED = 'Name a spice that is bright yellow.';

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('a row found by search is edited, warned about as a near-duplicate, deleted and brought back by undo, and IndexedDB and the download follow', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await fillPool(page);
  await page.getByTestId('pool-status').selectOption('accepted');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('#view?status=accepted');
  const [instruction] = await shownRows(page);
  const others = (await shownRows(page)).slice(1);
  if (!instruction) throw new Error('The run accepted no task.');

  // A word prefix, in capitals, finds it.
  const word = instruction.match(/[A-Za-z]{5,}/)?.[0] ?? instruction.split(' ')[0]!;
  await page.getByTestId('pool-search').fill(word.slice(0, 4).toUpperCase());
  await expect.poll(() => shownRows(page)).toContain(instruction);
  expect(await page.evaluate(() => location.hash)).toBe(`#view?q=${word.slice(0, 4).toUpperCase()}&status=accepted`);

  await page.getByRole('row', { name: instruction }).click();
  const dialog = page.getByTestId('task-dialog');
  await expect.poll(() => dialog.locator('h3').textContent()).toBe(instruction);
  expect(await page.evaluate(() => location.hash)).toMatch(/&open=task-/);
  // Another accepted instruction typed in is named as a near-duplicate, without blocking the save.
  await dialog.getByTestId('edit-instruction').fill(others[0]!);
  await expect.poll(() => dialog.getByTestId('near-duplicate').textContent()).toBe(`Near-duplicate of “${others[0]}” (ROUGE-L 1.00)`);
  expect(await dialog.getByTestId('save-task').isEnabled()).toBe(true);
  await dialog.getByTestId('edit-instruction').fill(EDITED);
  await dialog.getByTestId('edit-output').first().fill('Turmeric');
  await dialog.getByTestId('save-task').click();
  await expect.poll(() => dialog.locator('h3').textContent()).toBe(EDITED);
  // The undo step names the task as it was.
  expect(await dialog.getByTestId('undo-notice').textContent()).toMatch(new RegExp(`^Edited “${escaped(instruction.slice(0, 30))}`));
  await dialog.getByTestId('task-original').locator('summary').click();
  expect(await dialog.getByTestId('task-original').textContent()).toContain(instruction);

  const { tasks } = await storedTasks(page);
  const edited = tasks.find((task) => task.instruction === EDITED)!;
  expect(edited).toMatchObject({ stage: 'done', edited: expect.any(Number), original: { instruction } });
  const { instances } = await readStores(page, ['instances']);
  expect((instances as { taskId: string; output: string }[]).filter((row) => row.taskId === edited.id).map((row) => row.output)).toContain('Turmeric');

  await page.keyboard.press('Escape');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#view?q=${word.slice(0, 4).toUpperCase()}&status=accepted`);
  await page.getByTestId('pool-reset').click();
  // The table asks the pool view worker again: the edited row shows once its answer is in.
  const row = page.getByRole('row', { name: EDITED });
  await expect.poll(() => row.locator('.mark.edited').count()).toBe(1);
  let records = await downloadJsonl(page);
  expect(records.find((record) => record.instruction === EDITED)?.instances).toContainEqual({ input: expect.any(String), output: 'Turmeric' });
  expect(records.some((record) => record.instruction === instruction)).toBe(false);

  // Delete on a focused row sends it to the trash; the toast's Undo brings it back.
  await row.focus();
  await page.keyboard.press('Delete');
  const toast = page.getByTestId('undo-toast').last();
  await expect.poll(() => toast.getByTestId('undo-notice').textContent()).toBe(`Deleted “${EDITED}”`);
  const afterDelete = await storedTasks(page);
  expect(afterDelete.tasks.some((task) => task.id === edited.id)).toBe(false);
  expect(afterDelete.trash.map((trashed) => trashed.id)).toEqual([edited.id]);
  expect(await shownRows(page)).not.toContain(EDITED);
  records = await downloadJsonl(page);
  expect(records.some((record) => record.instruction === EDITED)).toBe(false);

  await toast.getByTestId('undo').click();
  await expect.poll(() => toast.getByTestId('undo-notice').textContent()).toBe(`Undone: Deleted “${EDITED}”`);
  expect((await storedTasks(page)).trash).toEqual([]);
  await expect.poll(() => shownRows(page)).toContain(EDITED);
  records = await downloadJsonl(page);
  expect(records.some((record) => record.instruction === EDITED)).toBe(true);

  // Ctrl+Z, outside any text field, undoes the edit too: the model's text is back, in the download as well.
  await page.locator('#pool-heading').click();
  await page.keyboard.press('Control+z');
  await expect.poll(() => toast.getByTestId('undo-notice').textContent()).toMatch(new RegExp(`^Undone: Edited “${escaped(instruction.slice(0, 30))}`));
  await expect.poll(() => shownRows(page)).toContain(instruction);
  records = await downloadJsonl(page);
  expect(records.some((record) => record.instruction === instruction)).toBe(true);
  expect(records.some((record) => record.instruction === EDITED)).toBe(false);
  expect(errors).toEqual([]);
});

test('a rejected candidate is accepted over its rule, marked reviewed, and the undo history takes both back', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await fillPool(page);
  await page.getByTestId('pool-status').selectOption('rejected');
  const [rejected] = await shownRows(page);
  await page.getByRole('row', { name: rejected }).click();
  const dialog = page.getByTestId('task-dialog');
  expect(await dialog.getByTestId('task-state').textContent()).toMatch(/^Rejected: /);
  await dialog.getByTestId('task-accept').click();
  await expect.poll(() => dialog.getByTestId('task-state').textContent()).toMatch(/^Accepted by you; the filter had rejected it: /);
  await dialog.getByTestId('task-review').click();
  await expect.poll(() => dialog.getByTestId('task-review').textContent()).toBe('Mark not reviewed');
  let task = (await storedTasks(page)).tasks.find((row) => row.instruction === rejected)!;
  expect(task).toMatchObject({ stage: 'classify', overruled: { rule: expect.any(String) }, reviewed: expect.any(Number) });
  await page.keyboard.press('Escape');
  // The rejected view no longer holds it.
  await expect.poll(() => shownRows(page)).not.toContain(rejected);

  await page.getByTestId('undo-history').locator('summary').click();
  const history = page.getByTestId('undo-history').locator('li');
  expect(await history.allTextContents()).toEqual([expect.stringMatching(/^Marked reviewed “/), expect.stringMatching(/^Accepted “/)]);
  await page.getByTestId('history-undo').click();
  await expect.poll(() => history.count()).toBe(1);
  await page.getByTestId('history-undo').click();
  await expect.poll(() => history.count()).toBe(0);
  task = (await storedTasks(page)).tasks.find((row) => row.instruction === rejected)!;
  expect(task.stage).toBe('rejected');
  expect(task.reviewed).toBeUndefined();
  await expect.poll(() => shownRows(page)).toContain(rejected);
  expect(errors).toEqual([]);
});

test('a download holds what its scope says: everything kept, the current filter, the selection, or the reviewed rows', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await fillPool(page);
  const everything = await downloadJsonl(page);
  const scope = page.getByTestId('download-scope');

  await page.getByTestId('pool-status').selectOption('accepted');
  await page.getByTestId('pool-kind').selectOption('classification');
  const classifying = await shownRows(page);
  expect(await scope.locator('option[value="filter"]').textContent()).toBe(`The current filter (${classifying.length} row${classifying.length === 1 ? '' : 's'})`);
  await scope.selectOption('filter');
  expect((await downloadJsonl(page)).map((record) => record.instruction).sort()).toEqual([...classifying].sort());

  await page.getByTestId('pool-reset').click();
  await page.getByTestId('pool-status').selectOption('accepted');
  const [first, second] = await shownRows(page);
  for (const name of [first, second]) await page.getByRole('row', { name }).getByTestId('row-select').check();
  await scope.selectOption('selection');
  expect(await scope.locator('option:checked').textContent()).toBe('The selection (2 rows)');
  expect((await downloadJsonl(page)).map((record) => record.instruction).sort()).toEqual([first, second].sort());

  await page.getByTestId('bulk-review').click();
  await expect.poll(() => page.getByTestId('bulk-bar').count()).toBe(0);
  await page.getByTestId('pool-reset').click();
  await scope.selectOption('reviewed');
  expect((await downloadJsonl(page)).map((record) => record.instruction).sort()).toEqual([first, second].sort());
  await scope.selectOption('kept');
  expect(await downloadJsonl(page)).toEqual(everything);
  expect(errors).toEqual([]);
});
