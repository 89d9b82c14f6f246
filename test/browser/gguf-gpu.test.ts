// A GGUF model asked onto the GPU, with the real wllama in the e2e site on SwiftShader's WebGPU (a
// CPU adapter without shader-f16): llama.cpp's WebGPU backend either takes the model or fails, and
// then the engine loads it on the CPU. Either way the model answers exactly, and the outcome says
// where it runs.
import { expect, test } from 'vitest';
import type { GeneratorClient } from '../../src/lib/clients';
import type { LoadOutcome } from '../../src/lib/engine';
import type { CompletionResult } from '../../src/lib/vocabulary';
import { ALPHABET_MODEL_ID, TEST_MODEL_PATH } from '../gguf/test-models';
import { alphabetModel } from '../gguf/tiny-llama';
import { foreignRequests, openWatchedPage, useSite } from './site';

const site = useSite('dist-e2e', { webgpu: true });

type Hook = { __studio: { generator: GeneratorClient } };

test('asked for the GPU, a GGUF model loads there or falls back to the CPU, says which, and answers exactly', async () => {
  const context = await site.browser.newContext();
  await context.route(`**${TEST_MODEL_PATH}tiny-alphabet.gguf`, (route) => route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from(alphabetModel()) }));
  const { page, requests, errors } = await openWatchedPage(site.browser, site.url, context);
  await page.waitForFunction(() => '__studio' in globalThis);
  const { device, outcome, answer } = await page.evaluate(async (modelId) => {
    const { generator } = (globalThis as unknown as Hook).__studio;
    const { device } = await generator.probe();
    const outcome: LoadOutcome = await generator.load(modelId, () => {}, { gpu: true });
    const answer: CompletionResult = await generator.complete({ mode: 'text', purpose: 'instructions', prompt: 'abc', params: { temperature: 0, topP: 1, maxTokens: 6 } });
    return { device, outcome, answer };
  }, ALPHABET_MODEL_ID);
  expect(device.webgpu).toBe(true);
  expect(outcome).toMatchObject({ ok: true, modelId: ALPHABET_MODEL_ID, runsOn: expect.stringMatching(/^(GPU \(WebGPU\)|CPU, \d+ threads? \(the GPU could not load it\))$/) });
  expect(answer.text).toBe('defghi');
  console.log(`SwiftShader: the tiny model ran on ${outcome.ok ? outcome.runsOn : '?'}`);
  expect(errors.filter((error) => error.startsWith('page:'))).toEqual([]);
  expect(foreignRequests(requests)).toEqual([]);
  await context.close();
});
