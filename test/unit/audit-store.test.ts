// What an audit reads from the store: the judgeable tasks with their instance counts, and the
// sampled tasks as they are now (a deleted one absent, an edited one with its new text and time).
import { expect, test } from 'vitest';
import { CurationStore, QualityStore } from '../../src/lib/store';
import { freshDatabase } from '../helpers/fresh-database';
import { callRow, taskRow } from '../fixtures/pool-rows';

async function pool() {
  const { db, pool } = await freshDatabase();
  await pool.saveGeneration({
    call: callRow('p1', 'call-1'),
    candidates: [
      taskRow({ id: 't2', stage: 'done', instanceCount: 2 }),
      taskRow({ id: 't1', stage: 'done', instanceCount: 1 }),
      taskRow({ id: 't3', stage: 'instances' }),
      taskRow({ id: 't4', stage: 'rejected', reason: { rule: 'too-short', detail: '2 words' } }),
      taskRow({ id: 'o1', projectId: 'p2', stage: 'done', instanceCount: 1 }),
    ],
    instances: [
      { id: 'i1', projectId: 'p1', taskId: 't1', input: '', output: 'one' },
      { id: 'i2', projectId: 'p1', taskId: 't2', input: 'a', output: 'first' },
      { id: 'i3', projectId: 'p1', taskId: 't2', input: 'b', output: 'second' },
      { id: 'i4', projectId: 'p2', taskId: 'o1', input: '', output: 'other' },
    ],
  });
  return { quality: new QualityStore(db), curation: new CurationStore(db) };
}

test('the auditable tasks are the project’s finished ones in creation order, with their instance counts', async () => {
  const { quality } = await pool();
  expect(await quality.auditableTasks('p1')).toEqual([
    { taskId: 't1', instanceCount: 1 },
    { taskId: 't2', instanceCount: 2 },
  ]);
});

test('a deleted task leaves the auditable tasks and reads as absent; an edited one reads as it is now', async () => {
  const { quality, curation } = await pool();
  expect(await quality.auditedTasks(['t2', 't3', 'missing'])).toEqual(
    new Map([['t2', { instruction: 'Instruction t2', instances: [{ input: 'a', output: 'first' }, { input: 'b', output: 'second' }] }]]),
  );
  await curation.apply('p1', { kind: 'delete', taskIds: ['t1'] });
  await curation.apply('p1', { kind: 'edit', taskId: 't2', edit: { instruction: 'Say it twice.', isClassification: false, instances: [{ input: 'a', output: 'first' }, { input: 'b', output: 'second' }] } });
  expect((await quality.auditableTasks('p1')).map((task) => task.taskId)).toEqual(['t2']);
  const now = await quality.auditedTasks(['t1', 't2']);
  expect(now.has('t1')).toBe(false);
  expect(now.get('t2')).toMatchObject({ instruction: 'Say it twice.', edited: expect.any(Number) });
  expect(now.get('t2')!.instances).toHaveLength(2);
});
