// The production site in Chromium without WebGPU: it explains the problem, offers only CPU models,
// both workers start, nothing crashes and nothing is fetched from another host.
import { expect, test } from 'vitest';
import { foreignRequests, openWatchedPage, useSite } from './site';

const site = useSite('dist');

test('without WebGPU the page says so and what to do, with no uncaught error and no foreign request', async () => {
  const { page, requests, errors } = await openWatchedPage(site.browser, site.url);
  const notice = page.getByTestId('no-webgpu');
  await notice.waitFor();
  // Headless Chromium has WebGPU but no adapter: one message for that case, never "no WebGPU" beside "WebGPU is present".
  const text = await notice.textContent();
  expect(text).toMatch(/^This browser has WebGPU, but it found no graphics adapter it can use, so models run on the CPU here\..*hardware acceleration.*Chrome or Edge/s);
  expect(text).not.toMatch(/no WebGPU|not available/);
  // A first visit has no pool, so nothing says that one is still here.
  expect(await page.getByTestId('pool-kept').count()).toBe(0);
  await expect.poll(() => page.getByTestId('filter-status').textContent()).toBe('ready');
  await expect.poll(() => page.getByTestId('generator-status').textContent()).toBe('ready');
  // Only the CPU engine's GGUF models remain: no web-llm model can run without WebGPU.
  const ids = await page.getByTestId('model-select').locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(ids.length).toBeGreaterThan(0);
  expect(ids.filter((id) => !id.startsWith('gguf:'))).toEqual([]);
  expect(await page.getByTestId('start').isDisabled()).toBe(true);
  await expect.poll(() => page.getByTestId('count-seeds').textContent()).not.toBe('0');
  expect(errors).toEqual([]);
  expect(foreignRequests(requests)).toEqual([]);
});
