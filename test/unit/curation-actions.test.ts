// The pure side of curation: what each action does to a task's state, its undo label, and what
// the novelty pool must forget and learn.
import { describe, expect, test } from 'vitest';
import { applyAction, describeAction, noveltyChanges } from '../../src/lib/curation';
import type { StoredInstance, TaskState } from '../../src/lib/vocabulary';
import { taskRow } from '../fixtures/pool-rows';

const context = { now: 1000, newId: (prefix: string) => `${prefix}-new` };

function instance(id: string, input: string, output: string): StoredInstance {
  return { id, projectId: 'p1', taskId: 't1', callId: 'call-2', input, output };
}

const done: TaskState = {
  task: taskRow({ id: 't1', instruction: 'Name a spice.', isClassification: false, instanceCount: 2 }),
  instances: [instance('i1', '', 'Cumin'), instance('i2', '', 'Saffron')],
};
const rejected: TaskState = {
  task: taskRow({ id: 't2', stage: 'rejected', instruction: 'Hi.', reason: { rule: 'too-short', detail: '1 word' } }),
  instances: [],
};

describe('applyAction', () => {
  test('an edit keeps the model’s text as the original, keeps unchanged instance rows, and writes new ones without a call', () => {
    const [next] = applyAction([done], { kind: 'edit', taskId: 't1', edit: { instruction: '  Name a spice from India. ', isClassification: false, instances: [{ input: '', output: 'Cumin' }, { input: '', output: 'Turmeric' }, { input: 'x', output: 'y' }] } }, context);
    expect(next!.task).toMatchObject({ instruction: 'Name a spice from India.', edited: 1000, instanceCount: 3, stage: 'done' });
    expect(next!.task.original).toEqual({ instruction: 'Name a spice.', isClassification: false, instances: [{ input: '', output: 'Cumin' }, { input: '', output: 'Saffron' }] });
    expect(next!.instances[0]).toBe(done.instances[0]);
    expect(next!.instances[1]).toEqual({ id: 'inst-new', projectId: 'p1', taskId: 't1', input: '', output: 'Turmeric' });
    expect(next!.instances[1]).not.toHaveProperty('callId');
  });

  test('a second edit keeps the first original', () => {
    const [once] = applyAction([done], { kind: 'edit', taskId: 't1', edit: { instruction: 'A', isClassification: true, instances: [] } }, context);
    const [twice] = applyAction([once!], { kind: 'edit', taskId: 't1', edit: { instruction: 'B', isClassification: true, instances: [] } }, { ...context, now: 2000 });
    expect(twice!.task.original?.instruction).toBe('Name a spice.');
    expect(twice!.task).toMatchObject({ instruction: 'B', edited: 2000, isClassification: true, instanceCount: 0 });
  });

  test('an edit that changes nothing leaves the state as it was (the same object)', () => {
    const edit = { instruction: 'Name a spice.', isClassification: false, instances: done.instances.map(({ input, output }) => ({ input, output })) };
    expect(applyAction([done], { kind: 'edit', taskId: 't1', edit }, context)[0]).toBe(done);
  });

  test('a waiting task given instances by hand is finished; without instances it keeps waiting', () => {
    const waiting: TaskState = { task: taskRow({ id: 't3', stage: 'classify' }), instances: [] };
    const [finished] = applyAction([waiting], { kind: 'edit', taskId: 't3', edit: { instruction: 'Do it.', isClassification: true, instances: [{ input: '', output: 'Done' }] } }, context);
    expect(finished!.task).toMatchObject({ stage: 'done', instanceCount: 1, isClassification: true });
    const [still] = applyAction([waiting], { kind: 'edit', taskId: 't3', edit: { instruction: 'Do it.', isClassification: false, instances: [] } }, context);
    expect(still!.task.stage).toBe('classify');
  });

  test('delete puts a task in the trash, restore takes it out; each leaves the other kind alone', () => {
    const [deleted] = applyAction([done], { kind: 'delete', taskIds: ['t1'] }, context);
    expect(deleted!.deleted).toBe(1000);
    expect(applyAction([deleted!], { kind: 'delete', taskIds: ['t1'] }, context)[0]).toBe(deleted);
    const [restored] = applyAction([deleted!], { kind: 'restore', taskIds: ['t1'] }, context);
    expect(restored).toEqual(done);
    expect(applyAction([done], { kind: 'restore', taskIds: ['t1'] }, context)[0]).toBe(done);
  });

  test('accept keeps the rejection as overruled and queues the task for its next step', () => {
    const [accepted, untouched] = applyAction([rejected, done], { kind: 'accept', taskIds: ['t2', 't1'] }, context);
    expect(accepted!.task.stage).toBe('classify');
    expect(accepted!.task.overruled).toEqual({ rule: 'too-short', detail: '1 word' });
    expect(accepted!.task).not.toHaveProperty('reason');
    expect(untouched).toBe(done);
    const withInstances = { ...rejected, instances: [instance('i9', '', 'Hello')] };
    expect(applyAction([withInstances], { kind: 'accept', taskIds: ['t2'] }, context)[0]!.task).toMatchObject({ stage: 'done', instanceCount: 1 });
  });

  test('review marks and unmarks, and skips tasks already so or in the trash', () => {
    const [marked] = applyAction([done], { kind: 'review', taskIds: ['t1'], reviewed: true }, context);
    expect(marked!.task.reviewed).toBe(1000);
    expect(applyAction([marked!], { kind: 'review', taskIds: ['t1'], reviewed: true }, context)[0]).toBe(marked);
    expect(applyAction([marked!], { kind: 'review', taskIds: ['t1'], reviewed: false }, context)[0]!.task).not.toHaveProperty('reviewed');
    const trashed = { ...done, deleted: 5 };
    expect(applyAction([trashed], { kind: 'review', taskIds: ['t1'], reviewed: true }, context)[0]).toBe(trashed);
  });
});

describe('describeAction', () => {
  test('names one task by its instruction, elided, and many by their count', () => {
    expect(describeAction({ kind: 'delete', taskIds: ['a'] }, 1, 'Name a spice.')).toBe('Deleted “Name a spice.”');
    expect(describeAction({ kind: 'delete', taskIds: ['a', 'b'] }, 12_345)).toBe('Deleted 12,345 tasks');
    expect(describeAction({ kind: 'review', taskIds: ['a', 'b'], reviewed: false }, 2)).toBe('Marked not reviewed 2 tasks');
    const long = describeAction({ kind: 'edit', taskId: 'a', edit: { instruction: '', isClassification: false, instances: [] } }, 1, 'word '.repeat(40));
    expect(long.length).toBeLessThan(80);
    expect(long).toMatch(/^Edited “word word .*…”$/);
  });

  test('a delete that names itself keeps its label, even for one task', () => {
    const keep = { kind: 'delete' as const, taskIds: ['a'], label: 'Kept the 3 tasks judged 4 or more' };
    expect(describeAction(keep, 1, 'Name a spice.')).toBe('Kept the 3 tasks judged 4 or more');
  });
});

describe('noveltyChanges', () => {
  test('deleted and un-accepted tasks leave the pool, restored and accepted ones join, an edited instruction is replaced', () => {
    const deleted = { ...done, deleted: 1 };
    const accepted = applyAction([rejected], { kind: 'accept', taskIds: ['t2'] }, context)[0]!;
    const edited = { ...done, task: { ...done.task, instruction: 'New text.' } };
    expect(noveltyChanges([done], [deleted])).toEqual({ remove: ['t1'], add: [] });
    expect(noveltyChanges([deleted], [done])).toEqual({ remove: [], add: [{ id: 't1', instruction: 'Name a spice.' }] });
    expect(noveltyChanges([rejected], [accepted])).toEqual({ remove: [], add: [{ id: 't2', instruction: 'Hi.' }] });
    expect(noveltyChanges([done], [edited])).toEqual({ remove: ['t1'], add: [{ id: 't1', instruction: 'New text.' }] });
    expect(noveltyChanges([done], [{ ...done, task: { ...done.task, reviewed: 3 } }])).toEqual({ remove: [], add: [] });
  });
});
