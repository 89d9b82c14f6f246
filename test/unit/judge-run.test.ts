// The judge loop on its real parts: the scripted engine behind the generator client, and the
// QualityStore on fake-indexeddb; and judging during a generation run.
import { describe, expect, test } from 'vitest';
import { defaultJudgeSettings } from '../../src/lib/judge';
import { defaultSettings } from '../../src/lib/method';
import { judgeEachFinished, MAX_UNREADABLE_IN_A_ROW, runBootstrap, runJudge, type JudgeConfig, type JudgeEvent, type JudgePorts, type RunPorts } from '../../src/lib/run';
import { CurationStore, QualityStore, type PoolStore, type StudioDatabase } from '../../src/lib/store';
import type { JudgeSettings } from '../../src/lib/vocabulary';
import { fillJudgePool } from '../fixtures/judge-pool';
import { GARBAGE_MARKER } from '../fixtures/method/scripted-judge';
import { useChannels } from '../helpers/comlink-channels';
import { scriptedRunPorts } from '../helpers/scripted-run-ports';
import { SCRIPTED_MODEL_ID, type ScriptedEngineOptions } from '../scripted-engine';

const P = 'p1';
const serve = useChannels();

async function judgePorts(count: number, options: ScriptedEngineOptions = {}) {
  const ports = await scriptedRunPorts(serve, P, options);
  await fillJudgePool(ports.store, P, count);
  const quality = new QualityStore(ports.db);
  return { ...ports, quality, judge: { generator: ports.generator, store: quality } satisfies JudgePorts };
}

const config = (settings: Partial<JudgeSettings> = {}): JudgeConfig => ({ modelId: SCRIPTED_MODEL_ID, settings: { ...defaultJudgeSettings(), ...settings }, rngSeed: 3 });

function judge(ports: JudgePorts, settings?: Partial<JudgeSettings>, signal = new AbortController().signal, onEvent?: (event: JudgeEvent) => void) {
  return runJudge(ports, P, config(settings), { signal, ...(onEvent ? { onEvent } : {}) });
}

async function judgeCalls(db: StudioDatabase) {
  return db.getAllFromIndex('calls', 'by-project-purpose', [P, 'judge']);
}

describe('runJudge', () => {
  test.each(['json', 'text'] as const)('judges every finished task once, each judgment stored with its journaled call (%s)', async (outputMode) => {
    const { judge: ports, quality, db } = await judgePorts(12);
    const events: JudgeEvent[] = [];
    const outcome = await judge(ports, { outputMode }, undefined, (event) => events.push(event));
    expect(outcome).toEqual({ status: 'finished', progress: { done: 12, total: 12, judged: 12, unreadable: 0, skipped: 0 } });
    const judgments = await quality.judgments(P);
    expect(judgments).toHaveLength(12);
    const calls = await judgeCalls(db);
    expect(new Set(judgments.map((row) => row.callId))).toEqual(new Set(calls.map((call) => call.id)));
    expect(calls.every((call) => call.modelId === SCRIPTED_MODEL_ID && (outputMode === 'json') === (call.request.responseFormat !== undefined))).toBe(true);
    // Scores vary, and each verdict has one answer per instance.
    const verdicts = judgments.flatMap((row) => (row.judgment.status === 'judged' ? [row.judgment.verdict] : []));
    expect(new Set(verdicts.map((verdict) => verdict.score)).size).toBeGreaterThanOrEqual(3);
    expect(judgments.every((row) => row.judgment.status === 'judged' && row.judgment.verdict.acceptableOutputs.length === (Number(row.taskId.slice(-3)) % 3 === 2 ? 1 : 2))).toBe(true);
    // Progress counts up to the total, and the model's text streams in between.
    expect(events.filter((event) => event.type === 'judged').map((event) => event.type === 'judged' && event.progress.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(events.some((event) => event.type === 'text')).toBe(true);
    expect(await judge(ports)).toEqual({ status: 'finished', progress: { done: 0, total: 0, judged: 0, unreadable: 0, skipped: 0 } });
    expect(await quality.judgeCounts(P)).toEqual({ finished: 12, judged: 12, unreadable: 0, stale: 0, none: 0 });
  });

  test('a pause during a call writes nothing for it, and the next run continues with the tasks left', async () => {
    const { judge: ports, quality, db } = await judgePorts(6, { delayMs: 5 });
    const controller = new AbortController();
    let judged = 0;
    const outcome = await judge(ports, {}, controller.signal, (event) => {
      if (event.type === 'judged') judged++;
      if (event.type === 'text' && judged === 2) controller.abort();
    });
    expect(outcome).toEqual({ status: 'paused', progress: { done: 2, total: 6, judged: 2, unreadable: 0, skipped: 0 } });
    expect(await quality.judgments(P)).toHaveLength(2);
    expect(await judgeCalls(db)).toHaveLength(2);
    const resumed = await judge(ports);
    expect(resumed).toEqual({ status: 'finished', progress: { done: 4, total: 4, judged: 4, unreadable: 0, skipped: 0 } });
    expect((await quality.judgments(P)).map((row) => row.taskId)).toEqual(['task-000', 'task-001', 'task-002', 'task-003', 'task-004', 'task-005']);
    expect(await judgeCalls(db)).toHaveLength(6);
  });

  test('a task deleted after the queue was read is skipped, and an edited one is judged as it is now', async () => {
    const { judge: ports, quality, db } = await judgePorts(3);
    const curation = new CurationStore(db);
    const edit = { instruction: 'Name three rivers.', isClassification: false, instances: [{ input: '', output: 'Nile, Rhine, Amazon.' }] };
    const store = {
      ...ports.store,
      judgeableTask: quality.judgeableTask.bind(quality),
      saveJudgment: quality.saveJudgment.bind(quality),
      judgeQueue: async (projectId: string) => {
        const queue = await quality.judgeQueue(projectId);
        await curation.apply(P, { kind: 'delete', taskIds: ['task-001'] });
        await curation.apply(P, { kind: 'edit', taskId: 'task-002', edit });
        return queue;
      },
    };
    const outcome = await judge({ generator: ports.generator, store });
    expect(outcome).toEqual({ status: 'finished', progress: { done: 3, total: 3, judged: 2, unreadable: 0, skipped: 1 } });
    expect(await quality.judgeCounts(P)).toEqual({ finished: 2, judged: 2, unreadable: 0, stale: 0, none: 0 });
    const [call] = (await judgeCalls(db)).filter((row) => JSON.stringify(row.request).includes('Name three rivers.'));
    expect(call).toBeDefined();
  });

  test(`${MAX_UNREADABLE_IN_A_ROW} unreadable answers in a row stop the run with advice, each stored as unreadable with its call`, async () => {
    const { judge: ports, quality, db } = await judgePorts(8);
    const outcome = await judge(ports, { system: `${defaultJudgeSettings().system}\n${GARBAGE_MARKER}` });
    expect(outcome).toMatchObject({ status: 'failed', failure: { reason: 'unusable-output' }, progress: { done: 5, total: 8, judged: 0, unreadable: 5 } });
    expect(outcome.status === 'failed' && outcome.failure.message).toMatch(/last 5 answers could not be read.*JSON output mode/);
    const judgments = await quality.judgments(P);
    expect(judgments.map((row) => row.judgment)).toEqual(Array.from({ length: 5 }, () => ({ status: 'unreadable', problem: 'No verdict could be read from the answer.' })));
    expect(await judgeCalls(db)).toHaveLength(5);
    // Unreadable answers are current: the next run starts with the tasks never judged.
    expect(await judge(ports)).toMatchObject({ status: 'finished', progress: { total: 3, judged: 3 } });
  });

  test('answers cut off at the token limit are stored as unreadable, saying so; fewer than 5 in a row do not stop the run', async () => {
    const { judge: ports, quality } = await judgePorts(4);
    // Text mode with maxTokens 12 cuts every answer before its score.
    const cut = await judge(ports, { outputMode: 'text', maxTokens: 12 });
    expect(cut).toMatchObject({ status: 'finished', progress: { done: 4, unreadable: 4 } });
    const [first] = await quality.judgments(P);
    expect(first?.judgment).toMatchObject({ status: 'unreadable', problem: expect.stringContaining('cut off at the token limit') });
  });

  test('settings with a broken prompt fail before any call, naming the problem', async () => {
    const { judge: ports, db } = await judgePorts(2);
    const outcome = await judge(ports, { user: 'Judge this: {instruction}' });
    expect(outcome).toMatchObject({ status: 'failed', failure: { reason: 'bad-template' } });
    expect(outcome.status === 'failed' && outcome.failure.message).toContain('{instances} is missing');
    expect(await judgeCalls(db)).toEqual([]);
  });
});

describe('judging during a generation run', () => {
  const runConfig = { modelId: SCRIPTED_MODEL_ID, targetSize: 12, rngSeed: 5, settings: defaultSettings('self-instruct') };

  async function dataset(store: PoolStore) {
    const finished = await store.finishedTasks(P);
    return finished.map(({ task, instances }) => ({ instruction: task.instruction, instances }));
  }

  async function generate(withJudge: boolean) {
    const ports: RunPorts & { store: PoolStore; db: StudioDatabase } = await scriptedRunPorts(serve, P);
    const quality = new QualityStore(ports.db);
    const judged: string[] = [];
    const signal = new AbortController().signal;
    const afterFinished = withJudge ? judgeEachFinished({ generator: ports.generator, store: quality }, P, config(), { signal, onJudged: (taskId) => judged.push(taskId) }) : undefined;
    const outcome = await runBootstrap(ports, P, runConfig, { signal, ...(afterFinished ? { afterFinished } : {}) });
    expect(outcome.status).toBe('finished');
    return { ports, quality, judged };
  }

  test('each finished task is judged as the run finishes it, and the run makes the same dataset as without', async () => {
    const withJudge = await generate(true);
    const without = await generate(false);
    const finished = await withJudge.ports.store.finishedTasks(P);
    expect(finished.length).toBeGreaterThan(0);
    expect(withJudge.judged).toEqual(finished.map(({ task }) => task.id));
    expect(await withJudge.quality.judgeCounts(P)).toMatchObject({ finished: finished.length, none: 0, stale: 0 });
    expect(await dataset(withJudge.ports.store)).toEqual(await dataset(without.ports.store));
    expect(await judgeCalls(without.ports.db)).toEqual([]);
  });
});
