// Every dialog closes by its ×, by Escape and by a click on the backdrop, and on a phone the task
// dialog's × stays in view however far its content is scrolled.
import { expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { loadScriptedModel, openWatchedPage, useSite, waitForRunStatus, projectMenu } from './site';

const site = useSite('dist-e2e');

const isOpen = (dialog: Locator) => dialog.evaluate((element) => (element as HTMLDialogElement).open);

/** Opens the dialog with `open`, closes it each of the three ways, and checks it closed each time. */
async function closesEveryWay(page: Page, dialog: Locator, open: () => Promise<void>): Promise<void> {
  for (const close of [
    () => dialog.getByRole('button', { name: 'Close', exact: true }).first().click(),
    () => page.keyboard.press('Escape'),
    () => page.mouse.click(3, 3),
  ]) {
    await open();
    await expect.poll(() => isOpen(dialog)).toBe(true);
    await close();
    await expect.poll(() => isOpen(dialog)).toBe(false);
  }
}

test('the delete-project dialog closes by ×, Escape and backdrop, and nothing is deleted', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await expect.poll(() => page.getByTestId('count-seeds').textContent()).toBe('175');
  const dialog = page.getByTestId('project-delete-dialog');
  await closesEveryWay(page, dialog, () => projectMenu(page, 'project-delete'));
  expect(await page.getByTestId('project-select').locator('option').count()).toBe(1);
  expect(errors).toEqual([]);
});

test('on a phone the task dialog closes every way, and its × stays in view when scrolled to the end', async () => {
  const context = await site.browser.newContext({ viewport: { width: 390, height: 844 } });
  const { page, errors } = await openWatchedPage(site.browser, site.url, context);
  await expect.poll(() => page.getByTestId('count-seeds').textContent()).toBe('175');
  await loadScriptedModel(page);
  await page.getByTestId('target-size').fill('3');
  await page.getByTestId('start').click();
  await waitForRunStatus(page, 'finished');

  const dialog = page.getByTestId('task-dialog');
  const openTask = () => page.getByTestId('task-row').first().click();
  await closesEveryWay(page, dialog, openTask);

  await openTask();
  await expect.poll(() => isOpen(dialog)).toBe(true);
  for (const call of await dialog.locator('details').all()) await call.locator('summary').click();
  await dialog.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  const close = page.getByTestId('task-dialog-x');
  const box = await close.boundingBox();
  expect(box && box.y >= 0 && box.y + box.height <= 844).toBe(true);
  await close.click();
  await expect.poll(() => isOpen(dialog)).toBe(false);
  await context.close();
  expect(errors).toEqual([]);
});

test('the project menu closes by Escape, with focus back on its button, and by a click elsewhere', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await expect.poll(() => page.getByTestId('count-seeds').textContent()).toBe('175');
  const menu = page.getByTestId('project-menu');
  const menuOpen = () => menu.evaluate((element) => (element as HTMLDetailsElement).open);
  await menu.locator('summary').click();
  expect(await menuOpen()).toBe(true);
  await page.keyboard.press('Escape');
  expect(await menuOpen()).toBe(false);
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
  await menu.locator('summary').click();
  await page.locator('h1').click();
  expect(await menuOpen()).toBe(false);
  expect(errors).toEqual([]);
});
