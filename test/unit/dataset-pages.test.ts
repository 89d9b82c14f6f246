// The dataset pages the exports read (src/lib/store/dataset-pages.ts), on fake-indexeddb: written
// with the steps that finish tasks, in full pages, in creation order, never apart from their rows.
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, test } from 'vitest';
import type { StoredInstance, Task } from '../../src/lib/vocabulary';
import { openStudioDB, PoolStore, type StudioDatabase } from '../../src/lib/store';
import { PAGES_PER_PART, ROWS_PER_PAGE } from '../../src/lib/store/dataset-pages';
import type { ExportRow } from '../../src/lib/vocabulary';
import { callRow, runRow, taskRow } from '../fixtures/pool-rows';
import { freshDatabase } from '../helpers/fresh-database';
import { openReleasedVersion, putRows } from '../helpers/frozen-schemas';

const PROJECT = 'p1';

function finished(n: number, projectId = PROJECT): { task: Task; instances: StoredInstance[] } {
  const id = `task-${String(n).padStart(4, '0')}`;
  const instances = Array.from({ length: n % 3 }, (_, i) => ({ id: `${id}-i${i}`, projectId, taskId: id, callId: `call-${id}`, input: `in ${n}.${i}`, output: `out ${n}.${i}` }));
  return { task: taskRow({ id, projectId, stage: 'done', isClassification: n % 2 === 0, instanceCount: instances.length, created: n }), instances };
}

/** The task step that finishes `n`, after the generation step that proposed it. */
async function finish(pool: PoolStore, n: number): Promise<void> {
  const { task, instances } = finished(n);
  await pool.saveGeneration({ call: callRow(PROJECT, `gen-${task.id}`), candidates: [{ ...task, stage: 'instances' }], instances: [] });
  await pool.saveTaskStep({ call: callRow(PROJECT, `call-${task.id}`, 'instances'), task, instances });
}

function pageSizes(db: StudioDatabase, projectId = PROJECT): Promise<number[]> {
  return db.getAll('datasetPages', IDBKeyRange.bound([projectId], [projectId, []])).then((pages) => pages.map((page) => page.rows.length));
}

describe('dataset pages', () => {
  test('each finished task is added to the last page until it is full, then to a new one', async () => {
    const { db, pool } = await freshDatabase();
    await pool.saveRun(runRow({ id: 'run-1', projectId: PROJECT }));
    const count = ROWS_PER_PAGE * 2 + 7;
    for (let n = 1; n <= count; n++) await finish(pool, n);
    expect(await pageSizes(db)).toEqual([ROWS_PER_PAGE, ROWS_PER_PAGE, 7]);
    const rows = await pool.finishedTasks(PROJECT);
    expect(rows.map(({ task }) => task.id)).toEqual(Array.from({ length: count }, (_, i) => finished(i + 1).task.id));
    expect(rows[4]).toEqual({
      task: { id: 'task-0005', runId: 'run-1', instruction: 'Instruction task-0005', created: 5, isClassification: false },
      instances: [
        { input: 'in 5.0', output: 'out 5.0' },
        { input: 'in 5.1', output: 'out 5.1' },
      ],
      modelId: 'm',
    });
  });

  test('tasks finished out of creation order are read oldest first', async () => {
    const { pool } = await freshDatabase();
    for (const n of [3, 1, 2]) await finish(pool, n);
    expect((await pool.finishedTasks(PROJECT)).map(({ task }) => task.id)).toEqual(['task-0001', 'task-0002', 'task-0003']);
  });

  test('a generation step that finishes tasks at once (Alpaca style) pages them with their own instances', async () => {
    const { pool } = await freshDatabase();
    const [a, b] = [finished(4), finished(5)];
    const rejected = taskRow({ id: 'task-0006', stage: 'rejected', reason: { rule: 'too-short', detail: '2 words' } });
    await pool.saveGeneration({ call: callRow(PROJECT, 'gen'), candidates: [a.task, b.task, rejected], instances: [...a.instances, ...b.instances] });
    const rows = await pool.finishedTasks(PROJECT);
    expect(rows.map(({ task, instances }) => [task.id, instances.map((i) => i.output)])).toEqual([
      ['task-0004', ['out 4.0']],
      ['task-0005', ['out 5.0', 'out 5.1']],
    ]);
  });

  test('a step that fails writes no page', async () => {
    const { pool } = await freshDatabase();
    await finish(pool, 1);
    const { task, instances } = finished(2);
    // The call id is taken, so the step fails, and its page goes with the rest of it.
    const failing = pool.saveTaskStep({ call: callRow(PROJECT, 'call-task-0001'), task, instances });
    await expect(failing).rejects.toMatchObject({ name: 'StorageError' });
    expect((await pool.finishedTasks(PROJECT)).map(({ task }) => task.id)).toEqual(['task-0001']);
  });

  test('a written project (a copy or a restored backup) gets pages made from its rows, in full pages', async () => {
    const { db, projects } = await freshDatabase();
    const project = { id: 'restored', name: 'Restored', created: 0 };
    const rows = Array.from({ length: ROWS_PER_PAGE + 1 }, (_, i) => finished(ROWS_PER_PAGE + 1 - i, project.id));
    const pending = taskRow({ id: 'task-9999', projectId: project.id, stage: 'instances' });
    await projects.write({
      project,
      seeds: [],
      tasks: [...rows.map((row) => row.task), pending],
      instances: rows.flatMap((row) => row.instances),
      calls: [],
      runs: [],
    });
    expect(await pageSizes(db, project.id)).toEqual([ROWS_PER_PAGE, 1]);
    const read = await new PoolStore(db).finishedTasks(project.id);
    expect(read.map(({ task }) => task.id)).toEqual(rows.map((row) => row.task.id).reverse());
    expect(read.every(({ modelId }) => modelId === 'unknown')).toBe(true);
  });

  test('read in parts, the rows come in page order, a part per PAGES_PER_PART pages, as the same objects the sorted result holds', async () => {
    const { db, projects } = await freshDatabase();
    const project = { id: 'big', name: 'Big', created: 0 };
    const count = PAGES_PER_PART * ROWS_PER_PAGE + 1;
    const rows = Array.from({ length: count }, (_, i) => finished(i + 1, project.id));
    await projects.write({ project, seeds: [], tasks: rows.map((row) => row.task), instances: rows.flatMap((row) => row.instances), calls: [], runs: [] });
    const parts: (readonly ExportRow[])[] = [];
    const read = await new PoolStore(db).finishedTasks(project.id, (part) => parts.push(part));
    expect(parts.map((part) => part.length)).toEqual([PAGES_PER_PART * ROWS_PER_PAGE, 1]);
    expect(parts.flat()).toEqual(read);
    parts.flat().forEach((row, i) => expect(row).toBe(read[i]));
  });

  test('read in parts, pages whose tasks are out of creation order come as stored, and the result is still sorted', async () => {
    const { pool } = await freshDatabase();
    for (const n of [3, 1, 2]) await finish(pool, n);
    const parts: (readonly ExportRow[])[] = [];
    const read = await pool.finishedTasks(PROJECT, (part) => parts.push(part));
    expect(parts.flat().map(({ task }) => task.id)).toEqual(['task-0003', 'task-0001', 'task-0002']);
    expect(read.map(({ task }) => task.id)).toEqual(['task-0001', 'task-0002', 'task-0003']);
  });

  test('read in parts, a project without finished tasks hands over nothing', async () => {
    const { pool } = await freshDatabase();
    const parts: (readonly ExportRow[])[] = [];
    expect(await pool.finishedTasks(PROJECT, (part) => parts.push(part))).toEqual([]);
    expect(parts).toEqual([]);
  });
});

test('a version 2 database upgrades to pages that hold every finished task of every project', async () => {
  const factory = new IDBFactory();
  const v2 = await openReleasedVersion(factory, 2);
  const rows: { projects: unknown[]; tasks: unknown[]; instances: unknown[] } = { projects: [], tasks: [], instances: [] };
  for (const projectId of ['a', 'b']) {
    rows.projects.push({ id: projectId, name: projectId, created: 0 });
    for (let n = 1; n <= (projectId === 'a' ? ROWS_PER_PAGE + 2 : 3); n++) {
      const { task, instances } = finished(n, projectId);
      rows.tasks.push({ ...task, id: `${projectId}-${task.id}` });
      for (const instance of instances) rows.instances.push({ ...instance, id: `${projectId}-${instance.id}`, taskId: `${projectId}-${task.id}` });
    }
    rows.tasks.push(taskRow({ id: `${projectId}-rejected`, projectId, stage: 'rejected', reason: { rule: 'too-long', detail: '151 words' } }));
  }
  await putRows(v2, rows);
  v2.close();

  const db = await openStudioDB(factory);
  expect(await pageSizes(db, 'a')).toEqual([ROWS_PER_PAGE, 2]);
  const pool = new PoolStore(db);
  const b = await pool.finishedTasks('b');
  expect(b.map(({ task, instances }) => [task.id, instances.length])).toEqual([
    ['b-task-0001', 1],
    ['b-task-0002', 2],
    ['b-task-0003', 0],
  ]);
  expect(await pool.counts('a')).toMatchObject({ accepted: ROWS_PER_PAGE + 2, rejected: 1 });
});
