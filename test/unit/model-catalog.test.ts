// Which web-llm models the app offers on a device, and which one it recommends.
import { describe, expect, test } from 'vitest';
import { rankModels, type CatalogRecord, type DeviceReport } from '../../src/lib/engine';
import { needsShaderF16 } from '../../src/lib/engine/model-catalog';

const F16_GPU: DeviceReport = { webgpu: true, shaderF16: true, maxStorageBufferBindingSize: 1 << 30 };
const F32_GPU: DeviceReport = { ...F16_GPU, shaderF16: false };

const RECORDS: CatalogRecord[] = [
  { model_id: 'Llama-3.2-1B-Instruct-q4f32_1-MLC', vram_required_MB: 1128.8 },
  { model_id: 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC', vram_required_MB: 1629.7 },
  { model_id: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC', vram_required_MB: 1888.9, overrides: { context_window_size: 4096 } },
  { model_id: 'SmolLM2-360M-Instruct-q4f16_1-MLC', vram_required_MB: 376, required_features: ['shader-f16'] },
  { model_id: 'SmolLM2-360M-Instruct-q0f32-MLC', vram_required_MB: 1744 },
  { model_id: 'Phi-3.5-mini-instruct-q4f32_1-MLC-1k', vram_required_MB: 3179, overrides: { context_window_size: 1024 } },
  { model_id: 'snowflake-arctic-embed-s-q0f32-MLC-b4', vram_required_MB: 239, model_type: 1 },
  { model_id: 'gemma-4-E2B-it-q4f32_1-MLC', vram_required_MB: 3863, buffer_size_required_bytes: 192 << 20 },
];

const ids = (device: DeviceReport) => rankModels(RECORDS, device).map((option) => option.id);

describe('rankModels', () => {
  test('offers nothing without WebGPU', () => {
    expect(rankModels(RECORDS, { webgpu: false, shaderF16: false })).toEqual([]);
  });

  test('without shader-f16 offers only f32 models, even those whose record omits the requirement', () => {
    expect(ids(F32_GPU).filter((id) => id.includes('f16'))).toEqual([]);
    expect(ids(F32_GPU)).toContain('Llama-3.2-1B-Instruct-q4f32_1-MLC');
  });

  test('recommends Qwen2.5 1.5B in the variant the GPU can run, then lists the rest smallest first', () => {
    expect(ids(F16_GPU)[0]).toBe('Qwen2.5-1.5B-Instruct-q4f16_1-MLC');
    expect(ids(F32_GPU)).toEqual([
      'Qwen2.5-1.5B-Instruct-q4f32_1-MLC',
      'Llama-3.2-1B-Instruct-q4f32_1-MLC',
      'SmolLM2-360M-Instruct-q0f32-MLC',
      'gemma-4-E2B-it-q4f32_1-MLC',
    ]);
    expect(rankModels(RECORDS, F32_GPU).filter((option) => option.recommended)).toHaveLength(1);
  });

  test('leaves out embedding models and 1k-context variants too small for a Self-Instruct prompt', () => {
    expect(ids(F16_GPU).some((id) => id.includes('embed') || id.endsWith('-1k'))).toBe(false);
  });

  test('leaves out a model whose buffers exceed the device limit', () => {
    expect(ids({ ...F32_GPU, maxStorageBufferBindingSize: 128 << 20 })).not.toContain('gemma-4-E2B-it-q4f32_1-MLC');
  });

  test('names a model in words (its build only when it is not the one this GPU runs best), with its kind, size, memory and context', () => {
    expect(rankModels(RECORDS, F32_GPU)[0]).toEqual({
      id: 'Qwen2.5-1.5B-Instruct-q4f32_1-MLC',
      label: 'Qwen2.5 1.5B Instruct',
      kind: 'chat',
      billions: 1.5,
      vramMB: 1889,
      contextWindow: 4096,
      recommended: true,
    });
  });

  test('the short list holds one build of each listed chat model, the 16-bit-shader one where the GPU has them', () => {
    const short = (device: DeviceReport) => rankModels(RECORDS, device).filter((option) => !option.onlyInFullList).map((option) => option.id);
    expect(short(F16_GPU)).toEqual(['Qwen2.5-1.5B-Instruct-q4f16_1-MLC']);
    expect(short(F32_GPU)).toEqual(['Qwen2.5-1.5B-Instruct-q4f32_1-MLC', 'Llama-3.2-1B-Instruct-q4f32_1-MLC', 'gemma-4-E2B-it-q4f32_1-MLC']);
    const labels = Object.fromEntries(rankModels(RECORDS, F16_GPU).map((option) => [option.id, option.label]));
    expect(labels['Qwen2.5-1.5B-Instruct-q4f16_1-MLC']).toBe('Qwen2.5 1.5B Instruct');
    expect(labels['Qwen2.5-1.5B-Instruct-q4f32_1-MLC']).toBe('Qwen2.5 1.5B Instruct, 4-bit, 32-bit shaders');
  });
});

test('needsShaderF16 reads the quantisation from the id and the declared features', () => {
  expect(needsShaderF16({ model_id: 'Llama-3.2-1B-Instruct-q0f16-MLC' })).toBe(true);
  expect(needsShaderF16({ model_id: 'X-q4f32_1-MLC', required_features: ['shader-f16'] })).toBe(true);
  expect(needsShaderF16({ model_id: 'X-q4f32_1-MLC' })).toBe(false);
});
