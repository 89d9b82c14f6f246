// axe-core on every screen of the e2e site, on a laptop and a phone, light and dark: no serious or
// critical violation. Statuses and progress are live regions; reduced motion stops the bars moving.
import { expect, test } from 'vitest';
import { seriousViolations } from './axe';
import { loadScriptedModel, openWatchedPage, useSite, waitForRunStatus } from './site';

const site = useSite('dist-e2e');

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

test.each([
  { device: 'a laptop', viewport: LAPTOP, colorScheme: 'light' },
  { device: 'a phone', viewport: PHONE, colorScheme: 'light' },
  { device: 'a laptop', viewport: LAPTOP, colorScheme: 'dark' },
  { device: 'a phone', viewport: PHONE, colorScheme: 'dark' },
] as const)('on $device in the $colorScheme scheme, no screen has a serious or critical axe violation and the statuses are live', async ({ viewport, colorScheme }) => {
  const context = await site.browser.newContext({ viewport, colorScheme });
  const { page, errors } = await openWatchedPage(site.browser, site.url, context);
  const found: string[] = [];
  const check = async (screen: string) => found.push(...(await seriousViolations(page, screen)));

  await expect.poll(() => page.getByTestId('count-seeds').textContent()).toBe('175');
  await page.getByTestId('model-select').waitFor();
  // The page follows the scheme asked for, so the dark runs check the dark theme's colours.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe(colorScheme);
  await check('first visit');

  await page.getByText('Show the seed tasks').click();
  await check('seeds list open');

  await loadScriptedModel(page);
  // Statuses are live regions, so a screen reader hears them change without moving there.
  expect(await page.getByRole('status').filter({ hasText: 'Ready: scripted-test-model' }).count()).toBe(1);
  await check('model loaded');

  await page.getByTestId('settings').locator('summary').first().click();
  await check('settings open');

  await page.getByTestId('target-size').fill('5');
  await page.getByTestId('rng-seed').fill('3');
  await page.getByTestId('start').click();
  await waitForRunStatus(page, 'finished');
  expect(await page.getByRole('status').filter({ hasText: /^finished$/ }).count()).toBe(1);
  const progress = page.getByRole('progressbar', { name: /of 5 new instructions/ });
  expect(await progress.getAttribute('aria-valuetext')).toBe('100%');
  expect(await page.getByRole('status').filter({ hasText: /of 5 new instructions: 100%$/ }).count()).toBe(1);
  await check('run finished, pool showing');

  await page.getByTestId('task-row').first().click();
  await page.getByTestId('task-dialog').locator('details').first().click();
  await check('task dialog open');

  expect(found).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test.each([
  { reducedMotion: 'reduce', duration: '0s' },
  { reducedMotion: 'no-preference', duration: '0.25s' },
] as const)('with reduced motion set to $reducedMotion, the progress bar moves in $duration', async ({ reducedMotion, duration }) => {
  const context = await site.browser.newContext({ reducedMotion });
  const { page } = await openWatchedPage(site.browser, site.url, context);
  const fill = page.getByRole('progressbar').first().locator('div');
  expect(await fill.evaluate((element) => getComputedStyle(element).transitionDuration)).toBe(duration);
  await context.close();
});
