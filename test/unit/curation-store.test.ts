// CurationStore on fake-indexeddb: each action is one transaction over tasks, instances, trash,
// dataset pages and the undo steps; exports, counts and the funnel follow; undo puts back exactly
// what was there; the model's late step never writes over a person's change.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import { CurationStore, openStudioDB, PoolStore, ProjectStore, UNDO_STEPS_KEPT } from '../../src/lib/store';
import type { GenerationStep, StoredInstance } from '../../src/lib/vocabulary';
import { callRow, spiceStep, taskRow } from '../fixtures/pool-rows';
import { freshDatabase } from '../helpers/fresh-database';
import { openReleasedVersion, putRows } from '../helpers/frozen-schemas';

const P = 'p1';

async function curatedPool() {
  const fresh = await freshDatabase();
  await fresh.projects.write({ project: { id: P, name: 'P', created: 0 }, seeds: [], tasks: [], instances: [], calls: [], runs: [] });
  await fresh.pool.saveGeneration(spiceStep(P));
  return { ...fresh, curation: new CurationStore(fresh.db) };
}

const edit = { instruction: 'Name a spice used in curry.', isClassification: false, instances: [{ input: '', output: 'Turmeric' }] };

describe('CurationStore', () => {
  test('an edit reaches the task, its instances and the exports, keeps the original, and undo brings the model’s text back', async () => {
    const { pool, curation } = await curatedPool();
    const result = await curation.apply(P, { kind: 'edit', taskId: 'task-1', edit });
    expect(result).toMatchObject({ step: { seq: 1, label: 'Edited “Name a spice.”', count: 1 }, taskIds: ['task-1'] });
    expect(result!.novelty).toEqual({ remove: ['task-1'], add: [{ id: 'task-1', instruction: 'Name a spice used in curry.' }] });
    const detail = await pool.taskDetail('task-1');
    expect(detail!.task.original).toEqual({ instruction: 'Name a spice.', instances: [{ input: '', output: 'Cumin' }] });
    expect(detail!.instances.map((row) => row.output)).toEqual(['Turmeric']);
    expect((await pool.finishedTasks(P)).map((row) => [row.task.instruction, row.instances])).toEqual([['Name a spice used in curry.', [{ input: '', output: 'Turmeric' }]]]);
    expect((await pool.counts(P)).instances).toBe(1);

    const undone = await curation.undo(P);
    expect(undone!.novelty).toEqual({ remove: ['task-1'], add: [{ id: 'task-1', instruction: 'Name a spice.' }] });
    expect((await pool.taskDetail('task-1'))!.task).not.toHaveProperty('original');
    expect((await pool.finishedTasks(P)).map((row) => row.instances)).toEqual([[{ input: '', output: 'Cumin' }]]);
    expect(await curation.history(P)).toEqual([]);
    expect(await curation.undo(P)).toBeUndefined();
  });

  test('a deleted task leaves the counts, the funnel and the exports for the trash, and its calls stay; restore and undo bring it back', async () => {
    const { pool, curation, db } = await curatedPool();
    await curation.apply(P, { kind: 'delete', taskIds: ['task-1', 'task-2'] });
    expect(await pool.counts(P)).toMatchObject({ accepted: 0, rejected: 0, instances: 0 });
    expect(await pool.rejectionsByRule(P, ['too-short'])).toEqual({ 'too-short': 0 });
    expect(await pool.finishedTasks(P)).toEqual([]);
    // One action, one batch in the trash.
    expect((await db.getAll('trash')).map((batch) => batch.taskIds)).toEqual([['task-1', 'task-2']]);
    expect(await db.count('calls')).toBe(1);
    expect((await pool.taskDetail('task-1'))!.deleted).toBeGreaterThan(0);

    await curation.apply(P, { kind: 'restore', taskIds: ['task-2'] });
    expect(await pool.counts(P)).toMatchObject({ accepted: 0, rejected: 1 });
    await curation.undo(P);
    await curation.undo(P);
    expect(await pool.counts(P)).toMatchObject({ accepted: 1, rejected: 1, instances: 1 });
    expect((await pool.finishedTasks(P)).map((row) => row.task.id)).toEqual(['task-1']);
    expect(await db.count('trash')).toBe(0);
  });

  test('accepting a rejected candidate queues it for the loop, with the rejection kept as overruled', async () => {
    const { pool, curation } = await curatedPool();
    await curation.apply(P, { kind: 'accept', taskIds: ['task-2', 'task-1'] });
    expect(await pool.counts(P)).toMatchObject({ accepted: 2, rejected: 0, pending: 1 });
    const next = await pool.nextPending(P);
    expect(next).toMatchObject({ id: 'task-2', stage: 'classify', overruled: { rule: 'too-short' } });
    expect(await curation.history(P)).toMatchObject([{ label: 'Accepted “Instruction task-2”', count: 1 }]);
  });

  test('an action that changes nothing writes no undo step', async () => {
    const { curation } = await curatedPool();
    expect(await curation.apply(P, { kind: 'restore', taskIds: ['task-1'] })).toBeUndefined();
    expect(await curation.apply(P, { kind: 'delete', taskIds: ['no-such-task'] })).toBeUndefined();
    expect(await curation.history(P)).toEqual([]);
  });

  test(`keeps the last ${UNDO_STEPS_KEPT} steps, newest first`, async () => {
    const { curation } = await curatedPool();
    for (let i = 0; i < UNDO_STEPS_KEPT + 3; i++) await curation.apply(P, { kind: 'review', taskIds: ['task-1'], reviewed: i % 2 === 0 });
    const history = await curation.history(P);
    expect(history).toHaveLength(UNDO_STEPS_KEPT);
    expect(history[0]!.seq).toBe(UNDO_STEPS_KEPT + 3);
    expect(history.at(-1)!.seq).toBe(4);
  });

  test('undo steps survive a reopen (a reload)', async () => {
    const { factory, db, curation } = await curatedPool();
    await curation.apply(P, { kind: 'delete', taskIds: ['task-1'] });
    db.close();
    const reopened = await openStudioDB(factory);
    const again = new CurationStore(reopened);
    expect((await again.history(P)).map((step) => step.label)).toEqual(['Deleted “Name a spice.”']);
    await again.undo(P);
    expect((await new PoolStore(reopened).finishedTasks(P)).map((row) => row.task.id)).toEqual(['task-1']);
  });

  test('a bulk action that fails part-way leaves everything as it was, with no undo step', async () => {
    const { db, pool, curation } = await curatedPool();
    // A damaged dataset page makes the action fail at its last write, after the tasks moved.
    const page = (await db.get('datasetPages', [P, 0]))!;
    await db.put('datasetPages', { ...page, rows: null as never });
    await expect(curation.apply(P, { kind: 'delete', taskIds: ['task-1', 'task-2'] })).rejects.toThrow();
    expect(await pool.counts(P)).toMatchObject({ accepted: 1, rejected: 1, instances: 1 });
    expect((await db.getAllKeys('tasks')).sort()).toEqual(['task-1', 'task-2']);
    expect(await db.count('trash')).toBe(0);
    expect(await curation.history(P)).toEqual([]);
  });

  test('deleting a project empties its trash and undo steps too', async () => {
    const { db, projects, curation } = await curatedPool();
    await curation.apply(P, { kind: 'delete', taskIds: ['task-1'] });
    await projects.remove(P);
    expect(await db.count('trash')).toBe(0);
    expect(await db.count('undo')).toBe(0);
  });
});

describe('bulk actions, close together or scattered', () => {
  const TASKS = 200;

  /** Finished tasks of one instance each, made in id order, as a run makes them. */
  async function manyTasks() {
    const fresh = await freshDatabase();
    await fresh.projects.write({ project: { id: P, name: 'P', created: 0 }, seeds: [], tasks: [], instances: [], calls: [], runs: [] });
    const ids = Array.from({ length: TASKS }, (_, i) => `task-${String(i).padStart(3, '0')}`);
    await fresh.pool.saveGeneration({
      call: callRow(P, 'call-1'),
      candidates: ids.map((id) => taskRow({ id, projectId: P, instanceCount: 1 })),
      instances: ids.map((id) => ({ id: `inst-${id}`, projectId: P, taskId: id, callId: 'call-1', input: '', output: `out ${id}` })),
    });
    return { ...fresh, ids, curation: new CurationStore(fresh.db) };
  }

  test.each([
    ['close together (one range read)', (ids: string[]) => ids.slice(50, 100)],
    ['scattered (one read each)', (ids: string[]) => ids.filter((_, i) => i % 5 === 0)],
    ['a few (one read each)', (ids: string[]) => [ids[0]!, ids[14]!, ids[29]!]],
  ])('%s: the trash keeps the instances out of the counts, the exports and a backup; undo brings every row back', async (_name, pick) => {
    const { ids, pool, projects, curation, db } = await manyTasks();
    const gone = pick(ids);
    const result = await curation.apply(P, { kind: 'delete', taskIds: gone });
    expect(result!.taskIds).toEqual(gone);
    expect(await pool.counts(P)).toMatchObject({ accepted: TASKS - gone.length, instances: TASKS - gone.length });
    const left = ids.filter((id) => !gone.includes(id));
    expect((await pool.finishedTasks(P)).map((row) => row.task.id)).toEqual(left);
    const backup = await projects.read(P);
    expect(backup.tasks.map((task) => task.id)).toEqual(left);
    expect(backup.instances.map((row) => row.taskId)).toEqual(left);
    // The trashed tasks keep their instance rows where they were, untouched.
    expect(await db.count('instances')).toBe(TASKS);
    expect((await pool.taskDetail(gone[0]!))!.instances.map((row) => row.output)).toEqual([`out ${gone[0]}`]);

    await curation.undo(P);
    expect(await pool.counts(P)).toMatchObject({ accepted: TASKS, instances: TASKS });
    expect((await pool.finishedTasks(P)).map((row) => [row.task.id, row.instances[0]!.output])).toEqual(ids.map((id) => [id, `out ${id}`]));
    expect(await db.count('trash')).toBe(0);
  });
});

describe('the loop meets a person’s change', () => {
  async function waitingTask() {
    const fresh = await curatedPool();
    const step: GenerationStep = { call: callRow(P, 'call-3'), candidates: [taskRow({ id: 'task-3', projectId: P, stage: 'instances', isClassification: false })], instances: [] };
    await fresh.pool.saveGeneration(step);
    const instances: StoredInstance[] = [{ id: 'i-loop', projectId: P, taskId: 'task-3', callId: 'call-4', input: 'in', output: 'out' }];
    const late = () => fresh.pool.saveTaskStep({ call: callRow(P, 'call-4', 'instances'), task: taskRow({ id: 'task-3', projectId: P, stage: 'done', isClassification: false, instanceCount: 1 }), instances });
    return { ...fresh, late };
  }

  test('a task deleted while the model wrote its instances stays in the trash; the call is kept', async () => {
    const { pool, curation, db, late } = await waitingTask();
    await curation.apply(P, { kind: 'delete', taskIds: ['task-3'] });
    await late();
    expect(await db.get('tasks', 'task-3')).toBeUndefined();
    expect(await db.get('calls', 'call-4')).toBeDefined();
    expect((await pool.finishedTasks(P)).map((row) => row.task.id)).toEqual(['task-1']);
  });

  test('a person’s edit of a waiting task is kept when the loop finishes it', async () => {
    const { pool, curation, late } = await waitingTask();
    await curation.apply(P, { kind: 'edit', taskId: 'task-3', edit: { instruction: 'Better words.', isClassification: true, instances: [] } });
    await curation.apply(P, { kind: 'review', taskIds: ['task-3'], reviewed: true });
    await late();
    const task = (await pool.taskDetail('task-3'))!.task;
    expect(task).toMatchObject({ stage: 'done', instruction: 'Better words.', isClassification: true, instanceCount: 1 });
    expect(task.reviewed).toBeGreaterThan(0);
    expect((await pool.finishedTasks(P)).at(-1)!.task.instruction).toBe('Better words.');
  });

  test('a task finished by hand keeps the person’s instances', async () => {
    const { pool, curation, late } = await waitingTask();
    await curation.apply(P, { kind: 'edit', taskId: 'task-3', edit: { instruction: 'Mine.', isClassification: false, instances: [{ input: '', output: 'by hand' }] } });
    await late();
    expect((await pool.taskDetail('task-3'))!.instances.map((row) => row.output)).toEqual(['by hand']);
    expect((await pool.finishedTasks(P)).filter((row) => row.task.id === 'task-3')).toHaveLength(1);
  });
});

test('a version 5 database upgrades to 6: its pages learn their task ids, so an edit finds its page', async () => {
  const factory = new IDBFactory();
  const v5 = await openReleasedVersion(factory, 5);
  const task = taskRow({ id: 'task-1', projectId: P, instanceCount: 1 });
  const page = { projectId: P, page: 0, rows: [{ task: { id: 'task-1', runId: 'run-1', instruction: task.instruction, created: 0 }, instances: [{ input: '', output: 'o' }] }] };
  await putRows(v5, {
    projects: [{ id: P, name: 'P', created: 0 }],
    tasks: [task],
    instances: [{ id: 'i1', projectId: P, taskId: 'task-1', callId: 'call-1', input: '', output: 'o' }],
    datasetPages: [page],
  });
  v5.close();
  const db = await openStudioDB(factory);
  expect(db.version).toBeGreaterThanOrEqual(6);
  expect((await db.get('datasetPages', [P, 0]))!.taskIds).toEqual(['task-1']);
  await new CurationStore(db).apply(P, { kind: 'edit', taskId: 'task-1', edit });
  const rows = await new PoolStore(db).finishedTasks(P);
  expect(rows.map((row) => row.task.instruction)).toEqual([edit.instruction]);
  expect(await new ProjectStore(db).list()).toHaveLength(1);
});
