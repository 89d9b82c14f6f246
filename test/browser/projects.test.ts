// Projects in the real page: several independent datasets in one browser, created, switched,
// duplicated and deleted (with a confirmation), each remembered across a reload.
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { loadScriptedModel, openWatchedPage, useSite, waitForRunStatus, projectMenu } from './site';

const site = useSite('dist-e2e');

async function projectNames(page: Page): Promise<string[]> {
  return page.getByTestId('project-select').locator('option').allTextContents();
}

async function shown(page: Page): Promise<string> {
  return page.getByTestId('project-select').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
}

test('projects are created with the default seeds, switched, duplicated and deleted after confirmation', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await expect.poll(() => projectNames(page)).toEqual(['My dataset']);

  await page.getByTestId('project-new').click();
  await page.getByTestId('project-name').fill('Cooking tasks');
  await page.getByTestId('project-save').click();
  await expect.poll(() => shown(page)).toBe('Cooking tasks');
  await expect.poll(() => page.getByTestId('count-seeds').textContent()).toBe('175');

  await projectMenu(page, 'project-duplicate');
  await expect.poll(() => shown(page)).toBe('Cooking tasks (copy)');

  await page.reload();
  await expect.poll(() => shown(page)).toBe('Cooking tasks (copy)');
  expect(await projectNames(page)).toEqual(['My dataset', 'Cooking tasks', 'Cooking tasks (copy)']);

  await projectMenu(page, 'project-delete');
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(await projectNames(page)).toHaveLength(3);
  await projectMenu(page, 'project-delete');
  await page.getByTestId('project-delete-confirm').click();
  await expect.poll(() => projectNames(page)).toEqual(['My dataset', 'Cooking tasks']);
  expect(errors).toEqual([]);
});

test('a project backed up in one browser profile restores in another with the same pool', async () => {
  const { page } = await openWatchedPage(site.browser, site.url);
  await loadScriptedModel(page);
  await page.getByTestId('target-size').fill('6');
  await page.getByTestId('rng-seed').fill('5');
  await page.getByTestId('start').click();
  await waitForRunStatus(page, 'finished');
  const counts = await page.getByTestId('counts').textContent();
  const [download] = await Promise.all([page.waitForEvent('download'), projectMenu(page, 'project-backup')]);
  expect(download.suggestedFilename()).toBe('My-dataset.studio-backup.gz');
  const backupPath = await download.path();

  const elsewhere = await openWatchedPage(site.browser, site.url);
  await expect.poll(() => projectNames(elsewhere.page)).toEqual(['My dataset']);
  await elsewhere.page.getByTestId('project-restore').setInputFiles(backupPath);
  // The other profile has a "My dataset" of its own: the restored one is told apart from it.
  await expect.poll(() => projectNames(elsewhere.page)).toEqual(['My dataset', 'My dataset (restored)']);
  await expect.poll(() => elsewhere.page.getByTestId('counts').textContent()).toBe(counts);
  expect(await elsewhere.page.getByTestId('run-status').textContent()).toBe('finished');

  await elsewhere.page.getByTestId('project-restore').setInputFiles({ name: 'notes.gz', mimeType: 'application/gzip', buffer: Buffer.from('not a backup') });
  await expect.poll(() => elsewhere.page.getByTestId('project-error').textContent()).toMatch(/notes\.gz: This is not a Self-Instruct Studio project backup/);
  expect(await projectNames(elsewhere.page)).toHaveLength(2);
  expect(elsewhere.errors.filter((error) => !error.includes('notes.gz'))).toEqual([]);
});
