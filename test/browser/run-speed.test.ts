// Speed you can see, on the e2e site with the scripted model: the run panel's figures while a run
// goes, its progress in the tab's title, tokens per finished task, and a notification at its end
// once the person allowed it (never asked on load).
import { expect, test } from 'vitest';
import { loadScriptedModel, openWatchedPage, useSite, waitForRunStatus } from './site';

const site = useSite('dist-e2e');

test('a run shows its speed and its progress in the title, and notifies its end once allowed', async () => {
  const context = await site.browser.newContext();
  // Records the notifications the page makes; the browser's own would show nothing headless.
  await context.addInitScript(() => {
    const shown: string[] = [];
    const Real = globalThis.Notification;
    class Recorded extends Real {
      constructor(title: string, options?: NotificationOptions) {
        super(title, options);
        shown.push(`${title}: ${options?.body ?? ''}`);
      }
    }
    Object.assign(globalThis, { Notification: Recorded, __notifications: shown });
  });
  const { page, errors } = await openWatchedPage(site.browser, site.url, context);
  await loadScriptedModel(page);
  // Asked on request only: on load the page shows a button and the browser has not been asked.
  expect(await page.evaluate(() => Notification.permission)).toBe('default');
  await context.grantPermissions(['notifications']);
  await page.getByTestId('notify-ask').click();
  await page.getByText('You get a notification when a run finishes').waitFor();

  await page.getByTestId('target-size').fill('15');
  await page.getByTestId('start').click();
  await page.getByTestId('run-speed').waitFor();
  await expect.poll(() => page.title()).toMatch(/^\d+\/15 · Self-Instruct Studio$/);
  await expect.poll(() => page.getByTestId('speed-tokens').textContent()).toMatch(/^\d+\.\d$/);
  await expect.poll(() => page.getByTestId('tokens-per-task').textContent()).toMatch(/^[\d,]+$/);
  await expect.poll(() => page.getByTestId('speed-elapsed').textContent()).toMatch(/^([1-9]\d* s|\d+ min \d+ s)$/);
  await waitForRunStatus(page, 'finished');
  await expect.poll(() => page.title()).toMatch(/^Finished \d+\/15 · Self-Instruct Studio$/);
  expect(await page.getByTestId('speed-left').textContent()).toBe('–');
  await expect.poll(() => page.evaluate(() => (globalThis as unknown as { __notifications: string[] }).__notifications)).toEqual([
    expect.stringMatching(/^Run finished: \d+ new instructions in the pool/),
  ]);
  expect(errors).toEqual([]);
  await context.close();
});
