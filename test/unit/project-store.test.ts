// Projects on fake-indexeddb: independent datasets that can be created, renamed, duplicated and
// deleted, each change in one transaction.
import { expect, test } from 'vitest';
import type { Task } from '../../src/lib/vocabulary';
import { defaultSettings } from '../../src/lib/method';
import type { PoolStore } from '../../src/lib/store';
import { everyMethodRequest, journalCall } from '../fixtures/journal-calls';
import { callRow, runRow, taskRow } from '../fixtures/pool-rows';
import { freshDatabase } from '../helpers/fresh-database';

/** A small pool: one accepted task with an instance, one task rejected as a near-copy of it. */
async function fillPool(pool: PoolStore, projectId: string): Promise<void> {
  const accepted: Task = taskRow({ projectId, id: 'task-1', instruction: 'Name a prime.', stage: 'instances', isClassification: false });
  const rejected: Task = taskRow({
    projectId,
    id: 'task-2',
    instruction: 'Name a prime number.',
    stage: 'rejected',
    reason: { rule: 'rouge', score: 0.86, nearest: { id: 'task-1', instruction: 'Name a prime.' } },
  });
  await pool.putSeeds(projectId, [{ id: 's1', name: 's', instruction: 'Add two numbers.', instances: [], isClassification: false }]);
  await pool.saveGeneration({ call: callRow(projectId, 'call-1'), candidates: [accepted, rejected], instances: [] });
  await pool.saveTaskStep({
    call: callRow(projectId, 'call-2'),
    task: { ...accepted, stage: 'done', instanceCount: 1 },
    instances: [{ id: 'inst-1', projectId, taskId: 'task-1', callId: 'call-2', input: '', output: '7' }],
  });
  await pool.saveRun(runRow({ id: 'run-1', projectId }));
}

test('creates projects with clean names and lists them oldest first', async () => {
  const { projects } = await freshDatabase();
  const a = await projects.create('  Recipes   dataset ');
  const b = await projects.create('');
  expect((await projects.list()).map((p) => [p.id, p.name])).toEqual([
    [a.id, 'Recipes dataset'],
    [b.id, 'Untitled dataset'],
  ]);
  await projects.rename(a.id, 'Cooking');
  expect((await projects.get(a.id))?.name).toBe('Cooking');
});

test('a project added under a taken name is marked, numbered, and kept within the name limit', async () => {
  const { projects } = await freshDatabase();
  const original = await projects.create('Recipes');
  const rows = await projects.read(original.id);
  const added = [
    await projects.adopt(rows, 'Recipes', 'restored'),
    await projects.adopt(rows, 'Recipes', 'restored'),
    await projects.adopt(rows, 'Recipes (restored)', 'restored'),
    await projects.adopt(rows, 'Elsewhere', 'restored'),
    await projects.duplicate(original.id, 'Recipes'),
  ];
  expect(added.map((project) => project.name)).toEqual(['Recipes (restored)', 'Recipes (restored 2)', 'Recipes (restored 3)', 'Elsewhere', 'Recipes (copy)']);
  const long = 'x'.repeat(120);
  await projects.create(long);
  const copy = await projects.duplicate(original.id, long);
  expect(copy.name).toBe(`${'x'.repeat(113)} (copy)`);
});

test('ensureOne creates a first project only when there is none', async () => {
  const { projects } = await freshDatabase();
  const first = await projects.ensureOne('My dataset');
  expect(await projects.ensureOne('Other')).toEqual(first);
  expect(await projects.list()).toHaveLength(1);
});

test('a duplicate copies every row under new ids, with its references followed, and leaves the original alone', async () => {
  const { projects, pool } = await freshDatabase();
  const original = await projects.create('Original');
  await fillPool(pool, original.id);
  const copy = await projects.duplicate(original.id, 'Copy');

  expect(await pool.counts(copy.id)).toEqual(await pool.counts(original.id));
  const copied = await projects.read(copy.id);
  const source = await projects.read(original.id);
  expect(copied.tasks.map((t) => t.id).some((id) => source.tasks.some((s) => s.id === id))).toBe(false);
  const [finished] = await pool.finishedTasks(copy.id);
  expect(finished?.task.id).toBe(copied.tasks.find((t) => t.stage === 'done')?.id);
  expect(finished?.instances).toEqual([{ input: '', output: '7' }]);
  expect(finished?.modelId).toBe('m');
  const rejected = copied.tasks.find((t) => t.stage === 'rejected');
  expect(rejected?.reason?.rule === 'rouge' && rejected.reason.nearest.id).toBe(finished?.task.id);
  expect(copied.seeds.map((s) => s.id)).toEqual(['s1']);
  expect(await projects.read(original.id)).toEqual(source);
});

test('deleting a project removes all its rows and nothing of another project', async () => {
  const { projects, pool } = await freshDatabase();
  const keep = await projects.create('Keep');
  const drop = await projects.create('Drop');
  await fillPool(pool, keep.id);
  await pool.saveRun(runRow({ id: 'run-x', projectId: drop.id, status: 'paused' }));
  const other = await projects.duplicate(keep.id, 'Other');
  const before = await projects.read(keep.id);
  const keptDataset = await pool.finishedTasks(keep.id);
  expect(await pool.finishedTasks(other.id)).toHaveLength(1);
  await projects.remove(other.id);
  await projects.remove(drop.id);
  expect((await projects.list()).map((p) => p.id)).toEqual([keep.id]);
  expect(await pool.counts(other.id)).toEqual({ seeds: 0, accepted: 0, rejected: 0, pending: 0, instances: 0, generationCalls: 0 });
  expect(await pool.latestRun(drop.id)).toBeUndefined();
  expect(await pool.finishedTasks(other.id)).toEqual([]);
  expect(await projects.read(keep.id)).toEqual(before);
  expect(await pool.finishedTasks(keep.id)).toEqual(keptDataset);
});

test('writing a project whose ids are taken writes nothing', async () => {
  const { projects, pool } = await freshDatabase();
  const original = await projects.create('Original');
  await fillPool(pool, original.id);
  const rows = await projects.read(original.id);
  const clash = { ...rows, project: { ...rows.project, id: 'project-new' } };
  await expect(projects.write(clash)).rejects.toMatchObject({ name: 'StorageError', reason: 'storage-conflict' });
  expect(await projects.get('project-new')).toBeUndefined();
});

test('a project keeps the method settings saved for it, and a duplicate copies them', async () => {
  const { projects } = await freshDatabase();
  const project = await projects.create('Settings');
  const settings = { ...defaultSettings('alpaca'), rougeThreshold: 0.6 };
  await projects.saveSettings(project.id, settings);
  expect((await projects.get(project.id))?.settings).toEqual(settings);
  const copy = await projects.duplicate(project.id, 'Copy');
  expect((await projects.get(copy.id))?.settings).toEqual(settings);
});

test('the call journal: a duplicate reads back the same calls under new ids and their token totals, and deleting a project deletes its parts and totals only', async () => {
  const { db, projects, pool } = await freshDatabase();
  const original = await projects.create('Original');
  const made = everyMethodRequest().map((request, i) => {
    const call = journalCall(original.id, `call-${String(i).padStart(2, '0')}`, request);
    return { ...call, result: { ...call.result, promptTokens: 10 + i, completionTokens: i } };
  });
  // read() lists calls by purpose, then id.
  const calls = made.toSorted((a, b) => a.purpose.localeCompare(b.purpose) || a.id.localeCompare(b.id));
  for (const [i, call] of made.entries()) {
    await pool.saveGeneration({ call, candidates: [taskRow({ id: `task-${i}`, projectId: original.id, callId: call.id, stage: 'classify' })], instances: [] });
  }
  const copy = await projects.duplicate(original.id, 'Copy');
  const partsOf = async (projectId: string) => (await db.getAll('parts')).filter((part) => part.projectId === projectId);
  expect((await projects.read(original.id)).calls).toStrictEqual(calls);
  expect((await projects.read(copy.id)).calls).toStrictEqual(calls.map((call) => ({ ...call, id: `${call.id}~${copy.id}`, projectId: copy.id, runId: call.runId })));
  const kept = await partsOf(original.id);
  expect(kept.length).toBeGreaterThan(0);
  expect((await partsOf(copy.id)).map((part) => part.text)).toEqual(kept.map((part) => part.text));
  const tokens = await pool.tokenUsage(original.id);
  expect(tokens).toEqual({ promptTokens: calls.reduce((sum, call) => sum + call.result.promptTokens, 0), completionTokens: calls.reduce((sum, call) => sum + call.result.completionTokens, 0) });
  expect(tokens.promptTokens).toBeGreaterThan(0);
  expect(await pool.tokenUsage(copy.id)).toEqual(tokens);

  await projects.remove(copy.id);
  expect(await partsOf(copy.id)).toEqual([]);
  expect(await partsOf(original.id)).toEqual(kept);
  expect((await projects.read(original.id)).calls).toStrictEqual(calls);
  expect(await db.get('callTokens', copy.id)).toBeUndefined();
  expect(await pool.tokenUsage(original.id)).toEqual(tokens);
});
