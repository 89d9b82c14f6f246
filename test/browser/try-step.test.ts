// "Try one step" through the page: the next generation step on the current settings, its
// proposals with what the filters would do, and nothing stored.
import { expect, test } from 'vitest';
import { loadScriptedModel, openWatchedPage, readStores, useSite } from './site';

const site = useSite('dist-e2e');

test('trying one step shows each proposal with what the filters would do, and stores nothing', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  await expect.poll(() => page.getByTestId('count-seeds').textContent()).toBe('175');
  expect(await page.getByTestId('try-step').isDisabled()).toBe(true);
  await loadScriptedModel(page);

  await page.getByTestId('try-step').click();
  const result = page.getByTestId('try-result');
  await result.waitFor();
  const proposals = await result.locator('li').count();
  expect(proposals).toBeGreaterThan(0);
  expect(await result.textContent()).toMatch(new RegExp(`${proposals} proposed, \\d+ would be kept`));
  expect(await result.locator('li').first().textContent()).toMatch(/Kept|Rejected: /);

  expect(await page.getByTestId('count-accepted').textContent()).toBe('0');
  const stored = await readStores(page, ['tasks', 'calls', 'runs']);
  expect([stored.tasks.length, stored.calls.length, stored.runs.length]).toEqual([0, 0, 0]);

  await page.getByTestId('try-close').click();
  expect(await result.count()).toBe(0);
  expect(errors).toEqual([]);
});
