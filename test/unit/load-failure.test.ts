// web-llm's load errors become a kind and a message that says what to do.
import { expect, test } from 'vitest';
import { describeLoadFailure } from '../../src/lib/engine';

test.each([
  ['no-webgpu', new Error('WebGPUNotAvailableError: WebGPU is not supported in your current environment')],
  ['out-of-memory', 'DeviceLostError: The WebGPU device was lost while loading the model. This issue often occurs due to running out of memory (OOM).'],
  ['needs-shader-f16', new Error("Error while parsing WGSL: :1:8 error: extension 'f16' is not allowed in the current environment")],
  ['storage', new DOMException("Failed to execute 'add' on 'Cache': Quota exceeded.", 'QuotaExceededError')],
  ['network', new TypeError('Failed to fetch')],
])('recognises a %s failure', (kind, error) => {
  const failure = describeLoadFailure(error);
  expect(failure.kind).toBe(kind);
  expect(failure.message.length).toBeGreaterThan(40);
});

test('keeps the original text of an unknown failure', () => {
  expect(describeLoadFailure(new Error('odd thing'))).toEqual({ kind: 'unknown', message: 'The model failed to load: Error: odd thing' });
});
