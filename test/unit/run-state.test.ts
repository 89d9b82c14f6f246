// RunState (src/ui/run-state.svelte.ts) on the run's real parts: the scripted model behind the
// generator client, the novelty pool and fake-indexeddb, with Web Locks faked and a real
// BroadcastChannel between "tabs". What the Run card shows: status, counts, the funnel,
// the live text, another tab's run. (How failures read is another test's business.)
import { expect, onTestFinished, test } from 'vitest';
import { TabCoordinator } from '../../src/lib/coordination';
import { defaultSettings } from '../../src/lib/method';
import type { RunPorts } from '../../src/lib/run';
import type { PoolStore } from '../../src/lib/store';
import { RunState } from '../../src/ui/run-state.svelte';
import { useChannels } from '../helpers/comlink-channels';
import { fakeLocks } from '../helpers/fake-locks';
import { observe } from '../helpers/observe.svelte';
import { scriptedRunPorts } from '../helpers/scripted-run-ports';
import { SCRIPTED_MODEL_ID } from '../scripted-engine';

const PROJECT = 'p1';
const SETTINGS = defaultSettings('self-instruct');
/** A target no run reaches before the test pauses it. */
const UNREACHABLE_TARGET = 1000;

const serve = useChannels();

/** Tabs of one browser: one set of Web Locks, one BroadcastChannel name; closed after the test. */
function tabs(count: number): TabCoordinator[] {
  const locks = fakeLocks();
  const name = `run-state-${Math.random()}`;
  const made = Array.from({ length: count }, () => new TabCoordinator(locks, new BroadcastChannel(name)));
  onTestFinished(() => made.forEach((tab) => tab.close()));
  return made;
}

/** A RunState with its own tab; `dispose` is called after the test, as the page does. */
function runState(ports: RunPorts & { store: PoolStore }, tab = tabs(1)[0]!): RunState {
  const run = new RunState(ports, PROJECT, tab);
  onTestFinished(() => run.dispose());
  return run;
}

test('a run goes from idle to running to finished, and never shows finished beside an earlier step’s counts', async () => {
  const ports = await scriptedRunPorts(serve, PROJECT);
  const run = runState(ports);
  const shown = observe(() => ({ status: run.status, accepted: run.counts.accepted }));
  run.targetSize = 6;
  run.rngSeed = 3;
  await run.start(SCRIPTED_MODEL_ID, SETTINGS);

  const final = await ports.store.counts(PROJECT);
  expect(run.counts).toEqual(final);
  expect(final.accepted).toBeGreaterThanOrEqual(6);
  expect(shown().map(({ status }) => status).filter((status, i, all) => status !== all[i - 1])).toEqual(['idle', 'running', 'finished']);
  expect(shown().filter(({ status }) => status === 'finished')).toEqual([{ status: 'finished', accepted: final.accepted }]);
  expect(Object.values(run.rejections).reduce((sum, n) => sum + n, 0)).toBe(final.rejected);
  expect(run.error).toBeUndefined();
});

test('the model’s text streams into the card while it writes, and is gone once the run ends', async () => {
  const run = runState(await scriptedRunPorts(serve, PROJECT));
  const live = observe(() => run.live?.purpose);
  run.targetSize = 2;
  await run.start(SCRIPTED_MODEL_ID, SETTINGS);
  expect(live()).toEqual(expect.arrayContaining(['instructions', 'classify', 'instances']));
  expect(live().at(-1)).toBeUndefined();
});

test('pause stops the run after its step in flight; a reload shows it paused with its counts and seed', async () => {
  const ports = await scriptedRunPorts(serve, PROJECT, { delayMs: 1 });
  const run = runState(ports);
  run.targetSize = UNREACHABLE_TARGET;
  run.rngSeed = 11;
  const running = run.start(SCRIPTED_MODEL_ID, SETTINGS);
  await expect.poll(() => run.counts.accepted).toBeGreaterThanOrEqual(2);
  run.pause();
  expect(run.status).toBe('pausing');
  await running;
  expect(run.status).toBe('paused');

  const reloaded = runState(ports);
  await reloaded.restore();
  expect(reloaded.status).toBe('paused');
  expect(reloaded.counts).toEqual(run.counts);
  expect([reloaded.targetSize, reloaded.rngSeed]).toEqual([UNREACHABLE_TARGET, 11]);
  expect(reloaded.otherTab).toBe(false);
});

test('a reload after a finished run shows it finished, with its target, and a new seed for the next run', async () => {
  const ports = await scriptedRunPorts(serve, PROJECT);
  const run = runState(ports);
  run.targetSize = 3;
  run.rngSeed = 5;
  await run.start(SCRIPTED_MODEL_ID, SETTINGS);
  const reloaded = runState(ports);
  reloaded.rngSeed = 9;
  await reloaded.restore();
  expect([reloaded.status, reloaded.targetSize, reloaded.rngSeed]).toEqual(['finished', 3, 9]);
  expect(reloaded.counts).toEqual(run.counts);
});

test('the target must be a whole number from 1 to 1,000,000 and the seed one from 0 to 2^32 - 1; until they are, nothing starts', async () => {
  const ports = await scriptedRunPorts(serve, PROJECT);
  const run = runState(ports);
  await run.restore();
  for (const target of [0, -5, null, 2.5, 1_000_001]) {
    run.targetSize = target;
    expect(run.targetProblem, String(target)).toBe('Enter a whole number from 1 to 1,000,000.');
    await run.start(SCRIPTED_MODEL_ID, SETTINGS);
  }
  run.targetSize = 2;
  for (const seed of [-1, null, 0.5, 2 ** 32]) {
    run.rngSeed = seed;
    expect(run.seedProblem, String(seed)).toBe('Enter a whole number from 0 to 4,294,967,295.');
    await run.start(SCRIPTED_MODEL_ID, SETTINGS);
  }
  expect([run.status, await ports.store.latestRun(PROJECT)]).toEqual(['idle', undefined]);

  for (const [target, seed] of [[1, 0], [1_000_000, 2 ** 32 - 1]] as const) {
    [run.targetSize, run.rngSeed] = [target, seed];
    expect([run.targetProblem, run.seedProblem]).toEqual([undefined, undefined]);
  }
  [run.targetSize, run.rngSeed] = [2, 2 ** 32 - 1];
  await run.start(SCRIPTED_MODEL_ID, SETTINGS);
  expect(run.status).toBe('finished');
  expect((await ports.store.latestRun(PROJECT))?.config).toMatchObject({ targetSize: 2, rngSeed: 2 ** 32 - 1 });
});

test('at a reached target Start does nothing and says so; a raised target continues the pool', async () => {
  const ports = await scriptedRunPorts(serve, PROJECT);
  const run = runState(ports);
  [run.targetSize, run.rngSeed] = [3, 5];
  expect(run.targetReached).toBe(false);
  await run.start(SCRIPTED_MODEL_ID, SETTINGS);
  const { accepted } = run.counts;
  const finishedRun = await ports.store.latestRun(PROJECT);
  expect(run.targetReached).toBe(true);

  await run.start(SCRIPTED_MODEL_ID, SETTINGS);
  expect(await ports.store.latestRun(PROJECT)).toEqual(finishedRun);
  expect(run.raisedTarget).toBe(accepted + 100);
  run.raiseTarget();
  expect([run.targetSize, run.targetReached]).toEqual([accepted + 100, false]);

  run.targetSize = accepted + 2;
  await run.start(SCRIPTED_MODEL_ID, SETTINGS);
  expect(run.status).toBe('finished');
  expect(run.counts.accepted).toBeGreaterThanOrEqual(accepted + 2);
  expect(run.targetReached).toBe(true);
});

test('start while a run is going is ignored: the pool is the one a single run makes', async () => {
  const twice = runState(await scriptedRunPorts(serve, PROJECT));
  const once = runState(await scriptedRunPorts(serve, PROJECT));
  for (const run of [twice, once]) [run.targetSize, run.rngSeed] = [4, 8];
  await Promise.all([twice.start(SCRIPTED_MODEL_ID, SETTINGS), twice.start(SCRIPTED_MODEL_ID, SETTINGS)]);
  await once.start(SCRIPTED_MODEL_ID, SETTINGS);
  expect(twice.counts).toEqual(once.counts);
  expect([twice.status, twice.otherTab]).toEqual(['finished', false]);
});

test('a second tab cannot start the project’s run, shows the first tab’s progress live, and is free once it pauses', async () => {
  const ports = await scriptedRunPorts(serve, PROJECT, { delayMs: 1 });
  const [first, second] = tabs(2) as [TabCoordinator, TabCoordinator];
  const runner = runState(ports, first);
  const watcher = runState(ports, second);
  runner.targetSize = UNREACHABLE_TARGET;
  const running = runner.start(SCRIPTED_MODEL_ID, SETTINGS);
  await expect.poll(() => runner.counts.accepted).toBeGreaterThanOrEqual(1);

  await watcher.start(SCRIPTED_MODEL_ID, SETTINGS);
  expect([watcher.status, watcher.otherTab]).toEqual(['paused', true]);
  const seen = watcher.counts.accepted;
  await expect.poll(() => watcher.counts.accepted).toBeGreaterThan(seen);

  runner.pause();
  await running;
  await expect.poll(() => watcher.otherTab).toBe(false);
  expect(watcher.status).toBe('paused');
  expect(watcher.counts).toEqual(runner.counts);
});

test('a tab opened while another runs the project knows it at once', async () => {
  const ports = await scriptedRunPorts(serve, PROJECT, { delayMs: 1 });
  const [first, second] = tabs(2) as [TabCoordinator, TabCoordinator];
  const runner = runState(ports, first);
  runner.targetSize = UNREACHABLE_TARGET;
  const running = runner.start(SCRIPTED_MODEL_ID, SETTINGS);
  await expect.poll(() => runner.counts.accepted).toBeGreaterThanOrEqual(1);
  const opened = runState(ports, second);
  await opened.restore();
  expect([opened.status, opened.otherTab]).toEqual(['paused', true]);
  runner.pause();
  await running;
});

test('a run’s speed and its tokens per finished task: counted from each answer as it comes, equal to the journal’s once it ends', async () => {
  const ports = await scriptedRunPorts(serve, PROJECT);
  const run = runState(ports);
  expect(run.clock.speed).toBeUndefined();
  expect(run.tokenCost).toBeUndefined();
  const costs = observe(() => run.tokenCost?.perTask);
  run.targetSize = 4;
  await run.start(SCRIPTED_MODEL_ID, SETTINGS);
  const counts = await ports.store.counts(PROJECT);
  const usage = await ports.store.tokenUsage(PROJECT);
  expect(usage.promptTokens).toBeGreaterThan(0);
  expect(run.tokenCost?.perTask).toBeCloseTo((usage.promptTokens + usage.completionTokens) / (counts.accepted - counts.pending));
  // It moved with the run's steps, before the journal was read back at the end.
  expect(new Set(costs().filter((cost) => cost !== undefined)).size).toBeGreaterThan(1);
  expect(run.clock.speed?.tokensPerSecond).toBeGreaterThan(0);
  // A reload reads the same figure back from the journal.
  const reloaded = runState(ports);
  await reloaded.restore();
  expect(reloaded.tokenCost).toEqual(run.tokenCost);
});
