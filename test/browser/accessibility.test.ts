// axe-core on every screen of the e2e site, on a laptop and a phone, light and dark: no serious or
// critical violation. Statuses and progress are live regions; reduced motion stops the bars moving.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { loadScriptedModel, openWatchedPage, useSite, waitForRunStatus } from './site';

const site = useSite('dist-e2e');
const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const LAPTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/**
 * The serious and critical violations axe finds on the page as it is now, one line each.
 * axe is evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
 * govern (a `<script>` tag with its text, as addScriptTag adds, is refused by `script-src 'self'`),
 * so the page keeps its real policy instead of running under `bypassCSP`.
 */
async function seriousViolations(page: Page, screen: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(await AXE_SOURCE);
  const results = (await page.evaluate(() => (globalThis as unknown as { axe: typeof import('axe-core') }).axe.run(document))) as AxeResults;
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .flatMap((violation) =>
      violation.nodes.map((node) => `${screen}: ${violation.id} (${violation.impact}) at ${node.target.join(' ')}: ${violation.help}`),
    );
}

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

  await page.getByTestId('task-row').first().locator('button').click();
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
