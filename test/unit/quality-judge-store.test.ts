// The judge's side of the QualityStore: a judgment written with its call, the queue of tasks still
// to judge, the counts, a task re-read before it is judged, and projects copied with their judgments.
import { expect, test } from 'vitest';
import { defaultJudgeSettings, judgedContentHash, judgeRequest } from '../../src/lib/judge';
import { createPoolViewService } from '../../src/lib/pool-view';
import { CurationStore, openStudioDB, QualityStore } from '../../src/lib/store';
import type { CallRecord, StoredJudgment } from '../../src/lib/vocabulary';
import { freshDatabase } from '../helpers/fresh-database';
import { fillJudgePool } from '../fixtures/judge-pool';

const P = 'project-1';

function judgeCall(id: string, instruction = 'Write.'): CallRecord {
  return {
    id,
    projectId: P,
    runId: 'judge',
    purpose: 'judge',
    request: judgeRequest({ instruction, instances: [{ input: '', output: 'x' }] }, defaultJudgeSettings()),
    modelId: 'm',
    result: { text: '{"score": 4}', finishReason: 'stop', promptTokens: 10, completionTokens: 5, durationMs: 3 },
    created: 1,
  };
}

function stored(taskId: string, contentHash: string, status: 'judged' | 'unreadable' = 'judged'): StoredJudgment {
  return {
    projectId: P,
    taskId,
    callId: `judge-${taskId}`,
    modelId: 'm',
    judged: 2,
    contentHash,
    judgment:
      status === 'judged'
        ? { status, verdict: { validInstruction: true, appropriateInput: true, acceptableOutputs: [true, true], score: 5, reason: 'Good.' } }
        : { status, problem: 'No verdict could be read from the answer.' },
  };
}

async function setup(count = 6) {
  const database = await freshDatabase();
  await database.db.put('projects', { id: P, name: 'Judged', created: 0 });
  const tasks = await fillJudgePool(database.pool, P, count);
  const quality = new QualityStore(database.db);
  const hashOf = async (taskId: string) => (await quality.judgeableTask(P, taskId))!.contentHash;
  return { ...database, tasks, quality, hashOf };
}

test('saveJudgment writes the call (journaled, its request rebuilt whole) and the judgment together', async () => {
  const { quality, projects, hashOf } = await setup(1);
  const call = judgeCall('judge-task-000');
  const judgment = stored('task-000', await hashOf('task-000'));
  await quality.saveJudgment(call, judgment);
  expect(await quality.judgments(P)).toEqual([judgment]);
  expect((await projects.read(P)).calls.find((row) => row.id === call.id)).toStrictEqual(call);
});

test('a judgment whose call cannot be written is not written either', async () => {
  const { quality, hashOf } = await setup(1);
  const call = judgeCall('judge-task-000');
  await quality.saveJudgment(call, stored('task-000', await hashOf('task-000')));
  // The same call id again: the calls store refuses it, so the new judgment must not replace the old.
  await expect(quality.saveJudgment(call, { ...stored('task-000', 'other'), judged: 99 })).rejects.toThrow();
  expect((await quality.judgments(P)).map((row) => row.judged)).toEqual([2]);
});

test('the queue: finished tasks in the pool without a current judgment, oldest first, with their instances', async () => {
  const { quality, db, hashOf, tasks } = await setup(6);
  expect((await quality.judgeQueue(P)).map((item) => item.taskId)).toEqual(tasks.map((task) => task.id));
  await quality.saveJudgment(judgeCall('j0'), stored('task-000', await hashOf('task-000')));
  await quality.saveJudgment(judgeCall('j1'), stored('task-001', await hashOf('task-001'), 'unreadable'));
  await quality.saveJudgment(judgeCall('j2'), stored('task-002', 'an older hash'));
  await new CurationStore(db).apply(P, { kind: 'delete', taskIds: ['task-003'] });
  const queue = await quality.judgeQueue(P);
  expect(queue.map((item) => item.taskId)).toEqual(['task-002', 'task-004', 'task-005']);
  expect(queue[0]).toEqual({
    taskId: 'task-002',
    instruction: 'Write a short answer about topic 2.',
    instances: [{ input: '', output: 'An answer about topic 2, part 0.' }],
    contentHash: judgedContentHash('Write a short answer about topic 2.', [{ input: '', output: 'An answer about topic 2, part 0.' }]),
  });
  expect(await quality.judgeCounts(P)).toEqual({ finished: 5, judged: 1, unreadable: 1, stale: 1, none: 2 });
});

test('the pool view worker gives the same counts: from the database before its project is open, from its rows after, a new judgment once told', async () => {
  const { quality, db, factory, hashOf } = await setup(6);
  await quality.saveJudgment(judgeCall('j0'), stored('task-000', await hashOf('task-000')));
  await quality.saveJudgment(judgeCall('j1'), stored('task-001', await hashOf('task-001'), 'unreadable'));
  await quality.saveJudgment(judgeCall('j2'), stored('task-002', 'an older hash'));
  await new CurationStore(db).apply(P, { kind: 'delete', taskIds: ['task-003'] });
  const view = createPoolViewService(() => openStudioDB(factory));
  const expected = { finished: 5, judged: 1, unreadable: 1, stale: 1, none: 2 };
  expect(await view.judgeCounts(P)).toEqual(expected);
  await view.open(P);
  expect(await view.judgeCounts(P)).toEqual(expected);
  await quality.saveJudgment(judgeCall('j4'), stored('task-004', await hashOf('task-004')));
  await view.judged(['task-004']);
  expect(await view.judgeCounts(P)).toEqual({ ...expected, judged: 2, none: 1 });
  expect(await view.judgeCounts(P)).toEqual(await quality.judgeCounts(P));
  // Its rows answer, not the database: a judgment it was not told of is not counted yet.
  await quality.saveJudgment(judgeCall('j5'), stored('task-005', await hashOf('task-005')));
  expect(await view.judgeCounts(P)).toEqual({ ...expected, judged: 2, none: 1 });
});

test('judgeableTask re-reads a task: gone when deleted, unfinished or judged as it is now; its current content when edited', async () => {
  const { quality, db, hashOf } = await setup(3);
  const curation = new CurationStore(db);
  await curation.apply(P, { kind: 'delete', taskIds: ['task-000'] });
  expect(await quality.judgeableTask(P, 'task-000')).toBeUndefined();
  expect(await quality.judgeableTask(P, 'task-zzz')).toBeUndefined();
  expect(await quality.judgeableTask('another-project', 'task-001')).toBeUndefined();
  await quality.saveJudgment(judgeCall('j1'), stored('task-001', await hashOf('task-001')));
  expect(await quality.judgeableTask(P, 'task-001')).toBeUndefined();
  const edit = { instruction: 'Write one line about topic 1.', isClassification: false, instances: [{ input: '', output: 'A line.' }] };
  await curation.apply(P, { kind: 'edit', taskId: 'task-001', edit });
  expect(await quality.judgeableTask(P, 'task-001')).toEqual({
    instruction: edit.instruction,
    instances: edit.instances,
    contentHash: judgedContentHash(edit.instruction, edit.instances),
  });
  expect(await quality.judgeCounts(P)).toMatchObject({ finished: 2, stale: 1, none: 1 });
});

test('a copy carries the judge settings, the judgments (not a trashed task\'s) and the audit, renamed to the copy\'s ids', async () => {
  const { quality, db, projects, hashOf } = await setup(2);
  const judge = { ...defaultJudgeSettings(), temperature: 0.4, whileGenerating: true };
  await projects.saveJudgeSettings(P, judge);
  await quality.saveJudgment(judgeCall('judge-task-000'), stored('task-000', await hashOf('task-000')));
  await quality.saveJudgment(judgeCall('judge-task-001'), stored('task-001', await hashOf('task-001')));
  await quality.saveAudit({ projectId: P, seed: 1, items: [{ taskId: 'task-000', instance: 1 }], answers: { 'task-000': { instruction: true, input: false, output: true } }, created: 1, updated: 1 });
  await new CurationStore(db).apply(P, { kind: 'delete', taskIds: ['task-001'] });

  const copy = await projects.duplicate(P, 'Judged');
  expect((await projects.get(copy.id))?.judge).toEqual(judge);
  const suffix = `~${copy.id}`;
  const copied = await quality.judgments(copy.id);
  expect(copied.map((row) => [row.taskId, row.callId])).toEqual([[`task-000${suffix}`, `judge-task-000${suffix}`]]);
  expect(await quality.audit(copy.id)).toMatchObject({ items: [{ taskId: `task-000${suffix}`, instance: 1 }], answers: { [`task-000${suffix}`]: { input: false } } });
  // The copy's judgment is current for its own copy of the task, and its call is in its journal.
  expect(await quality.judgeQueue(copy.id)).toEqual([]);
  expect((await projects.read(copy.id)).calls.some((call) => call.id === `judge-task-000${suffix}` && call.purpose === 'judge')).toBe(true);
});

test('a project written with broken judge settings stores them repaired', async () => {
  const { projects } = await freshDatabase();
  const judge = { ...defaultJudgeSettings(), maxTokens: -3, user: 'no placeholders' };
  await projects.write({ project: { id: 'p9', name: 'Old', created: 0, judge }, seeds: [], tasks: [], instances: [], calls: [], runs: [] });
  expect((await projects.get('p9'))?.judge).toEqual(defaultJudgeSettings());
});
