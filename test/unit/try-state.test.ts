// TryState on fake ports: a try shows its proposals, a failure its message, a stop nothing.
import { expect, test } from 'vitest';
import { defaultSettings } from '../../src/lib/method';
import { NoveltyPool } from '../../src/lib/novelty';
import type { CompletionResult, Generator } from '../../src/lib/vocabulary';
import { TryState } from '../../src/ui/try-state.svelte';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';
import { freshDatabase } from '../helpers/fresh-database';

const SETTINGS = defaultSettings('self-instruct');
const ANSWER: CompletionResult = { text: '1. Describe a sunset over the sea in exactly three sentences.', finishReason: 'stop', promptTokens: 1, completionTokens: 1, durationMs: 1 };

async function stateWith(generator: Generator): Promise<TryState> {
  const { pool } = await freshDatabase();
  await pool.putSeeds('p1', SEED_TASKS);
  return new TryState({ generator, novelty: new NoveltyPool(), store: pool }, 'p1');
}

test('a try streams the answer, then shows the screened proposals; close hides them', async () => {
  let release!: () => void;
  const answered = new Promise<void>((resolve) => (release = resolve));
  const state = await stateWith({
    complete: async (_request, options) => {
      options?.onText?.('1. Describe');
      await answered;
      return ANSWER;
    },
  });
  const trying = state.try(SETTINGS, 3);
  await expect.poll(() => state.text).toBe('1. Describe');
  expect(state.status).toBe('trying');
  release();
  await trying;
  expect(state.status).toBe('done');
  expect(state.step?.candidates.map((candidate) => candidate.instruction)).toEqual(['Describe a sunset over the sea in exactly three sentences.']);
  state.close();
  expect(state.status).toBe('idle');
});

test('a failed model call shows its message', async () => {
  const state = await stateWith({ complete: async () => Promise.reject(new Error('The model stopped.')) });
  await state.try(SETTINGS, 3);
  expect([state.status, state.error]).toEqual(['failed', 'The model stopped.']);
});

test('stopping a try shows nothing for it', async () => {
  const state = await stateWith({
    complete: async (_request, options) =>
      new Promise<CompletionResult>((resolve) => {
        const aborted = () => resolve({ ...ANSWER, text: '', finishReason: 'abort' });
        if (options?.signal?.aborted) aborted();
        options?.signal?.addEventListener('abort', aborted);
      }),
  });
  const trying = state.try(SETTINGS, 3);
  await expect.poll(() => state.status).toBe('trying');
  state.cancel();
  await trying;
  expect([state.status, state.step]).toEqual(['idle', undefined]);
});
