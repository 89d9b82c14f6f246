// How the page's RunState reads a failed run: from the failure's reason alone, never from an
// error's name or text. A lost model must be loaded again; other failures leave it loaded.
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, expect, test } from 'vitest';
import { WorkerCrashedError } from '../../src/lib/clients';
import { TabCoordinator } from '../../src/lib/coordination';
import { CompletionFailedError, ModelCrashedError, ModelNotLoadedError } from '../../src/lib/engine';
import { defaultSettings } from '../../src/lib/method';
import { NoveltyPool } from '../../src/lib/novelty';
import { openStudioDB, PoolStore, StorageError } from '../../src/lib/store';
import type { SeedTask } from '../../src/lib/vocabulary';
import { RunState } from '../../src/ui/run-state.svelte';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';

const PROJECT = 'p1';
const tabs: TabCoordinator[] = [];
afterEach(() => tabs.splice(0).forEach((tab) => tab.close()));

/** A RunState whose every model call fails with `error`, in a tab that always gets the lock. */
async function failingRun(error: unknown, seeds: SeedTask[] = SEED_TASKS): Promise<RunState> {
  const store = new PoolStore(await openStudioDB(new IDBFactory()));
  await store.putSeeds(PROJECT, seeds);
  const locks = { request: async <T>(_name: string, _options: unknown, work: (lock: unknown) => Promise<T>) => work({}), query: async () => ({}) };
  const tab = new TabCoordinator(locks, new BroadcastChannel(`test-${Math.random()}`));
  tabs.push(tab);
  const generator = { complete: async () => Promise.reject(error) };
  const run = new RunState({ generator, novelty: new NoveltyPool(), store }, PROJECT, tab);
  await run.start('some-model', defaultSettings('self-instruct'));
  return run;
}

test.each([
  ['model-lost', new ModelCrashedError('RuntimeError: unreachable')],
  ['model-not-loaded', new ModelNotLoadedError()],
  ['worker-crashed', new WorkerCrashedError('model worker', 'out of memory')],
])('a run that fails as %s asks for the model to be loaded again', async (_reason, error) => {
  const run = await failingRun(error);
  expect(run.status).toBe('failed');
  expect(run.lostModel).toBe(true);
  expect(run.error).toBe(error.message);
});

test.each([
  ['completion-failed', new CompletionFailedError('the prompt is too long')],
  ['storage-full', new StorageError('storage-full', 'The disk is full.')],
  // The old way to tell a crash: the name alone no longer means anything.
  ['unexpected, whatever its name', Object.assign(new Error('The model stopped.'), { name: 'ModelCrashedError' })],
])('a run that fails as %s keeps the model', async (_reason, error) => {
  const run = await failingRun(error);
  expect(run.status).toBe('failed');
  expect(run.lostModel).toBe(false);
  expect(run.error).toBe(error.message);
});

test('a project without seeds fails with what to do, and keeps the model', async () => {
  const run = await failingRun(new Error('never called'), []);
  expect(run).toMatchObject({ status: 'failed', lostModel: false, error: expect.stringMatching(/Add seed tasks/) });
});
