// DatasetStatsState (src/ui/charts/dataset-stats-state.svelte.ts): when the "Dataset figures" card
// computes, on a fake stats client whose computations the test settles, and with fake timers.
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { datasetStats, treeOfPairs, type ComputedStats, type DatasetStats, type FigurePart } from '../../src/lib/stats';
import { DatasetStatsState, STATS_THROTTLE_MS, type StatsPort } from '../../src/ui/charts/dataset-stats-state.svelte';
import { finishedRow } from '../fixtures/stats-rows';
import { observe } from '../helpers/observe.svelte';

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A stats client whose every computation waits until the test settles it. */
function fakeStats() {
  const calls: { projectId: string; settle: (outcome: ComputedStats | Error) => void }[] = [];
  let started = 0;
  const behind: FigurePart[] = [];
  const port: StatsPort = {
    compute: (projectId) =>
      new Promise((resolve, reject) => calls.push({ projectId, settle: (outcome) => (outcome instanceof Error ? reject(outcome) : resolve(outcome)) })),
    verbNounTree: async (_, onProgress) => (onProgress?.(0.5), treeOfPairs([{ verb: 'name', noun: 'spice' }])),
    compare: async (_, reference) =>
      'projectId' in reference ? { ok: true, ...(await statsOf('Write a poem.')), tree: treeOfPairs([{ verb: 'write', noun: 'poem' }]) } : { ok: false, problem: 'data.jsonl cannot be compared: the file is empty.' },
    rowsBehind: async (_, part) => (behind.push(part), part.figure === 'verb-noun' ? ['t1', 't2'] : Promise.reject(new Error('The stats worker stopped.'))),
  };
  return { calls, behind, started: () => started, client: () => (started++, port) };
}

async function statsOf(instruction: string): Promise<ComputedStats> {
  const stats: DatasetStats = await datasetStats({ rows: [finishedRow(instruction, [{ input: '', output: 'Cumin' }])], seedInstructions: [], rejected: [] });
  return { stats, timings: [] };
}

/** A card opened on project-1 whose first figures have come. */
async function openedWithFigures() {
  const fake = fakeStats();
  const state = new DatasetStatsState(fake.client, 'project-1');
  state.open();
  await tick();
  fake.calls[0]!.settle(await statsOf('Name a spice.'));
  await tick();
  return { fake, state };
}

/** Lets the timers due by now fire, and the promises they start settle. */
async function tick(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

test('nothing is computed, and the worker not started, until the card is opened', async () => {
  const fake = fakeStats();
  const state = new DatasetStatsState(fake.client, 'project-1');
  state.stepped();
  state.changed();
  await tick(STATS_THROTTLE_MS * 2);
  expect(fake.started()).toBe(0);

  state.open();
  await tick();
  expect(fake.calls.map((call) => call.projectId)).toEqual(['project-1']);
});

test('opening shows "computing" until the figures come, and keeps them after the card is closed and opened with no change', async () => {
  const fake = fakeStats();
  const state = new DatasetStatsState(fake.client, 'project-1');
  const computing = observe(() => state.computing);
  state.open();
  await tick();
  expect(state.computing).toBe(true);
  expect(state.stats).toBeUndefined();
  const figures = await statsOf('Name a spice.');
  fake.calls[0]!.settle(figures);
  await tick();
  expect(state.stats).toBe(figures.stats);
  expect(computing()).toEqual([false, true, false]);

  state.close();
  state.open();
  await tick(STATS_THROTTLE_MS);
  expect(fake.calls).toHaveLength(1);
});

test('a run’s steps recompute at most every 5 s, however many come', async () => {
  const { fake, state } = await openedWithFigures();

  for (let step = 0; step < 10; step++) {
    state.stepped();
    await tick(400);
  }
  // 4 s after the first computation started: the steps wait for the fifth second.
  expect(fake.calls).toHaveLength(1);
  await tick(STATS_THROTTLE_MS - 4_000);
  expect(fake.calls).toHaveLength(2);
});

test('a person’s change recomputes at once, after the computation in flight, and only once for several changes', async () => {
  const fake = fakeStats();
  const state = new DatasetStatsState(fake.client, 'project-1');
  state.open();
  await tick();
  state.changed();
  state.stepped();
  state.changed();
  await tick();
  expect(fake.calls).toHaveLength(1);

  fake.calls[0]!.settle(await statsOf('Name a spice.'));
  await tick();
  expect(fake.calls).toHaveLength(2);
  const newer = await statsOf('Name a herb.');
  fake.calls[1]!.settle(newer);
  await tick(STATS_THROTTLE_MS);
  expect(fake.calls).toHaveLength(2);
  expect(state.stats).toBe(newer.stats);
});

test('a change while the card is closed is computed when it is opened again', async () => {
  const { fake, state } = await openedWithFigures();
  state.close();
  state.stepped();
  await tick(STATS_THROTTLE_MS * 2);
  expect(fake.calls).toHaveLength(1);
  state.open();
  await tick();
  expect(fake.calls).toHaveLength(2);
});

test('a failure says what happened and what to do, keeps the last figures, and asking again computes', async () => {
  const fake = fakeStats();
  const state = new DatasetStatsState(fake.client, 'project-1');
  state.open();
  await tick();
  const figures = await statsOf('Name a spice.');
  fake.calls[0]!.settle(figures);
  await tick();
  state.changed();
  await tick();
  fake.calls[1]!.settle(new Error('The stats worker stopped.'));
  await tick();
  expect(state.error).toBe('The dataset figures could not be computed (The stats worker stopped). Press “Compute again”; if it fails again, reload the page.');
  expect(state.stats).toBe(figures.stats);
  expect(state.computing).toBe(false);

  state.changed();
  await tick();
  expect(fake.calls).toHaveLength(3);
  expect(state.error).toBeUndefined();
});

test('after dispose nothing more is computed', async () => {
  const { fake, state } = await openedWithFigures();
  state.stepped();
  state.dispose();
  state.changed();
  await tick(STATS_THROTTLE_MS * 2);
  expect(fake.calls).toHaveLength(1);
});

test('the verb–noun tree follows the other figures, its progress shown while it is parsed', async () => {
  const fake = fakeStats();
  const state = new DatasetStatsState(fake.client, 'project-1');
  const progress = observe(() => state.treeProgress);
  state.open();
  await tick();
  expect(state.tree).toBeUndefined();
  fake.calls[0]!.settle(await statsOf('Name a spice.'));
  await tick();
  expect(state.tree).toMatchObject({ instructions: 1, verbs: [{ verb: 'name' }] });
  expect(progress()).toContain(0.5);
  expect(state.treeProgress).toBeUndefined();
  expect(fake.started()).toBe(1);
});

test('a clicked part of a figure shows its tasks in the pool; a failure says so on the card', async () => {
  const fake = fakeStats();
  const shown: unknown[] = [];
  const state = new DatasetStatsState(fake.client, 'project-1', (query) => shown.push(query));
  await state.showRows({ figure: 'verb-noun', verb: 'name' }, 'name');
  expect(shown).toEqual([{ figure: { label: 'name', ids: ['t1', 't2'] } }]);
  await state.showRows({ figure: 'seed-similarity', bin: 2 }, 'ROUGE-L 0.2–0.3');
  expect(shown).toHaveLength(1);
  expect(state.error).toMatch(/tasks behind “ROUGE-L 0.2–0.3” could not be found \(The stats worker stopped\)/);
  state.showRule('too-short');
  expect(shown.at(-1)).toEqual({ status: 'rejected', rule: 'too-short' });
});

test('a reference’s figures come beside the project’s, a refused file says why, and stopping drops them', async () => {
  const { state } = await openedWithFigures();
  const comparing = observe(() => state.comparing);
  await state.compareWith({ file: new Blob([]), name: 'data.jsonl' }, 'data.jsonl');
  expect(state.compareError).toBe('data.jsonl cannot be compared: the file is empty.');
  expect(state.reference).toBeUndefined();
  await state.compareWith({ projectId: 'project-2' }, 'Other project');
  expect(state.compareError).toBeUndefined();
  expect(state.reference).toMatchObject({ name: 'Other project', stats: { shares: { tasks: 1 } }, tree: { verbs: [{ verb: 'write' }] } });
  expect(comparing()).toContain('Other project');
  expect(state.comparing).toBeUndefined();
  state.stopComparing();
  expect(state.reference).toBeUndefined();
});
