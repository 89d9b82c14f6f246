// SeedsState on fakes at its seams: the real import service behind a comlink channel (or a
// scripted one), PoolStore on a fresh fake-indexeddb. It shows what an import saved, its progress
// while it runs, and a refusal or a crash as an error with the seeds unchanged.
import { expose, releaseProxy, type Endpoint, type Remote } from 'comlink';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, expect, test } from 'vitest';
import { connectWorker, ImportClient } from '../../src/lib/clients';
import { createImportService, summarizeSeeds, type ImportApi, type ImportProgress, type SavedImport } from '../../src/lib/seeds';
import { openStudioDB, PoolStore } from '../../src/lib/store';
import { SeedsState } from '../../src/ui/seeds-state.svelte';
import { releasingCallbacks } from '../../workers/releasing-callbacks';

const PROJECT = 'p1';
const seed = (id: string, instruction: string) => ({ id, name: '', instruction, instances: [], isClassification: false });
/** The site's default seed set, as the state is given it. */
const DEFAULTS = [seed('d0', 'Explain tides.'), seed('d1', 'Name three rivers.')];
const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

async function seedsState(api?: (factory: IDBFactory) => ImportApi) {
  const factory = new IDBFactory();
  const pool = new PoolStore(await openStudioDB(factory));
  await pool.putSeeds(PROJECT, [{ id: 's0', name: '', instruction: 'Name a bird.', instances: [], isClassification: false }]);
  const channel = new MessageChannel();
  channels.push(channel);
  // The real service is served as the worker serves it; a scripted one keeps its callback to report late.
  expose(api ? api(factory) : releasingCallbacks(createImportService(() => openStudioDB(factory))), channel.port2 as unknown as Endpoint);
  const port = channel.port1;
  const client = new ImportClient(connectWorker<ImportApi>(port as unknown as Worker, 'import worker'));
  let changes = 0;
  const state = new SeedsState(pool, () => client, PROJECT, () => changes++, async () => DEFAULTS);
  await state.load();
  return { state, pool, changes: () => changes, crash: () => port.dispatchEvent(Object.assign(new Event('error'), { message: 'boom' })) };
}

/** An import service that reports what the test says and finishes when the test says. */
function scriptedImport() {
  let report: Remote<(progress: ImportProgress) => void> | undefined;
  let finish: (result: SavedImport) => void = () => {};
  const api: ImportApi = {
    importFile: () => Promise.reject(new Error('not used')),
    importText: (_projectId, _text, onProgress) => {
      report = onProgress as Remote<(progress: ImportProgress) => void>;
      return new Promise((resolve) => (finish = resolve));
    },
  };
  return {
    api,
    report: (progress: ImportProgress) => report?.(progress),
    finish: (result: SavedImport) => finish(result),
    release: () => report?.[releaseProxy](),
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

test('an import shows the seeds it saved and its notes, and tells the other views once', async () => {
  const { state, pool, changes } = await seedsState();
  await state.importText('1. Explain tides.\n2. Name three rivers.');
  expect([state.count, state.classification, state.mostlyNonAscii]).toEqual([2, 0, false]);
  expect(state.first.map((seed) => seed.instruction)).toEqual(['Explain tides.', 'Name three rivers.']);
  expect(state.notes[0]).toBe('Removed the list numbering or bullet at the start of 2 lines.');
  expect((await pool.seeds(PROJECT)).map((seed) => seed.instruction)).toEqual(['Explain tides.', 'Name three rivers.']);
  expect([state.error, state.busy, state.progress, changes()]).toEqual([undefined, false, undefined, 1]);
});

test('seeds mostly in another script are flagged, as the default tokenizer would not see them', async () => {
  const { state } = await seedsState();
  expect(state.mostlyNonAscii).toBe(false);
  await state.importText('Объясни, почему небо голубое.\nНазови три реки Африки.\nName a bird.');
  expect([state.count, state.mostlyNonAscii]).toEqual([3, true]);
});

test('a refused import says where and why, and leaves the seeds as they were', async () => {
  const { state, pool, changes } = await seedsState();
  await state.importText('Explain tides.\n\u200B');
  expect(state.error).toBe(
    'The pasted text, line 2: the instruction holds only invisible characters (such as zero-width spaces or byte order marks); write the instruction, or remove the task. Nothing was changed.',
  );
  expect(state.first.map((seed) => seed.instruction)).toEqual(['Name a bird.']);
  expect((await pool.seeds(PROJECT)).map((seed) => seed.instruction)).toEqual(['Name a bird.']);
  expect(changes()).toBe(0);
});

test('progress is shown while the import runs, and a report after the result is ignored', async () => {
  const script = scriptedImport();
  const { state } = await seedsState(() => script.api);
  const importing = state.importText('Explain tides.');
  await settle();
  expect([state.busy, state.progress]).toEqual([true, undefined]);
  await script.report({ stage: 'saving', fraction: 0.5 });
  expect(state.progress).toEqual({ stage: 'saving', fraction: 0.5 });
  const seeds = [{ id: 'seed_task_0', name: '', instruction: 'Explain tides.', instances: [], isClassification: false }];
  script.finish({ ok: true, format: 'text', notes: [], summary: summarizeSeeds(seeds) });
  await importing;
  expect([state.busy, state.progress, state.count]).toEqual([false, undefined, 1]);
  await script.report({ stage: 'saving', fraction: 1 });
  expect(state.progress).toBeUndefined();
  script.release();
});

test('a crashed import worker ends the import with its message and the seeds unchanged', async () => {
  const script = scriptedImport();
  const { state, crash } = await seedsState(() => script.api);
  const importing = state.importText('Explain tides.');
  await settle();
  crash();
  await importing;
  expect(state.error).toMatch(/^The import worker stopped unexpectedly \(boom\)/);
  expect([state.busy, state.first.map((seed) => seed.instruction)]).toEqual([false, ['Name a bird.']]);
  script.release();
});

const instructions = async (pool: PoolStore) => (await pool.seeds(PROJECT)).map((task) => task.instruction);

test('the default seeds replace seeds of one’s own only after a yes that names how many; Cancel changes nothing', async () => {
  const { state, pool, changes } = await seedsState();
  await state.resetToDefault();
  expect(state.confirmation).toEqual({ replaced: 1, defaults: 2 });
  expect([await instructions(pool), changes()]).toEqual([['Name a bird.'], 0]);
  state.cancelDefaults();
  expect([state.confirmation, state.undoCount, await instructions(pool)]).toEqual([undefined, undefined, ['Name a bird.']]);

  await state.resetToDefault();
  await state.confirmDefaults();
  expect([state.confirmation, state.count, await instructions(pool), changes()]).toEqual([undefined, 2, ['Explain tides.', 'Name three rivers.'], 1]);
  expect(state.undoCount).toBe(1);
});

test('Undo brings back the seeds a change replaced, and the offer ends with it', async () => {
  const { state, pool, changes } = await seedsState();
  await state.resetToDefault();
  await state.confirmDefaults();
  await state.undo();
  expect([state.count, state.first.map((task) => task.instruction), await instructions(pool)]).toEqual([1, ['Name a bird.'], ['Name a bird.']]);
  expect([state.undoCount, state.error, changes()]).toEqual([undefined, undefined, 2]);
});

test('seeds that are already the defaults are not replaced, and nothing asks', async () => {
  const { state, pool, changes } = await seedsState();
  await pool.putSeeds(PROJECT, DEFAULTS);
  await state.load();
  await state.resetToDefault();
  expect([state.confirmation, state.notes, state.undoCount, changes()]).toEqual([undefined, ['These are already the default seed tasks.'], undefined, 0]);
});

test('an import offers Undo too; a refused one keeps the offer, and the next import offers the seeds just before it', async () => {
  const { state, pool } = await seedsState();
  await state.importText('Explain tides.');
  expect(state.undoCount).toBe(1);
  await state.importText('\u200B');
  expect([state.error !== undefined, state.undoCount]).toEqual([true, 1]);
  await state.importText('Name a fish.\nName a tree.\nName a star.');
  expect(state.undoCount).toBe(1);
  await state.undo();
  expect(await instructions(pool)).toEqual(['Explain tides.']);
});
