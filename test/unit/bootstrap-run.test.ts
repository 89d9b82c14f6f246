// The bootstrap loop end to end in Node, on its real parts: the scripted engine behind the engine
// host and the comlink client, the ROUGE-L novelty pool, and PoolStore on fake-indexeddb.
import { describe, expect, test } from 'vitest';
import type { GeneratorClient } from '../../src/lib/clients';
import { ModelCrashedError, type Engine } from '../../src/lib/engine';
import { defaultSettings } from '../../src/lib/method';
import { NoveltyPool } from '../../src/lib/novelty';
import { runBootstrap, type RunEvent, type RunPorts } from '../../src/lib/run';
import type { MethodSettings, OutputMode, PromptStyle, RunConfig, Task } from '../../src/lib/vocabulary';
import { PoolStore, StorageError } from '../../src/lib/store';
import { comparableRows } from '../fixtures/run-rows';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';
import { useChannels, type ServedApi } from '../helpers/comlink-channels';
import { scriptedGenerator } from '../helpers/scripted-generator';
import { scriptedRunPorts } from '../helpers/scripted-run-ports';
import { SCRIPTED_MODEL_ID, ScriptedEngine, type ScriptedEngineOptions } from '../scripted-engine';

const PROJECT = 'p1';
const CONFIG: RunConfig = { modelId: SCRIPTED_MODEL_ID, targetSize: 20, rngSeed: 7, settings: defaultSettings('self-instruct') };
const POOL_OPTIONS = { threshold: 0.7, tokenizer: 'default' } as const;

let lastServed: ServedApi | undefined;
const serveChannel = useChannels();
const serve = (api: object) => (lastServed = serveChannel(api));
const freshPorts = (generatorOptions?: ScriptedEngineOptions) => scriptedRunPorts(serve, PROJECT, generatorOptions);

/** The scripted model (or another engine) loaded behind a generator client, as the page holds it. */
async function loadedGenerator(options: ScriptedEngineOptions = {}, engine?: Engine): Promise<GeneratorClient> {
  const generator = scriptedGenerator(serve, options, engine);
  expect(await generator.load(SCRIPTED_MODEL_ID, () => {})).toEqual({ ok: true, modelId: SCRIPTED_MODEL_ID });
  return generator;
}

function run(ports: RunPorts, config = CONFIG, signal = new AbortController().signal, onEvent?: (event: RunEvent) => void) {
  return runBootstrap(ports, PROJECT, config, { signal, ...(onEvent ? { onEvent } : {}) });
}

/** Every stored candidate, newest first (ids sort by creation). */
async function allTasks(store: PoolStore): Promise<Task[]> {
  const [accepted, rejected] = await Promise.all([store.acceptedTasks(PROJECT), store.rejectedTasks(PROJECT)]);
  return [...accepted, ...rejected].sort((a, b) => (a.id < b.id ? 1 : -1));
}

describe('runBootstrap', () => {
  test('reaches the target with every accepted task classified and given instances', async () => {
    const ports = await freshPorts();
    const outcome = await run(ports);
    expect(outcome).toMatchObject({ status: 'finished', counts: { pending: 0 } });
    const counts = await ports.store.counts(PROJECT);
    expect(counts.accepted).toBeGreaterThanOrEqual(CONFIG.targetSize);
    const finished = await ports.store.finishedTasks(PROJECT);
    expect(finished).toHaveLength(counts.accepted);
    expect(finished.every(({ task }) => typeof task.isClassification === 'boolean')).toBe(true);
    expect(finished.some(({ task }) => task.isClassification)).toBe(true);
    expect(finished.filter(({ instances }) => instances.length > 0).length).toBeGreaterThan(counts.accepted / 2);
    // The exports' pages agree with the task rows the steps wrote.
    const stored = new Map((await allTasks(ports.store)).map((task) => [task.id, task]));
    expect(finished.every(({ instances, task }) => instances.length === stored.get(task.id)?.instanceCount && instances.length <= 5)).toBe(true);
    expect((await ports.store.latestRun(PROJECT))?.status).toBe('finished');
  });

  test('rejects candidates by heuristics and by ROUGE-L, naming the rule or the nearest instruction', async () => {
    const ports = await freshPorts();
    await run(ports);
    const rejected = (await allTasks(ports.store)).filter((task) => task.stage === 'rejected');
    const rouge = rejected.filter((task) => task.reason?.rule === 'rouge');
    expect(rouge.length).toBeGreaterThan(0);
    for (const task of rouge) {
      if (task.reason?.rule !== 'rouge') continue;
      expect(task.reason.score).toBeGreaterThan(0.7);
      expect(task.reason.nearest.instruction.length).toBeGreaterThan(0);
    }
    expect(rejected.some((task) => task.reason && task.reason.rule !== 'rouge')).toBe(true);
  });

  test('no two accepted instructions, nor an accepted one and a seed, are near-duplicates', async () => {
    const ports = await freshPorts();
    await run(ports);
    const accepted = await ports.store.acceptedTasks(PROJECT);
    const check = new NoveltyPool();
    await check.loadPool(SEED_TASKS.map(({ id, instruction }) => ({ id, instruction })), POOL_OPTIONS);
    for (const task of accepted) {
      expect((await check.check(task.instruction)).novel).toBe(true);
      await check.add({ id: task.id, instruction: task.instruction });
    }
  });

  test('journals every model call with its request and raw text, linked from the tasks', async () => {
    const ports = await freshPorts();
    await run(ports, { ...CONFIG, targetSize: 5 });
    const counts = await ports.store.counts(PROJECT);
    const tasks = await allTasks(ports.store);
    expect(counts.generationCalls).toBeGreaterThan(0);
    expect(new Set(tasks.map((task) => task.callId)).size).toBe(counts.generationCalls);
  });

  test('the same seed and settings give the same pool', async () => {
    const first = await freshPorts();
    const second = await freshPorts();
    await run(first, { ...CONFIG, targetSize: 10 });
    await run(second, { ...CONFIG, targetSize: 10 });
    const instructions = async (ports: { store: PoolStore }) => (await allTasks(ports.store)).map((task) => [task.instruction, task.stage]);
    expect(await instructions(first)).toEqual(await instructions(second));
  });

  // A model answers 2 to 5 instances here; keeping at most 2 makes the instance sampling choose.
  test.each(['self-instruct', 'alpaca'] as const)('%s: one seed gives the same tasks, instances and calls in a fresh database, and another seed does not', async (strategy) => {
    const config: RunConfig = { ...CONFIG, targetSize: 10, settings: { ...defaultSettings(strategy), maxInstances: 2 } };
    const stored = async (rngSeed: number) => {
      const { db, ...ports } = await freshPorts();
      expect(await run(ports, { ...config, rngSeed })).toMatchObject({ status: 'finished' });
      const [tasks, instances, calls] = await Promise.all([db.getAll('tasks'), db.getAll('instances'), db.getAll('calls')]);
      expect(calls.filter((call) => call.request.params.seed === undefined)).toEqual([]);
      return comparableRows({ tasks, instances, calls });
    };
    const first = await stored(7);
    expect(first.instances.length).toBeGreaterThan(0);
    expect(await stored(7)).toEqual(first);
    expect((await stored(8)).tasks).not.toEqual(first.tasks);
  });

  test('a paused run resumes from the store and ends where an uninterrupted one does', async () => {
    const uninterrupted = await freshPorts();
    await run(uninterrupted);

    const ports = await freshPorts({ delayMs: 1 });
    const controller = new AbortController();
    let steps = 0;
    const paused = await run(ports, CONFIG, controller.signal, (event) => {
      if (event.type === 'step' && ++steps === 6) controller.abort();
    });
    expect(paused.status).toBe('paused');
    expect((await ports.store.latestRun(PROJECT))?.status).toBe('paused');
    const stored = await allTasks(ports.store);
    expect(stored.length).toBeGreaterThan(0);

    // A new loop, as after a reload: fresh novelty index, state read back from the store only.
    const resumed = await run({ ...ports, novelty: new NoveltyPool() });
    expect(resumed.status).toBe('finished');
    const after = await allTasks(ports.store);
    // Every task stored before the pause is still there, with its text; stages move on.
    const byId = new Map(after.map((task) => [task.id, task.instruction]));
    expect(stored.map((task) => byId.get(task.id))).toEqual(stored.map((task) => task.instruction));
    const summary = (tasks: Task[]) => tasks.map((task) => [task.instruction, task.stage, task.instanceCount]);
    expect(summary(after)).toEqual(summary(await allTasks(uninterrupted.store)));
  });

  test('a storage failure fails the run with the store’s message and keeps the pool as it was', async () => {
    const ports = await freshPorts();
    await run(ports, { ...CONFIG, targetSize: 3 });
    const before = await ports.store.counts(PROJECT);
    const failingStore = Object.assign(Object.create(ports.store) as PoolStore, {
      saveGeneration: async () => {
        throw new StorageError('storage-full', 'The browser ran out of storage for this site.');
      },
    });
    const outcome = await run({ ...ports, store: failingStore }, { ...CONFIG, targetSize: 10 });
    expect(outcome).toEqual({ status: 'failed', failure: { reason: 'storage-full', message: 'The browser ran out of storage for this site.' } });
    expect(await ports.store.counts(PROJECT)).toEqual(before);
    expect((await ports.store.latestRun(PROJECT))?.error).toMatch(/ran out of storage/);
  });

  const MODES: [PromptStyle, OutputMode][] = [
    ['chat', 'text'],
    ['chat', 'json'],
    ['completion', 'text'],
    ['completion', 'json'],
  ];

  test.each(MODES)('Self-Instruct with %s prompts and %s answers produces the paper’s data shapes', async (promptStyle, outputMode) => {
    const ports = await freshPorts();
    const settings: MethodSettings = { ...defaultSettings('self-instruct'), promptStyle, outputMode };
    expect(await run(ports, { ...CONFIG, targetSize: 25, settings })).toMatchObject({ status: 'finished' });
    const finished = await ports.store.finishedTasks(PROJECT);
    expect(finished.length).toBeGreaterThanOrEqual(25);
    expect(finished.some(({ task }) => task.isClassification)).toBe(true);
    expect(finished.filter(({ instances }) => instances.length > 0).length).toBeGreaterThan(finished.length / 2);
    const calls = await ports.store.counts(PROJECT);
    expect(calls.rejected).toBeGreaterThan(0);
  });

  test.each(MODES)('Alpaca with %s prompts and %s answers stores whole tasks with one instance and no classify step', async (promptStyle, outputMode) => {
    const ports = await freshPorts();
    const settings: MethodSettings = { ...defaultSettings('alpaca'), promptStyle, outputMode };
    expect(await run(ports, { ...CONFIG, targetSize: 15, settings })).toMatchObject({ status: 'finished', counts: { pending: 0 } });
    const finished = await ports.store.finishedTasks(PROJECT);
    expect(finished.length).toBeGreaterThanOrEqual(15);
    const stored = new Map((await allTasks(ports.store)).map((task) => [task.id, task]));
    expect(finished.every(({ instances, task }) => instances.length <= 1 && instances.length === stored.get(task.id)?.instanceCount)).toBe(true);
    expect(finished.filter(({ instances }) => instances.length === 1).length).toBeGreaterThan(finished.length / 2);
    expect(finished.every(({ task }) => task.isClassification === undefined)).toBe(true);
    expect((await ports.store.counts(PROJECT)).rejected).toBeGreaterThan(0);
  });

  test('every task carries the run’s settings fingerprint, and the run keeps the whole configuration', async () => {
    const ports = await freshPorts();
    await run(ports, { ...CONFIG, targetSize: 5 });
    const latest = await ports.store.latestRun(PROJECT);
    expect(latest?.config.settings).toEqual(CONFIG.settings);
    expect(latest?.seedSetHash).toMatch(/^[0-9a-f]{16}$/);
    const tasks = await allTasks(ports.store);
    expect(new Set(tasks.map((task) => task.fingerprint))).toEqual(new Set([latest?.fingerprint]));
  });

  test('changed settings start a new run instead of continuing the paused one', async () => {
    const ports = await freshPorts({ delayMs: 1 });
    const controller = new AbortController();
    await run(ports, CONFIG, controller.signal, (event) => event.type === 'step' && controller.abort());
    const paused = await ports.store.latestRun(PROJECT);
    const settings = { ...CONFIG.settings, rougeThreshold: 0.6 };
    await run(ports, { ...CONFIG, targetSize: 3, settings });
    const latest = await ports.store.latestRun(PROJECT);
    expect(latest?.id).not.toBe(paused?.id);
    expect(latest?.fingerprint).not.toBe(paused?.fingerprint);
  });

  test('templates with an unknown placeholder stop the run before any model call, saying what to fix', async () => {
    const ports = await freshPorts();
    const settings = structuredClone(CONFIG.settings);
    settings.templates.instructions.chat.user += ' {nonsense}';
    const outcome = await run(ports, { ...CONFIG, settings });
    expect(outcome).toEqual({ status: 'failed', failure: { reason: 'bad-template', message: expect.stringMatching(/prompt templates need fixing.*nonsense/) } });
    expect((await ports.store.counts(PROJECT)).generationCalls).toBe(0);
  });

  test('the multilingual tokenizer catches near-duplicates that rouge_score’s ASCII tokenizer cannot see', async () => {
    const entries = [{ id: 's1', instruction: 'Напишите короткое стихотворение о море.' }];
    const ascii = new NoveltyPool();
    await ascii.loadPool(entries, POOL_OPTIONS);
    const multilingual = new NoveltyPool();
    await multilingual.loadPool(entries, { threshold: 0.7, tokenizer: 'multilingual' });
    expect((await ascii.check('Напишите короткое стихотворение о море.')).novel).toBe(true);
    expect((await multilingual.check('Напишите короткое стихотворение о море.')).novel).toBe(false);
  });

  test('a project without seed tasks fails with a message that says what to do', async () => {
    const ports = await freshPorts();
    await ports.store.putSeeds(PROJECT, []);
    expect(await run(ports)).toEqual({ status: 'failed', failure: { reason: 'no-seeds', message: expect.stringContaining('Add seed tasks') } });
  });
});

describe('runBootstrap with a model that misbehaves', () => {
  /** A generator whose every answer is the same text, with the call counted. */
  function constantGenerator(text: string) {
    const calls = { count: 0 };
    const generator: RunPorts['generator'] = {
      complete: async () => {
        calls.count++;
        return { text, finishReason: 'stop', promptTokens: 1, completionTokens: 1, durationMs: 1 };
      },
    };
    return { generator, calls };
  }

  test('answers with nothing readable stop the run after 5 steps, saying what to try', async () => {
    const ports = await freshPorts();
    const { generator, calls } = constantGenerator('\uFFFD\uFFFD zzzz');
    const outcome = await run({ ...ports, generator });
    expect(outcome).toEqual({ status: 'failed', failure: { reason: 'unusable-output', message: expect.stringContaining('last 5 answers held no instruction') } });
    expect(calls.count).toBe(5);
    expect((await ports.store.counts(PROJECT)).generationCalls).toBe(5);
  });

  test('a model that crashes in the worker fails the run as model-lost, so the page can ask for a reload', async () => {
    const ports = await freshPorts();
    const crash = new ModelCrashedError('RuntimeError: unreachable');
    const crashing = Object.assign(new ScriptedEngine(), { complete: async () => Promise.reject(crash) });
    const outcome = await run({ ...ports, generator: await loadedGenerator({}, crashing) });
    expect(outcome).toEqual({ status: 'failed', failure: { reason: 'model-lost', message: crash.message } });
    expect((await ports.store.latestRun(PROJECT))?.error).toBe(crash.message);
  });

  test('after the crash the worker holds no model: the next run fails as model-not-loaded', async () => {
    const ports = await freshPorts();
    const engine = new ScriptedEngine();
    const generator = await loadedGenerator({}, engine);
    engine.complete = async () => Promise.reject(new ModelCrashedError('RuntimeError: unreachable'));
    await run({ ...ports, generator });
    const outcome = await run({ ...ports, generator });
    expect(outcome).toMatchObject({ status: 'failed', failure: { reason: 'model-not-loaded', message: expect.stringMatching(/Load a model/) } });
  });

  test('a model worker that dies mid-call fails the run as worker-crashed instead of hanging', async () => {
    const ports = await freshPorts();
    const generator = await loadedGenerator({ delayMs: 5 });
    const { worker } = lastServed!;
    const outcome = await run({ ...ports, generator }, CONFIG, new AbortController().signal, (event) => {
      if (event.type === 'text') worker.dispatchEvent(Object.assign(new Event('error'), { message: 'out of memory' }));
    });
    expect(outcome).toEqual({ status: 'failed', failure: { reason: 'worker-crashed', message: expect.stringMatching(/model worker stopped unexpectedly \(out of memory\)/) } });
  });
});
