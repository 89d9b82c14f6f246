// JudgeState on its real parts: the scripted model behind the generator client, QualityStore and
// ProjectStore on fake-indexeddb, and the project's lock shared with the generation run.
import { describe, expect, test } from 'vitest';
import { defaultJudgeSettings } from '../../src/lib/judge';
import { NewsChannel, type JudgeNews } from '../../src/lib/coordination';
import { ProjectStore, QualityStore } from '../../src/lib/store';
import { JudgeState } from '../../src/ui/judge/judge-state.svelte';
import { fillJudgePool } from '../fixtures/judge-pool';
import { GARBAGE_MARKER } from '../fixtures/method/scripted-judge';
import { useChannels } from '../helpers/comlink-channels';
import { fakeLocks } from '../helpers/fake-locks';
import { observe } from '../helpers/observe.svelte';
import { scriptedRunPorts } from '../helpers/scripted-run-ports';
import { SCRIPTED_MODEL_ID, type ScriptedEngineOptions } from '../scripted-engine';
import type { Task } from '../../src/lib/vocabulary';

const P = 'p1';
const serve = useChannels();

/** A tab's end of the judge news, over a BroadcastChannel of this test's own. */
const newsChannel = (name: string) => new NewsChannel<JudgeNews>(name);

async function setup(count: number, options: ScriptedEngineOptions = {}, news?: NewsChannel<JudgeNews>) {
  const ports = await scriptedRunPorts(serve, P, options);
  await ports.db.put('projects', { id: P, name: 'Judged', created: 0 });
  await fillJudgePool(ports.store, P, count);
  const quality = new QualityStore(ports.db);
  const projects = new ProjectStore(ports.db);
  const locks = fakeLocks();
  const tabs = {
    runExclusively: <T>(projectId: string, work: () => Promise<T>) =>
      locks.request(`run:${projectId}`, { ifAvailable: true }, async (held) => (held ? { value: await work() } : undefined)),
  };
  const told: string[][] = [];
  // Each reading of the clock moves it on by `step`.
  const clock = { time: 0, step: 1000 };
  const judge = new JudgeState({ generator: ports.generator, store: quality, projects, counts: () => quality.judgeCounts(P) }, P, tabs, {
    onJudged: (ids) => told.push(ids),
    now: () => (clock.time += clock.step),
    ...(news ? { news } : {}),
  });
  await judge.load();
  return { ...ports, quality, projects, judge, told, locks, clock };
}

describe('JudgeState', () => {
  test('loads the defaults and the counts, judges every task with progress and time left, and tells the pool of each judgment', async () => {
    const { judge, told } = await setup(6);
    expect(judge.draft).toEqual(defaultJudgeSettings());
    expect(judge.counts).toEqual({ finished: 6, judged: 0, unreadable: 0, stale: 0, none: 6 });
    expect(judge.toJudge).toBe(6);
    const shown = observe(() => ({ status: judge.status, done: judge.progress?.done, timeLeft: judge.timeLeft }));
    const judgedShown = observe(() => judge.counts.judged);
    await judge.start(SCRIPTED_MODEL_ID);
    expect(judge.status).toBe('finished');
    expect(judge.counts).toMatchObject({ judged: 6, none: 0 });
    expect(judge.toJudge).toBe(0);
    expect(told).toEqual([['task-000'], ['task-001'], ['task-002'], ['task-003'], ['task-004'], ['task-005']]);
    const seen = shown();
    expect(seen.some((view) => view.status === 'running' && view.done === 3 && view.timeLeft?.endsWith('left'))).toBe(true);
    expect(seen.at(-1)).toEqual({ status: 'finished', done: 6, timeLeft: undefined });
    // The counts follow during the run, not only at its end.
    expect(judgedShown().filter((judged) => judged > 0 && judged < 6).length).toBeGreaterThan(0);
  });

  test('pause stops after the call in flight, and start continues with the tasks left', async () => {
    const { judge, quality, told } = await setup(5, { delayMs: 5 });
    const running = judge.start(SCRIPTED_MODEL_ID);
    await expect.poll(() => told.length, { timeout: 10_000, interval: 1 }).toBeGreaterThanOrEqual(2);
    judge.pause();
    expect(judge.status).toBe('pausing');
    await running;
    expect(judge.status).toBe('paused');
    const judged = (await quality.judgments(P)).length;
    expect(judged).toBe(told.length);
    expect(judged).toBeLessThan(5);
    expect(judge.counts.none).toBe(5 - judged);
    await judge.start(SCRIPTED_MODEL_ID);
    expect(judge.status).toBe('finished');
    expect(judge.progress).toMatchObject({ total: 5 - judged, done: 5 - judged });
    expect(await quality.judgments(P)).toHaveLength(5);
  });

  test('another tab hears each judgment for its pool, says that tab is judging while it runs, and reads the counts when it stops', async () => {
    const name = `judge-news-${Math.random()}`;
    const judging = await setup(4, { delayMs: 5 }, newsChannel(name));
    // A second tab on the same database: its own state, its own end of the channel.
    const quality = judging.quality;
    const otherTold: string[][] = [];
    const other = new JudgeState({ generator: judging.generator, store: quality, projects: judging.projects, counts: () => quality.judgeCounts(P) }, P, { runExclusively: async () => undefined }, {
      onJudged: (ids) => otherTold.push(ids),
      news: newsChannel(name),
    });
    await other.load();
    const seen = observe(() => other.otherTab);
    // A judgment made while generating comes without a run: the other tab's rows follow, and no "judging" notice.
    judging.judge.draft.whileGenerating = true;
    await judging.judge.judgeWhileGenerating(SCRIPTED_MODEL_ID)!(new AbortController().signal)({ id: 'task-000' } as Task);
    await expect.poll(() => otherTold).toEqual([['task-000']]);
    expect(seen()).not.toContain(true);
    await judging.judge.start(SCRIPTED_MODEL_ID);
    expect(judging.judge.status).toBe('finished');
    await expect.poll(() => other.counts.judged).toBe(4);
    expect(otherTold).toEqual([['task-000'], ['task-001'], ['task-002'], ['task-003']]);
    // It said another tab was judging, and no longer once that run finished.
    expect(seen()).toContain(true);
    expect(other.otherTab).toBe(false);
    // Disposed (another project shown), it hears no more.
    other.dispose();
    newsChannel(name).publish({ projectId: P, taskIds: ['task-003'] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(otherTold).toHaveLength(4);
  });

  test('the unreadable streak stops the run with its advice', async () => {
    const { judge } = await setup(7);
    judge.draft.system = `${judge.draft.system}\n${GARBAGE_MARKER}`;
    await judge.start(SCRIPTED_MODEL_ID);
    expect(judge.status).toBe('failed');
    expect(judge.error).toEqual({ message: expect.stringContaining('JSON output mode'), unreadable: true });
    expect(judge.counts).toMatchObject({ unreadable: 5, none: 2 });
  });

  test('while the project lock is held (a generation run) judging does not start and says so; once it is free, it does', async () => {
    const { judge, locks, quality } = await setup(2);
    let release!: () => void;
    const held = locks.request(`run:${P}`, { ifAvailable: true }, () => new Promise<void>((resolve) => (release = resolve)));
    await judge.start(SCRIPTED_MODEL_ID);
    expect(judge.otherTab).toBe(true);
    expect(judge.status).toBe('idle');
    expect(await quality.judgments(P)).toEqual([]);
    release();
    await held;
    await judge.start(SCRIPTED_MODEL_ID);
    expect([judge.status, judge.otherTab]).toEqual(['finished', false]);
    expect(await quality.judgments(P)).toHaveLength(2);
  });

  test('edits are checked and saved on the project while valid; reset to defaults can be undone', async () => {
    const { judge, projects } = await setup(1);
    judge.draft.temperature = 0.5;
    judge.draft.whileGenerating = true;
    await judge.save();
    expect((await projects.get(P))?.judge).toMatchObject({ temperature: 0.5, whileGenerating: true });
    judge.draft.user = 'Judge {instruction}';
    expect(judge.problems.user).toContain('{instances} is missing');
    await judge.save();
    expect((await projects.get(P))?.judge?.user).toBe(defaultJudgeSettings().user);
    await judge.start(SCRIPTED_MODEL_ID);
    expect(judge.status).toBe('idle');
    await judge.resetToDefaults();
    expect(judge.draft).toEqual(defaultJudgeSettings());
    expect((await projects.get(P))?.judge).toEqual(defaultJudgeSettings());
    expect(judge.canUndoReset).toBe(true);
    await judge.undoReset();
    expect(judge.draft).toMatchObject({ temperature: 0.5, whileGenerating: true, user: 'Judge {instruction}' });
    expect(judge.canUndoReset).toBe(false);
  });

  test('judging while generating: a hook only when switched on and valid', async () => {
    const { judge } = await setup(1);
    expect(judge.judgeWhileGenerating(SCRIPTED_MODEL_ID)).toBeUndefined();
    judge.draft.whileGenerating = true;
    expect(judge.judgeWhileGenerating(SCRIPTED_MODEL_ID)).toBeTypeOf('function');
    judge.draft.maxTokens = 0;
    expect(judge.judgeWhileGenerating(SCRIPTED_MODEL_ID)).toBeUndefined();
  });

  test('judging while generating tells the pool of each judgment but reads the counts at most every 2 s', async () => {
    const { judge, quality, told, clock } = await setup(6);
    let countReads = 0;
    const judgeCounts = quality.judgeCounts.bind(quality);
    quality.judgeCounts = (projectId) => (countReads++, judgeCounts(projectId));
    judge.draft.whileGenerating = true;
    const judgeFinished = judge.judgeWhileGenerating(SCRIPTED_MODEL_ID)!(new AbortController().signal);
    clock.step = 0;
    clock.time = 10_000;
    for (let i = 0; i < 3; i++) await judgeFinished({ id: `task-00${i}` } as Task);
    expect(countReads).toBe(1);
    clock.time += 1_999;
    for (let i = 3; i < 5; i++) await judgeFinished({ id: `task-00${i}` } as Task);
    expect(countReads).toBe(1);
    clock.time += 1;
    await judgeFinished({ id: 'task-005' } as Task);
    expect(countReads).toBe(2);
    expect(told).toHaveLength(6);
    await expect.poll(() => judge.counts.judged).toBe(6);
  });
});
