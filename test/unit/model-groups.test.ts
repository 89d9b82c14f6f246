// The model list's groups: the browser's own model, recommended first, the short list by GPU memory, CPU models, and under
// "Show all models" the rest by kind; the selected model always stays visible.
import { expect, test } from 'vitest';
import type { ModelOption } from '../../src/lib/engine';
import { groupModels, hiddenCount, speedClass } from '../../src/ui/model-groups';

const OPTIONS: ModelOption[] = [
  { id: 'qwen-1.5', label: 'Qwen2.5 1.5B Instruct, 4-bit', kind: 'chat', billions: 1.5, vramMB: 1630, recommended: true },
  { id: 'llama-1', label: 'Llama 3.2 1B Instruct, 4-bit', kind: 'chat', billions: 1, vramMB: 879, recommended: false },
  { id: 'llama-3', label: 'Llama 3.2 3B Instruct, 4-bit', kind: 'chat', billions: 3, vramMB: 2263, recommended: false },
  { id: 'llama-8', label: 'Llama 3.1 8B Instruct, 4-bit', kind: 'chat', billions: 8, vramMB: 5001, recommended: false },
  { id: 'qwen3', label: 'Qwen3 1.7B, 4-bit', kind: 'reasoning', billions: 1.7, vramMB: 2036, recommended: false, onlyInFullList: true },
  { id: 'coder', label: 'Qwen2.5 Coder 1.5B Instruct, 4-bit', kind: 'coder', billions: 1.5, vramMB: 1630, recommended: false, onlyInFullList: true },
  { id: 'qwen2', label: 'Qwen2 1.5B Instruct, 4-bit', kind: 'chat', billions: 1.5, vramMB: 1630, recommended: false, onlyInFullList: true },
  { id: 'gguf:qwen', label: 'Qwen2.5 1.5B Instruct (GGUF Q4_K_M, CPU)', downloadMB: 986, recommended: false },
];

const summary = (showAll: boolean, selectedId = 'qwen-1.5') =>
  groupModels(OPTIONS, showAll, selectedId).map((group) => `${group.label}: ${group.options.map((option) => option.id).join(', ')}`);

test('the short list: recommended, then by GPU memory, then the CPU models; nothing else', () => {
  expect(summary(false)).toEqual([
    'Recommended for this device: qwen-1.5',
    'GPU, under 2 GB of memory: llama-1',
    'GPU, 2 to 4 GB of memory: llama-3',
    'GPU, 4 GB of memory or more: llama-8',
    'CPU (llama.cpp): slower, any browser: gguf:qwen',
  ]);
  expect(hiddenCount(OPTIONS, 'qwen-1.5')).toBe(3);
});

test('"Show all models" adds the rest, grouped and labelled by kind', () => {
  expect(summary(true).slice(5)).toEqual([
    'More chat models: older releases and fine-tunes: qwen2',
    'Reasoning models: they write their thinking first, which costs time and tokens: qwen3',
    'Coding models: coder',
  ]);
});

test('a selected model outside the short list stays offered', () => {
  expect(summary(false, 'coder')).toContain('GPU, under 2 GB of memory: llama-1, coder');
  expect(hiddenCount(OPTIONS, 'coder')).toBe(2);
});

test('speed classes follow the size, and CPU models are slow', () => {
  expect(OPTIONS.map(speedClass)).toEqual(['fast', 'fast', 'moderate', 'slow', 'fast', 'fast', 'fast', undefined]);
  expect(speedClass({ id: 'g', label: 'g', billions: 0.5, downloadMB: 400, recommended: false })).toBe('slow (CPU)');
});

test('the browser’s own model: a group of its own, first when it is ready, last when Chrome must download it', () => {
  const builtIn = (browserManaged: 'available' | 'downloadable'): ModelOption => ({ id: 'chrome-built-in', label: 'Chrome built-in model', recommended: browserManaged === 'available', browserManaged });
  const labels = (option: ModelOption) => groupModels([option, ...OPTIONS], false, 'qwen-1.5').map((group) => `${group.label}: ${group.options.map((entry) => entry.id).join(', ')}`);
  expect(labels(builtIn('available')).slice(0, 2)).toEqual(['Built into this browser: no download: chrome-built-in', 'Recommended for this device: qwen-1.5']);
  expect(labels(builtIn('downloadable')).at(-1)).toBe('Built into this browser: Chrome downloads it once: chrome-built-in');
  expect(labels(builtIn('downloadable'))[0]).toBe('Recommended for this device: qwen-1.5');
});
