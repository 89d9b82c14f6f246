// TaskDetailState (src/ui/pool/task-detail-state.svelte.ts) on fake-indexeddb and the real
// CurationStore: a candidate opened with its instances and calls, edited, deleted, restored,
// accepted and marked reviewed, each read back as stored; a candidate that is gone.
import { expect, test } from 'vitest';
import { CurationStore } from '../../src/lib/store';
import { CurationState } from '../../src/ui/pool/curation-state.svelte';
import { NearDuplicateCheck } from '../../src/ui/pool/near-duplicate-check.svelte';
import { TaskDetailState } from '../../src/ui/pool/task-detail-state.svelte';
import { callRow, taskRow } from '../fixtures/pool-rows';
import { useLocalStorage } from '../helpers/browser-globals';
import { freshDatabase } from '../helpers/fresh-database';
import { observe } from '../helpers/observe.svelte';

const PROJECT = 'p1';
// Unsaved edits are written down in localStorage.
useLocalStorage();

async function poolWithTasks() {
  const { db, pool } = await freshDatabase();
  const rejected = taskRow({ id: 't2', stage: 'rejected', reason: { rule: 'too-short', detail: '2 words' }, instruction: 'Be brief.' });
  await pool.saveGeneration({ call: callRow(PROJECT, 'call-1'), candidates: [taskRow({ id: 't1', stage: 'instances' }), rejected], instances: [] });
  const instances = [{ id: 'i1', projectId: PROJECT, taskId: 't1', callId: 'call-2', input: 'in', output: 'out' }];
  await pool.saveTaskStep({ call: callRow(PROJECT, 'call-2', 'instances'), task: taskRow({ id: 't1', instanceCount: 1 }), instances });
  return { db, pool };
}

/** The detail wired as the page wires it: its actions go through the curation, which has it follow them. */
async function detailOnStore() {
  const { db, pool } = await poolWithTasks();
  const nearest = { nearest: async () => ({ novel: true, score: 0, nearest: null }) };
  const none = async () => {};
  const curation: CurationState = new CurationState(new CurationStore(db), PROJECT, {
    view: { refresh: none, readAgain: none },
    detail: { follow: (ids) => inspector.follow(ids) },
    novelty: { update: async () => true },
    run: { refresh: none, poolChanged: () => {} },
    tabs: { publish: () => {}, subscribe: () => () => {} },
  });
  const inspector: TaskDetailState = new TaskDetailState(pool, curation, new NearDuplicateCheck(nearest, PROJECT, none));
  return { pool, curation, inspector };
}

test('opening a candidate shows it with its instances and the calls behind it, and closing hides it', async () => {
  const { inspector } = await detailOnStore();
  const shown = observe(() => inspector.detail?.task.id);
  await inspector.open('t1');
  expect(inspector.detail?.instances.map(({ input, output }) => [input, output])).toEqual([['in', 'out']]);
  expect(inspector.detail?.calls.map((call) => call.purpose)).toEqual(['instructions', 'instances']);
  expect(inspector.draft).toEqual({ instruction: 'Instruction t1', isClassification: false, instances: [{ input: 'in', output: 'out' }] });
  expect([inspector.error, inspector.changed]).toEqual([undefined, false]);
  inspector.close();
  expect(shown()).toEqual([undefined, 't1', undefined]);
});

test('a candidate no longer in the pool says so instead of showing anything', async () => {
  const { inspector } = await detailOnStore();
  await inspector.open('gone');
  expect(inspector.detail).toBeUndefined();
  expect(inspector.error).toBe('That candidate is no longer in the pool.');
  await inspector.show('t1');
  expect(inspector.error).toBeUndefined();
});

test('an edit is saved as one undo step; the model’s original stays, and the form shows what is stored', async () => {
  const { inspector, curation } = await detailOnStore();
  await inspector.open('t1');
  inspector.setInstruction('  Name a spice.  ');
  inspector.draft.isClassification = true;
  inspector.draft.instances[0]!.output = 'Cumin';
  inspector.addInstance();
  inspector.draft.instances[1]!.output = 'Saffron';
  expect(inspector.changed).toBe(true);
  await inspector.save();
  const task = inspector.detail!.task;
  expect([task.instruction, task.isClassification, task.edited !== undefined]).toEqual(['Name a spice.', true, true]);
  expect(task.original).toEqual({ instruction: 'Instruction t1', instances: [{ input: 'in', output: 'out' }] });
  expect(inspector.detail!.instances.map((instance) => instance.output)).toEqual(['Cumin', 'Saffron']);
  expect(inspector.changed).toBe(false);
  expect(curation.notice?.undoable).toBe(true);

  await curation.undo();
  expect(inspector.detail!.task.instruction).toBe('Instruction t1');
  expect(inspector.draft.instances).toEqual([{ input: 'in', output: 'out' }]);
});

test('an instruction left empty, or an instance without an output, is not saved and says why', async () => {
  const { inspector, pool } = await detailOnStore();
  await inspector.open('t1');
  inspector.setInstruction('   ');
  await inspector.save();
  expect(inspector.problem).toBe('Write an instruction before saving.');
  inspector.setInstruction('Name a spice.');
  inspector.addInstance();
  await inspector.save();
  expect(inspector.problem).toBe('Every instance needs an output: write one, or remove the instance.');
  inspector.removeInstance(1);
  await inspector.save();
  expect(inspector.problem).toBeUndefined();
  expect((await pool.taskDetail('t1'))?.task.instruction).toBe('Name a spice.');
});

test('delete sends the task to the trash and restore brings it back; an unsaved edit is kept meanwhile', async () => {
  const { inspector } = await detailOnStore();
  await inspector.open('t1');
  inspector.setInstruction('Unsaved text');
  await inspector.act('delete');
  expect(inspector.detail?.deleted).toEqual(expect.any(Number));
  expect(inspector.draft.instruction).toBe('Unsaved text');
  await inspector.act('restore');
  expect(inspector.detail?.deleted).toBeUndefined();
  inspector.revert();
  expect([inspector.draft.instruction, inspector.changed]).toEqual(['Instruction t1', false]);
});

test('a rejected candidate is accepted over its rule, and a task is marked reviewed and back', async () => {
  const { inspector } = await detailOnStore();
  await inspector.open('t2');
  await inspector.act('accept');
  expect(inspector.detail?.task).toMatchObject({ stage: 'classify', overruled: { rule: 'too-short' } });
  expect(inspector.detail?.task.reason).toBeUndefined();
  await inspector.markReviewed(true);
  expect(inspector.detail?.task.reviewed).toEqual(expect.any(Number));
  await inspector.markReviewed(false);
  expect(inspector.detail?.task.reviewed).toBeUndefined();
});

test('an unsaved edit survives closing the task (and the page): it is back when the task opens again, until saved or discarded', async () => {
  const { inspector } = await detailOnStore();
  await inspector.open('t1');
  inspector.setInstruction('A better instruction.');
  inspector.close();
  await inspector.open('t2');
  expect([inspector.restored, inspector.draft.instruction]).toEqual([false, 'Be brief.']);
  await inspector.open('t1');
  expect([inspector.restored, inspector.changed, inspector.draft.instruction]).toEqual([true, true, 'A better instruction.']);
  inspector.revert();
  inspector.close();
  await inspector.open('t1');
  expect([inspector.restored, inspector.draft.instruction]).toEqual([false, 'Instruction t1']);
  inspector.setInstruction('Saved at last.');
  inspector.keepUnsaved();
  await inspector.save();
  inspector.close();
  await inspector.open('t1');
  expect([inspector.restored, inspector.changed, inspector.draft.instruction]).toEqual([false, false, 'Saved at last.']);
});
