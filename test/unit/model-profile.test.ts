// What the model list says about a web-llm model: its readable name, its kind, its size and build,
// and whether it is one of the short list of chat models for this method.
import { describe, expect, test } from 'vitest';
import { isShortListed, profileModel } from '../../src/lib/engine/model-profile';

describe('profileModel', () => {
  test.each([
    ['Qwen2.5-1.5B-Instruct-q4f16_1-MLC', { name: 'Qwen2.5 1.5B Instruct', kind: 'chat', billions: 1.5, variant: '4-bit' }],
    ['Llama-3.2-3B-Instruct-q4f32_1-MLC', { name: 'Llama 3.2 3B Instruct', kind: 'chat', billions: 3, variant: '4-bit, 32-bit shaders' }],
    ['gemma-2-2b-it-q4f16_1-MLC', { name: 'Gemma 2 2B Instruct', kind: 'chat', billions: 2, variant: '4-bit' }],
    ['gemma-4-E2B-it-q4f32_1-MLC', { name: 'Gemma 4 E2B Instruct', kind: 'chat', billions: 2, variant: '4-bit, 32-bit shaders' }],
    ['SmolLM2-360M-Instruct-q0f16-MLC', { name: 'SmolLM2 360M Instruct', kind: 'chat', billions: 0.36, variant: 'unquantised, 16-bit' }],
    ['stablelm-2-zephyr-1_6b-q4f16_1-MLC', { name: 'Stablelm 2 Zephyr 1.6B', kind: 'chat', billions: 1.6, variant: '4-bit' }],
    ['Phi-3.5-mini-instruct-q4f16_1-MLC', { name: 'Phi 3.5 Mini Instruct', kind: 'chat', billions: 3.8, variant: '4-bit' }],
    ['Ministral-3-3B-Base-2512-q4f16_1-MLC', { name: 'Ministral 3 3B Base 2512', kind: 'base', billions: 3, variant: '4-bit' }],
    ['Ministral-3-3B-Reasoning-2512-q4f16_1-MLC', { name: 'Ministral 3 3B Reasoning 2512', kind: 'reasoning', billions: 3, variant: '4-bit' }],
    ['Qwen3-1.7B-q4f16_1-MLC', { name: 'Qwen3 1.7B', kind: 'reasoning', billions: 1.7, variant: '4-bit' }],
    ['Qwen3.5-2B-q4f32_1-MLC', { name: 'Qwen3.5 2B', kind: 'reasoning', billions: 2, variant: '4-bit, 32-bit shaders' }],
    ['DeepSeek-R1-Distill-Qwen-7B-q4f16_1-MLC', { name: 'DeepSeek R1 Distill Qwen 7B', kind: 'reasoning', billions: 7, variant: '4-bit' }],
    ['Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC', { name: 'Qwen2.5 Coder 1.5B Instruct', kind: 'coder', billions: 1.5, variant: '4-bit' }],
    ['Qwen2.5-Math-1.5B-Instruct-q4f32_1-MLC', { name: 'Qwen2.5 Math 1.5B Instruct', kind: 'math', billions: 1.5, variant: '4-bit, 32-bit shaders' }],
    ['WizardMath-7B-V1.1-q4f16_1-MLC', { name: 'WizardMath 7B V1.1', kind: 'math', billions: 7, variant: '4-bit' }],
    ['Phi-3.5-vision-instruct-q4f16_1-MLC', { name: 'Phi 3.5 Vision Instruct', kind: 'vision', variant: '4-bit' }],
    ['phi-2-q4f16_1-MLC', { name: 'Phi 2', kind: 'base', billions: 2.7, variant: '4-bit' }],
    ['phi-1_5-q4f32_1-MLC', { name: 'Phi 1.5', kind: 'base', billions: 1.3, variant: '4-bit, 32-bit shaders' }],
    ['Llama-3.1-70B-Instruct-q3f16_1-MLC', { name: 'Llama 3.1 70B Instruct', kind: 'chat', billions: 70, variant: '3-bit' }],
  ])('%s', (id, profile) => {
    expect(profileModel(id)).toEqual(profile);
  });
});

describe('isShortListed', () => {
  test('holds current chat models in their 4-bit builds, not their 1k-context, unquantised or older releases', () => {
    expect(isShortListed('Qwen2.5-1.5B-Instruct-q4f16_1-MLC')).toBe(true);
    expect(isShortListed('Qwen2.5-1.5B-Instruct-q4f32_1-MLC')).toBe(true);
    expect(isShortListed('Llama-3.2-3B-Instruct-q4f16_1-MLC')).toBe(true);
    expect(isShortListed('Qwen2.5-0.5B-Instruct-q0f16-MLC')).toBe(false);
    expect(isShortListed('Phi-3.5-mini-instruct-q4f16_1-MLC-1k')).toBe(false);
    expect(isShortListed('Qwen2-1.5B-Instruct-q4f16_1-MLC')).toBe(false);
    expect(isShortListed('Qwen2.5-Coder-1.5B-Instruct-q4f16_1-MLC')).toBe(false);
    expect(isShortListed('Qwen3-1.7B-q4f16_1-MLC')).toBe(false);
  });
});
