// The production site on SwiftShader's WebGPU adapter, which lacks shader-f16: only models that
// can run there are offered, and nothing leaves the origin before the user asks for a model.
import { expect, test } from 'vitest';
import { foreignRequests, openWatchedPage, useSite } from './site';

const site = useSite('dist', { webgpu: true });

test('without shader-f16 the model list offers only f32 models, a recommended one first', async () => {
  const { page, requests, errors } = await openWatchedPage(site.browser, site.url);
  const select = page.getByTestId('model-select');
  await select.waitFor();
  expect(await page.getByTestId('device').textContent()).toMatch(/^GPU: SwiftShader, a software stand-in that runs on the CPU.* It lacks 16-bit shaders, so only the q4f32 builds are offered\./);
  const ids = await select.locator('option').evaluateAll((options) => options.map((option) => (option as HTMLOptionElement).value));
  expect(ids.length).toBeGreaterThan(5);
  expect(ids.filter((id) => /-q\df16/.test(id))).toEqual([]);
  expect(ids[0]).toBe('Qwen2.5-1.5B-Instruct-q4f32_1-MLC');
  expect(await select.inputValue()).toBe(ids[0]);
  expect(errors).toEqual([]);
  expect(foreignRequests(requests)).toEqual([]);
});

test('the model list is a short list of chat models in readable names, by GPU memory; "Show all models" adds the rest by kind', async () => {
  const { page, errors } = await openWatchedPage(site.browser, site.url);
  const select = page.getByTestId('model-select');
  await select.waitFor();
  const groups = () => select.locator('optgroup').evaluateAll((nodes) => nodes.map((node) => (node as HTMLOptGroupElement).label));
  const labels = () => select.locator('option').allTextContents();
  expect((await groups())[0]).toBe('Recommended for this device');
  expect(await groups()).toContain('GPU, under 2 GB of memory');
  const short = await labels();
  expect(short[0]).toBe('Qwen2.5 1.5B Instruct · 1.8 GB');
  expect(short.filter((label) => /-MLC|q4f|Base|Coder|Math|R1|Qwen3/.test(label))).toEqual([]);
  expect(await page.getByTestId('model-facts').textContent()).toMatch(/Recommended for this device.*Speed: fast\..*Licence: Apache-2\.0/s);

  await page.getByTestId('show-all-models').check();
  await expect.poll(async () => (await labels()).length).toBeGreaterThan(short.length);
  expect(await groups()).toEqual(expect.arrayContaining(['Base models: they continue text, so use raw-completion prompts', 'Coding models', 'Math models']));
  await select.selectOption('Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC');
  expect(await page.getByTestId('model-facts').textContent()).toMatch(/A coding model/);
  await page.getByTestId('show-all-models').uncheck();
  expect(await select.inputValue()).toBe('Qwen2.5-Coder-1.5B-Instruct-q4f32_1-MLC');
  expect(errors).toEqual([]);
});
