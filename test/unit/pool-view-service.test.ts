// The pool view service over fake-indexeddb, on its own connection as in its worker: a project
// read whole, snapshots that stay frozen while a run adds rows, "N new", and rows read again.
import { describe, expect, test } from 'vitest';
import { connectWorker, PoolViewClient } from '../../src/lib/clients';
import { defaultSettings } from '../../src/lib/method';
import { createPoolViewService, DEFAULT_QUERY, type PoolQuery, type PoolViewApi } from '../../src/lib/pool-view';
import { CurationStore, openStudioDB, type PoolStore } from '../../src/lib/store';
import type { GenerationStep, StoredInstance, Task } from '../../src/lib/vocabulary';
import { callRow, RUN_CONFIG, runRow, taskRow } from '../fixtures/pool-rows';
import { useChannels } from '../helpers/comlink-channels';
import { freshDatabase, type FreshDatabase } from '../helpers/fresh-database';

const serve = useChannels();

const PROJECT = 'p1';
const q = (fields: Partial<PoolQuery> = {}): PoolQuery => ({ ...DEFAULT_QUERY, ...fields });

function task(n: number, fields: Partial<Task> = {}): Task {
  return taskRow({ id: `task-${String(n).padStart(3, '0')}`, projectId: PROJECT, created: n, instruction: `Instruction number ${n}.`, ...fields });
}

function instance(taskId: string, input: string, output: string): StoredInstance {
  return { id: `inst-${taskId}-${output}`, projectId: PROJECT, taskId, callId: 'call-x', input, output };
}

let calls = 0;
function step(tasks: Task[], instances: StoredInstance[] = []): GenerationStep {
  return { call: callRow(PROJECT, `call-${String(++calls).padStart(3, '0')}`), candidates: tasks, instances };
}

/** A project with a run and three tasks: two finished with instances, one rejected. */
async function project(): Promise<{ fresh: FreshDatabase; view: PoolViewApi }> {
  const fresh = await freshDatabase();
  await fresh.pool.saveRun(runRow({ id: 'run-1', projectId: PROJECT, started: 1 }));
  await fresh.pool.saveGeneration(
    step(
      [task(1, { instruction: 'Translate to French.', instanceCount: 1 }), task(2, { instruction: 'Name a café.', instanceCount: 1 }), task(3, { stage: 'rejected', reason: { rule: 'too-short', detail: '2 words' } })],
      [instance('task-001', 'Good morning', 'Bonjour'), instance('task-002', '', 'Café de Flore')],
    ),
  );
  await fresh.pool.saveGeneration(step([task(10, { projectId: 'other' })]));
  const view = createPoolViewService(() => openStudioDB(fresh.factory));
  return { fresh, view };
}

async function shown(view: PoolViewApi, query: Partial<PoolQuery> = {}): Promise<string[]> {
  const { token } = await view.query(q(query));
  return view.ids(token);
}

describe('createPoolViewService', () => {
  test('open reads the project’s tasks, their instances and its runs', async () => {
    const { view } = await project();
    expect(await view.open(PROJECT)).toEqual({ rows: 3, runs: [{ id: 'run-1', started: 1, modelId: RUN_CONFIG.modelId, strategy: 'self-instruct' }] });
    const { token, counts } = await view.query(q());
    expect(counts).toMatchObject({ matching: 3, status: { kept: 3, accepted: 2, rejected: 1, pending: 0 }, run: { 'run-1': 3 } });
    const rows = await view.rows(token, 1, 3);
    expect(rows.map((row) => row.id)).toEqual(['task-002', 'task-001']);
    expect(rows[1]).toMatchObject({ instruction: 'Translate to French.', instances: 1, withInput: true, strategy: 'self-instruct', status: 'accepted' });
  });

  test('a search finds words in instances too, without caring for case or accents', async () => {
    const { view } = await project();
    await view.open(PROJECT);
    expect(await shown(view, { search: 'BONJ' })).toEqual(['task-001']);
    expect(await shown(view, { search: 'cafe flo' })).toEqual(['task-002']);
    expect(await shown(view, { search: 'number' })).toEqual(['task-003']);
  });

  test('a snapshot stays as it was while a run adds rows; newSince counts the matching new ones', async () => {
    const { fresh, view } = await project();
    await view.open(PROJECT);
    const { token } = await view.query(q());
    const accepted = await view.query(q({ status: 'accepted' }));
    await fresh.pool.saveGeneration(step([task(4, { stage: 'classify' }), task(5, { stage: 'rejected', reason: { rule: 'too-long', detail: '99 words' } })]));
    expect(await view.syncNewer()).toBe(2);
    expect(await view.ids(token)).toEqual(['task-003', 'task-002', 'task-001']);
    expect((await view.rows(token, 0, 10)).map((row) => row.id)).toEqual(['task-003', 'task-002', 'task-001']);
    expect(await view.newSince(token)).toBe(2);
    expect(await view.newSince(accepted.token)).toBe(0);
    expect(await shown(view)).toEqual(['task-005', 'task-004', 'task-003', 'task-002', 'task-001']);
    expect(await view.syncNewer()).toBe(0);
  });

  test('syncNewer reads pending tasks again, so a task the run finishes shows finished', async () => {
    const { fresh, view } = await project();
    await fresh.pool.saveGeneration(step([task(4, { stage: 'classify' })]));
    await view.open(PROJECT);
    expect(await shown(view, { status: 'pending' })).toEqual(['task-004']);
    await finish(fresh.pool, task(4), [instance('task-004', 'in', 'Out there')]);
    expect(await view.syncNewer()).toBe(0);
    expect(await shown(view, { status: 'pending' })).toEqual([]);
    expect(await shown(view, { status: 'accepted', search: 'there' })).toEqual(['task-004']);
  });

  test('a task from a new run gets that run’s strategy', async () => {
    const { fresh, view } = await project();
    await view.open(PROJECT);
    await fresh.pool.saveRun(runRow({ id: 'run-2', projectId: PROJECT, started: 2, config: { ...RUN_CONFIG, settings: defaultSettings('alpaca') } }));
    await fresh.pool.saveGeneration(step([task(4, { runId: 'run-2' }), task(5, { runId: 'run-gone' })]));
    await view.syncNewer();
    const { token } = await view.query(q({ run: 'run-2' }));
    expect(await view.rows(token, 0, 1)).toMatchObject([{ id: 'task-004', strategy: 'alpaca' }]);
    const [unknown] = await view.rows((await view.query(q({ run: 'run-gone' }))).token, 0, 1);
    expect(unknown?.strategy).toBe('unknown');
  });

  test('sync reads tasks again: a change shows in later windows of an old snapshot, a task gone is left out', async () => {
    const { fresh, view } = await project();
    await view.open(PROJECT);
    const { token } = await view.query(q());
    await fresh.db.put('tasks', { ...task(2, { instruction: 'Name a bakery.', instanceCount: 1 }), edited: 7 });
    await fresh.db.delete('tasks', 'task-003');
    await view.sync(['task-002', 'task-003']);
    expect((await view.rows(token, 0, 3)).map((row) => [row.id, row.edited])).toEqual([
      ['task-002', true],
      ['task-001', false],
    ]);
    expect(await shown(view, { search: 'bakery' })).toEqual(['task-002']);
    expect(await shown(view, { search: 'cafe' })).toEqual(['task-002']);
    expect(await shown(view)).toEqual(['task-002', 'task-001']);
  });

  test('deleted tasks come from the trash, at open and after the action, and a restore brings them back', async () => {
    const { fresh, view } = await project();
    const curation = new CurationStore(fresh.db);
    await curation.apply(PROJECT, { kind: 'delete', taskIds: ['task-001'] });
    await view.open(PROJECT);
    expect(await shown(view)).toEqual(['task-003', 'task-002']);
    expect(await shown(view, { status: 'deleted', search: 'bonjour' })).toEqual(['task-001']);
    const deleted = await curation.apply(PROJECT, { kind: 'delete', taskIds: ['task-002', 'task-003'] });
    await view.sync(deleted!.taskIds);
    const { token, counts } = await view.query(q({ status: 'deleted' }));
    expect(counts.status).toMatchObject({ kept: 0, deleted: 3 });
    expect((await view.rows(token, 0, 3)).map((row) => [row.id, row.status, row.instances])).toEqual([
      ['task-003', 'deleted', 0],
      ['task-002', 'deleted', 1],
      ['task-001', 'deleted', 1],
    ]);
    const undone = await curation.undo(PROJECT);
    await view.sync(undone!.taskIds);
    expect(await shown(view)).toEqual(['task-003', 'task-002']);
  });

  test('an action and its undo through the service change the store and the open rows at once, and answer without the states', async () => {
    const { fresh, view } = await project();
    await view.open(PROJECT);
    const applied = await view.apply(PROJECT, { kind: 'delete', taskIds: ['task-001', 'task-003'] });
    expect(applied).toMatchObject({ taskIds: ['task-001', 'task-003'], step: { label: 'Deleted 2 tasks' } });
    expect(applied).not.toHaveProperty('states');
    expect(await shown(view, { status: 'deleted' })).toEqual(['task-003', 'task-001']);
    expect(await fresh.pool.counts(PROJECT)).toMatchObject({ accepted: 1, rejected: 0 });
    expect((await view.history(PROJECT)).map((entry) => entry.label)).toEqual(['Deleted 2 tasks']);
    await view.undo(PROJECT);
    expect(await shown(view)).toEqual(['task-003', 'task-002', 'task-001']);
    expect(await view.apply(PROJECT, { kind: 'restore', taskIds: ['task-001'] })).toBeUndefined();
  });

  test('sync of many tasks, close together or scattered, reads each as it is now', async () => {
    const { fresh, view } = await project();
    const many = Array.from({ length: 200 }, (_, i) => task(100 + i, { instanceCount: 1 }));
    await fresh.pool.saveGeneration(step(many, many.map((t) => instance(t.id, '', `Answer ${t.created}`))));
    await view.open(PROJECT);
    const curation = new CurationStore(fresh.db);
    const close = many.slice(10, 60).map((t) => t.id);
    const scattered = many.filter((_, i) => i % 6 === 1).map((t) => t.id);
    for (const ids of [close, scattered]) {
      const deleted = await curation.apply(PROJECT, { kind: 'delete', taskIds: ids });
      await view.sync([...deleted!.taskIds, 'task-001', 'task-gone']);
      expect(new Set(await shown(view, { status: 'deleted' }))).toEqual(new Set(ids));
      const undone = await curation.undo(PROJECT);
      await view.sync(undone!.taskIds);
      expect(await shown(view, { status: 'deleted' })).toEqual([]);
      expect(await shown(view, { search: `answer ${many[11]!.created}` })).toEqual([many[11]!.id]);
    }
    expect(await shown(view, { search: 'answer' })).toHaveLength(200);
  });

  test('only the latest snapshots are kept', async () => {
    const { view } = await project();
    await view.open(PROJECT);
    const first = await view.query(q());
    for (let i = 0; i < 8; i++) await view.query(q({ search: `x${i}` }));
    await expect(view.rows(first.token, 0, 1)).rejects.toThrow(/query again/);
  });

  test('every verb but open needs an open project; opening another project starts over', async () => {
    const { view } = await project();
    await expect(view.query(q())).rejects.toThrow(/open first/);
    await view.open(PROJECT);
    const { token } = await view.query(q());
    expect(await view.open('other')).toEqual({ rows: 1, runs: [] });
    await expect(view.ids(token)).rejects.toThrow(/query again/);
    expect(await shown(view)).toEqual(['task-010']);
  });
});

test('the page’s client reaches the service through comlink as through the worker', async () => {
  const { view } = await project();
  const client = new PoolViewClient(connectWorker<PoolViewApi>(serve(view).worker, 'pool view worker'));
  expect((await client.open(PROJECT)).rows).toBe(3);
  const { token, counts } = await client.query(q({ search: 'french' }));
  expect(counts.matching).toBe(1);
  expect(await client.rows(token, 0, 1)).toMatchObject([{ id: 'task-001', instruction: 'Translate to French.' }]);
  expect(await client.newSince(token)).toBe(0);
});

/** The run's classify and instances steps for a task, as the loop writes them. */
async function finish(pool: PoolStore, pending: Task, instances: StoredInstance[]): Promise<void> {
  await pool.saveTaskStep({ call: callRow(PROJECT, `call-${String(++calls).padStart(3, '0')}`, 'instances'), task: { ...pending, stage: 'done', instanceCount: instances.length }, instances });
}
