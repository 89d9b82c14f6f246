// AuditState (src/ui/judge/audit-state.svelte.ts) on a fake-indexeddb QualityStore: starting a
// seeded sample, answering by question, progress across a reload, skipped and edited items,
// restart and its undo, and a failed save.
import { afterEach, expect, test, vi } from 'vitest';
import { CurationStore, QualityStore } from '../../src/lib/store';
import { AuditState, type AuditPort } from '../../src/ui/judge/audit-state.svelte';
import { freshDatabase } from '../helpers/fresh-database';
import { callRow, taskRow } from '../fixtures/pool-rows';

afterEach(() => vi.restoreAllMocks());

/** A project p1 with `count` finished tasks of two instances each, t00, t01, … */
async function project(count: number) {
  const { db, pool } = await freshDatabase();
  const ids = Array.from({ length: count }, (_, i) => `t${String(i).padStart(2, '0')}`);
  await pool.saveGeneration({
    call: callRow('p1', 'call-1'),
    candidates: ids.map((id) => taskRow({ id, stage: 'done', instanceCount: 2 })),
    instances: ids.flatMap((taskId) => [0, 1].map((n) => ({ id: `${taskId}-i${n}`, projectId: 'p1', taskId, input: '', output: `${taskId} output ${n}` }))),
  });
  return { quality: new QualityStore(db), curation: new CurationStore(db) };
}

async function started(count = 40, seed = 5) {
  const stores = await project(count);
  const state = new AuditState(stores.quality, 'p1', () => 1000);
  state.seed = seed;
  state.size = 30;
  await state.start();
  return { ...stores, state };
}

test('starting draws the shown seed’s sample of the shown size and saves it', async () => {
  const { quality, state } = await started(40, 5);
  expect(state.audit).toMatchObject({ seed: 5, created: 1000 });
  expect(state.audit!.items).toHaveLength(30);
  expect(await quality.audit('p1')).toEqual(state.audit);
  expect(state.progress).toEqual({ answered: 0, total: 30, skipped: 0 });
  expect(state.itemState?.kind).toBe('as-sampled');
  expect(state.short).toBeUndefined();
});

test('the same seed gives the same sample', async () => {
  const a = await started(40, 77);
  const b = await started(40, 77);
  expect(a.state.audit!.items).toEqual(b.state.audit!.items);
});

test('three answers save the item and move on; one or two stay a draft, the highlight moving to the next question', async () => {
  const { quality, state } = await started();
  const first = state.item!;
  await state.answer(true);
  expect(state.question).toBe('input');
  await state.answer(false);
  expect(state.question).toBe('output');
  expect(state.answers).toEqual({ instruction: true, input: false });
  expect((await quality.audit('p1'))!.answers).toEqual({});
  await state.answer(true);
  expect((await quality.audit('p1'))!.answers).toEqual({ [first.taskId]: { instruction: true, input: false, output: true } });
  expect(state.position).toBe(1);
  expect(state.question).toBe('instruction');
  expect(state.progress.answered).toBe(1);
  expect(state.report!.rows.map((row) => [row.measure, row.yes, row.n])).toEqual([
    ['instruction', 1, 1],
    ['input', 0, 1],
    ['output', 1, 1],
    ['all', 0, 1],
  ]);
});

test('answers typed faster than the saves apply in order, item by item', async () => {
  const { quality, state } = await started();
  const [first, second] = state.audit!.items;
  const typed = [true, false, true, false, true, true].map((value) => state.answer(value));
  await Promise.all(typed);
  expect((await quality.audit('p1'))!.answers).toEqual({
    [first!.taskId]: { instruction: true, input: false, output: true },
    [second!.taskId]: { instruction: false, input: true, output: true },
  });
  expect(state.position).toBe(2);
});

test('a question chosen out of order is answered, then the first one still open is highlighted', async () => {
  const { state } = await started();
  await state.choose('output');
  await state.answer(false);
  expect(state.question).toBe('instruction');
  await state.answer(true, 'input');
  expect(state.question).toBe('instruction');
});

test('going back to an answered item and changing one answer saves it at once', async () => {
  const { quality, state } = await started();
  for (const value of [true, true, true]) await state.answer(value);
  await state.back();
  expect(state.answers).toEqual({ instruction: true, input: true, output: true });
  await state.answer(false, 'output');
  expect(Object.values((await quality.audit('p1'))!.answers)).toEqual([{ instruction: true, input: true, output: false }]);
  expect(state.position).toBe(0);
});

test('progress is kept across a reload: a new state opens at the first item still to answer', async () => {
  const { quality, state } = await started();
  for (let i = 0; i < 6; i++) await state.answer(true);
  const again = new AuditState(quality, 'p1');
  await again.load();
  expect(again.progress).toEqual({ answered: 2, total: 30, skipped: 0 });
  expect(again.position).toBe(2);
  expect(again.seed).toBe(5);
});

test('a task deleted since sampling is skipped: shown as gone, not answerable, passed over when moving on', async () => {
  const { curation, state } = await started();
  const second = state.audit!.items[1]!;
  await curation.apply('p1', { kind: 'delete', taskIds: [second.taskId] });
  await state.refresh();
  for (const value of [true, true, true]) await state.answer(value);
  expect(state.position).toBe(2);
  expect(state.progress).toEqual({ answered: 1, total: 30, skipped: 1 });
  await state.back();
  expect(state.itemState).toEqual({ kind: 'gone', why: 'deleted' });
  await state.answer(true);
  expect(state.answers).toEqual({});
});

test('a task edited since sampling is rated as it is now, marked edited', async () => {
  const { curation, state } = await started();
  const first = state.audit!.items[0]!;
  const edit = { instruction: 'Edited.', isClassification: false, instances: [{ input: '', output: 'a' }, { input: '', output: 'b' }] };
  vi.spyOn(Date, 'now').mockReturnValue(5000);
  await curation.apply('p1', { kind: 'edit', taskId: first.taskId, edit });
  await state.refresh();
  expect(state.itemState).toMatchObject({ kind: 'edited', task: { instruction: 'Edited.' }, instance: edit.instances[first.instance] });
});

test('restarting with a new seed draws a new sample, and undo puts the answered audit back', async () => {
  const { quality, state } = await started(60, 5);
  for (const value of [true, false, true]) await state.answer(value);
  const before = state.audit!;
  state.seed = 6;
  await state.start();
  expect(state.audit!.seed).toBe(6);
  expect(state.audit!.answers).toEqual({});
  expect(state.canUndoRestart).toBe(true);
  await state.undoRestart();
  expect(state.audit).toEqual(before);
  expect(await quality.audit('p1')).toEqual(before);
  expect(state.seed).toBe(5);
  expect(state.position).toBe(1);
  expect(state.canUndoRestart).toBe(false);
});

test('a restart asked for while an answer is being saved waits for it, and the answered audit can be put back', async () => {
  const { quality, state } = await started(60, 5);
  const typed = [true, true, true].map((value) => state.answer(value));
  state.seed = 6;
  await Promise.all([...typed, state.start()]);
  expect(await quality.audit('p1')).toMatchObject({ seed: 6, answers: {} });
  expect(state.canUndoRestart).toBe(true);
  await state.undoRestart();
  expect(Object.keys((await quality.audit('p1'))!.answers)).toHaveLength(1);
});

test('a pool with fewer tasks than asked gives every task and a note, which a reload keeps', async () => {
  const { state, quality } = await started(12);
  expect(state.audit!.items).toHaveLength(12);
  expect(state.short).toEqual({ asked: 30, available: 12 });
  const reloaded = new AuditState(quality, 'p1');
  await reloaded.load();
  expect(reloaded.short).toEqual({ asked: 30, available: 12 });
});

test('a pool without a task to rate starts nothing and says why', async () => {
  const { quality } = await project(0);
  const state = new AuditState(quality, 'p1');
  await state.start();
  expect(state.audit).toBeUndefined();
  expect(await quality.audit('p1')).toBeUndefined();
  expect(state.error).toMatch(/No finished task has an instance to rate yet/);
});

test('a failed save says so and keeps the draft, so the answer can be given again', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => {});
  const { quality } = await project(40);
  const failing: AuditPort = Object.assign(Object.create(quality), { saveAudit: quality.saveAudit.bind(quality) });
  const state = new AuditState(failing, 'p1');
  state.size = 30;
  await state.start();
  failing.saveAudit = () => Promise.reject(new Error('disk full'));
  for (const value of [true, true, true]) await state.answer(value);
  expect(state.error).toMatch(/disk full.*try again/);
  expect(state.position).toBe(0);
  expect(state.answers).toEqual({ instruction: true, input: true });
  expect(state.progress.answered).toBe(0);
});
