// "Try one step": the next generation step's request on the current settings, its answer screened
// as the loop would, and nothing stored.
import { describe, expect, test } from 'vitest';
import { defaultSettings } from '../../src/lib/method';
import { NoveltyPool } from '../../src/lib/novelty';
import { runBootstrap, tryGenerationStep, type TryPorts } from '../../src/lib/run';
import { stepSeed } from '../../src/lib/run/run-seeds';
import type { CompletionRequest, CompletionResult, Generator } from '../../src/lib/vocabulary';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';
import { freshDatabase } from '../helpers/fresh-database';
import { useChannels } from '../helpers/comlink-channels';
import { scriptedRunPorts } from '../helpers/scripted-run-ports';
import { SCRIPTED_MODEL_ID } from '../scripted-engine';

const PROJECT = 'p1';
const SETTINGS = defaultSettings('self-instruct');

/** A model that always gives the same answer, and remembers what it was asked. */
function answering(text: string): Generator & { requests: CompletionRequest[] } {
  const requests: CompletionRequest[] = [];
  return {
    requests,
    complete: async (request): Promise<CompletionResult> => {
      requests.push(request);
      return { text, finishReason: 'stop', promptTokens: 10, completionTokens: 10, durationMs: 1 };
    },
  };
}

async function portsWith(generator: Generator): Promise<TryPorts & { counts: () => Promise<unknown> }> {
  const { pool } = await freshDatabase();
  await pool.putSeeds(PROJECT, SEED_TASKS);
  return { generator, novelty: new NoveltyPool(), store: pool, counts: () => pool.counts(PROJECT) };
}

describe('tryGenerationStep', () => {
  test('screens each proposal as the loop would: heuristics, then ROUGE-L against the stored pool', async () => {
    const copied = SEED_TASKS[0]!.instruction;
    const generator = answering(`1. ${copied}\n2. Write a program that sorts a list.\n3. Describe a sunset over the sea in exactly three sentences.`);
    const ports = await portsWith(generator);
    const outcome = await tryGenerationStep(ports, PROJECT, SETTINGS, 7);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome));
    const [first, second, third] = outcome.step.candidates;
    expect(first).toMatchObject({ instruction: copied, reason: { rule: 'rouge', score: 1, nearest: { id: SEED_TASKS[0]!.id } } });
    expect(second).toMatchObject({ reason: { rule: 'write-a-program' } });
    expect(third).toEqual(expect.objectContaining({ instruction: 'Describe a sunset over the sea in exactly three sentences.' }));
    expect(third!.reason).toBeUndefined();
    expect(generator.requests[0]!.params.seed).toBe(stepSeed(7, 0));
  });

  test('stores nothing: the pool, its counts and the journal stay as they were', async () => {
    const ports = await portsWith(answering('1. Describe a sunset over the sea in exactly three sentences.'));
    const before = await ports.counts();
    const outcome = await tryGenerationStep(ports, PROJECT, SETTINGS, 7);
    expect(outcome.ok).toBe(true);
    expect(await ports.counts()).toEqual(before);
  });

  const serve = useChannels();

  test('asks what the loop would ask next: the same request as the real step that follows', async () => {
    const ports = await scriptedRunPorts(serve, PROJECT);
    const config = { modelId: SCRIPTED_MODEL_ID, targetSize: 3, rngSeed: 11, settings: SETTINGS };
    await runBootstrap(ports, PROJECT, config, { signal: new AbortController().signal });
    const asked: CompletionRequest[] = [];
    const recording: Generator = { complete: (request, options) => (asked.push(request), ports.generator.complete(request, options)) };
    const tried = await tryGenerationStep({ ...ports, generator: recording }, PROJECT, SETTINGS, 11);
    expect(tried.ok).toBe(true);

    const { accepted } = await ports.store.counts(PROJECT);
    await runBootstrap({ ...ports, generator: recording }, PROJECT, { ...config, targetSize: accepted + 1 }, { signal: new AbortController().signal });
    const nextGeneration = asked.slice(1).find((request) => request.purpose === 'instructions');
    expect(nextGeneration).toEqual(asked[0]);
  });

  test('a model that fails gives the failure with its reason, not an exception', async () => {
    const failing: Generator = { complete: async () => Promise.reject(new Error('boom')) };
    const outcome = await tryGenerationStep(await portsWith(failing), PROJECT, SETTINGS, 7);
    expect(outcome).toEqual({ ok: false, failure: { reason: 'unexpected', message: 'boom' } });
  });

  test('an aborted try ends without a result', async () => {
    const controller = new AbortController();
    const aborting: Generator = {
      complete: async () => {
        controller.abort();
        return { text: '', finishReason: 'abort', promptTokens: 0, completionTokens: 0, durationMs: 0 };
      },
    };
    expect(await tryGenerationStep(await portsWith(aborting), PROJECT, SETTINGS, 7, { signal: controller.signal })).toEqual({ ok: false, aborted: true });
  });
});
