// The Prompt API's DOMExceptions as our failure reasons (src/lib/prompt-api/prompt-api-failure.ts).
import { expect, test } from 'vitest';
import { promptApiCompletionFailure, promptApiLoadFailure } from '../../src/lib/prompt-api/prompt-api-failure';

const error = (name: string) => new DOMException('detail', name);

test('load failures: each DOMException a reason the page acts on', () => {
  expect(promptApiLoadFailure(error('AbortError')).reason).toBe('cancelled');
  expect(promptApiLoadFailure(error('QuotaExceededError')).reason).toBe('storage-full');
  expect(promptApiLoadFailure(error('NetworkError')).reason).toBe('network');
  expect(promptApiLoadFailure(error('NotSupportedError')).reason).toBe('not-offered');
  expect(promptApiLoadFailure(new Error('odd')).message).toContain('Error: odd');
});

test('completion failures: a lost session is a lost model, anything else fails only this call', () => {
  expect(promptApiCompletionFailure(error('InvalidStateError')).reason).toBe('model-lost');
  expect(promptApiCompletionFailure(error('QuotaExceededError'))).toMatchObject({ reason: 'completion-failed', message: expect.stringContaining('context') });
  expect(promptApiCompletionFailure(error('NotReadableError')).reason).toBe('completion-failed');
  expect(promptApiCompletionFailure(error('UnknownError')).reason).toBe('completion-failed');
});
