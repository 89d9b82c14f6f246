import { expect, test } from 'vitest';
import { licenceOf } from '../../src/lib/models';

test.each([
  ['Qwen2.5-1.5B-Instruct-q4f16_1-MLC', 'Apache-2.0'],
  ['Qwen2.5-3B-Instruct-q4f16_1-MLC', 'Qwen Research License (non-commercial use)'],
  ['Llama-3.2-1B-Instruct-q4f32_1-MLC', expect.stringContaining('Llama 3.2 Community License')],
  ['gemma-2-2b-it-q4f16_1-MLC', expect.stringContaining('Gemma Terms of Use')],
  ['gguf:qwen2.5-0.5b-instruct-q4_k_m', 'Apache-2.0'],
  ['scripted-test-model', 'not recorded here: check the model card'],
])('%s is under %s', (id, licence) => {
  expect(licenceOf(id)).toEqual(licence);
});
