// The production site on SwiftShader's WebGPU adapter, which lacks shader-f16: only models that
// can run there are offered, and nothing leaves the origin before the user asks for a model.
import { expect, test } from 'vitest';
import { foreignRequests, openWatchedPage, useSite } from './site';

const site = useSite('dist', { webgpu: true });

test('without shader-f16 the model list offers only f32 models, a recommended one first', async () => {
  const { page, requests, errors } = await openWatchedPage(site.browser, site.url);
  const select = page.getByTestId('model-select');
  await select.waitFor();
  expect(await page.getByTestId('device').textContent()).toMatch(/^GPU: google[^.]*\. It lacks 16-bit shaders \(shader-f16\), so only the q4f32 build of each model runs here\./);
  const ids = await select.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(ids.length).toBeGreaterThan(5);
  expect(ids.filter((id) => /-q\df16/.test(id))).toEqual([]);
  expect(ids[0]).toBe('Qwen2.5-1.5B-Instruct-q4f32_1-MLC');
  expect(await select.inputValue()).toBe(ids[0]);
  expect(errors).toEqual([]);
  expect(foreignRequests(requests)).toEqual([]);
});
