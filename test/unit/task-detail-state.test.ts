// TaskDetailState (src/ui/pool/task-detail-state.svelte.ts) on fake-indexeddb: a candidate opened with
// its instances and every model call behind it, and one that is gone.
import { expect, test } from 'vitest';
import { TaskDetailState } from '../../src/ui/pool/task-detail-state.svelte';
import { callRow, taskRow } from '../fixtures/pool-rows';
import { freshDatabase } from '../helpers/fresh-database';
import { observe } from '../helpers/observe.svelte';

const PROJECT = 'p1';

async function poolWithOneTask() {
  const { pool } = await freshDatabase();
  await pool.saveGeneration({ call: callRow(PROJECT, 'call-1'), candidates: [taskRow({ id: 't1', stage: 'instances' })], instances: [] });
  const instances = [{ id: 'i1', projectId: PROJECT, taskId: 't1', callId: 'call-2', input: 'in', output: 'out' }];
  await pool.saveTaskStep({ call: callRow(PROJECT, 'call-2', 'instances'), task: taskRow({ id: 't1', instanceCount: 1 }), instances });
  return pool;
}

test('opening a candidate shows it with its instances and the calls behind it, and closing hides it', async () => {
  const inspector = new TaskDetailState(await poolWithOneTask());
  const shown = observe(() => inspector.detail?.task.id);
  await inspector.open('t1');
  expect(inspector.detail?.instances.map(({ input, output }) => [input, output])).toEqual([['in', 'out']]);
  expect(inspector.detail?.calls.map((call) => call.purpose)).toEqual(['instructions', 'instances']);
  expect(inspector.error).toBeUndefined();
  inspector.close();
  expect(shown()).toEqual([undefined, 't1', undefined]);
});

test('a candidate no longer in the pool says so instead of showing anything', async () => {
  const inspector = new TaskDetailState(await poolWithOneTask());
  await inspector.open('gone');
  expect(inspector.detail).toBeUndefined();
  expect(inspector.error).toBe('That candidate is no longer in the pool.');
  await inspector.open('t1');
  expect(inspector.error).toBeUndefined();
});
