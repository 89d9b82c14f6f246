// DownloadState (src/ui/download-state.svelte.ts): a project's dataset, or the part a scope
// chooses, prepared by the download service behind a comlink channel, as the download worker
// does, and handed to the browser as a file.
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { connectWorker, DownloadClient } from '../../src/lib/clients';
import { createDownloadService, type DownloadApi } from '../../src/lib/download';
import { openStudioDB } from '../../src/lib/store';
import { EVERYTHING_KEPT, SCOPE_LABELS, scopeOption, type ScopeChoice } from '../../src/ui/download-scope';
import { DownloadState } from '../../src/ui/download-state.svelte';
import { spiceStep } from '../fixtures/pool-rows';
import { useDownloads } from '../helpers/browser-globals';
import { useChannels } from '../helpers/comlink-channels';
import { freshDatabase } from '../helpers/fresh-database';
import { observe } from '../helpers/observe.svelte';

const serve = useChannels();
const saved = useDownloads();

/** A project "Kitchen tasks" with one finished task and one rejected candidate, and its DownloadState. */
async function downloadState(): Promise<DownloadState> {
  const { factory, projects, pool } = await freshDatabase();
  const { id: projectId } = await projects.create('Kitchen tasks');
  await pool.saveGeneration(spiceStep(projectId));
  // The worker opens its own connection to the same database, as the download worker does.
  const worker = () => new DownloadClient(connectWorker<DownloadApi>(serve(createDownloadService(() => openStudioDB(factory))).worker, 'download worker'));
  return new DownloadState(worker, projectId);
}

test('one format downloads as its own file, with progress shown while it is prepared and gone after', async () => {
  const downloads = await downloadState();
  const progress = observe(() => downloads.progress);
  expect(downloads.zipped).toBe(false);
  await downloads.download();
  expect(saved.map((file) => file.name)).toEqual(['Kitchen-tasks-self-instruct.jsonl']);
  const [record] = (await saved[0]!.blob.text()).trimEnd().split('\n').map((line) => JSON.parse(line));
  expect(record).toMatchObject({ instruction: 'Name a spice.', instances: [{ input: '', output: 'Cumin' }] });
  const shown = progress();
  expect(shown[0]).toBeUndefined();
  expect(shown).toContain(0);
  expect(shown.at(-1)).toBeUndefined();
  const fractions = shown.filter((value) => value !== undefined);
  expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
  expect(downloads.error).toBeUndefined();
});

test('several formats, or the rejected candidates, go out as one zip with a dataset card', async () => {
  const downloads = await downloadState();
  const zipped = observe(() => downloads.zipped);
  downloads.formats.push('alpaca-json');
  downloads.includeRejected = true;
  downloads.formats.splice(0, 1);
  expect(zipped()).toEqual([false, true]);
  await downloads.download();
  expect(saved.map((file) => file.name)).toEqual(['Kitchen-tasks-dataset.zip']);
  const files = unzipSync(new Uint8Array(await saved[0]!.blob.arrayBuffer()));
  expect(Object.keys(files).sort()).toEqual(['README.md', 'alpaca.json', 'rejected.jsonl']);
  expect(JSON.parse(strFromU8(files['alpaca.json']!))).toEqual([{ instruction: 'Name a spice.', input: '', output: 'Cumin' }]);
});

test('with no format chosen, or while a download is being prepared, another download does nothing', async () => {
  const downloads = await downloadState();
  downloads.formats = [];
  await downloads.download();
  expect(saved).toEqual([]);
  expect(downloads.progress).toBeUndefined();

  downloads.formats = ['alpaca-json'];
  await Promise.all([downloads.download(), downloads.download()]);
  expect(saved.map((file) => file.name)).toEqual(['Kitchen-tasks-alpaca.json']);
});

function choice(id: ScopeChoice['id'], taskIds: string[] | undefined, count?: number): ScopeChoice & { resolved: number } {
  const scope = { id, label: SCOPE_LABELS[id], count, resolved: 0, resolve: async () => (scope.resolved++, taskIds) };
  return scope;
}

test('a scope’s ids are read when the download starts, and its zip’s card names it', async () => {
  const downloads = await downloadState();
  const selection = choice('selection', ['task-1']);
  downloads.formats = ['alpaca-json', 'csv'];
  expect(selection.resolved).toBe(0);
  await downloads.download(selection);
  expect(selection.resolved).toBe(1);
  const files = unzipSync(new Uint8Array(await saved[0]!.blob.arrayBuffer()));
  expect(strFromU8(files['README.md']!)).toContain('Scope: The selection, 1 of 1 finished tasks.');
  expect(JSON.parse(strFromU8(files['alpaca.json']!))).toEqual([{ instruction: 'Name a spice.', input: '', output: 'Cumin' }]);
  expect(downloads.notice).toBeUndefined();
});

test('an empty scope says so instead of downloading', async () => {
  const downloads = await downloadState();
  await downloads.download(choice('filter', []));
  expect(saved).toEqual([]);
  expect(downloads.notice).toBe('Nothing to download: “The current filter” holds no rows.');
  expect(downloads.progress).toBeUndefined();
});

test('a scope with no finished task says so instead of downloading empty files; the next download clears it', async () => {
  const downloads = await downloadState();
  await downloads.download(choice('selection', ['task-2']));
  expect(saved).toEqual([]);
  expect(downloads.notice).toBe('Nothing to download: “The selection” holds no finished task with instances.');
  await downloads.download(EVERYTHING_KEPT);
  expect(saved.map((file) => file.name)).toEqual(['Kitchen-tasks-self-instruct.jsonl']);
  expect(downloads.notice).toBeUndefined();
});

test('a choice shows its count of rows when it is known', () => {
  expect(scopeOption(EVERYTHING_KEPT)).toBe('Everything kept');
  expect(scopeOption(choice('filter', [], 1234))).toBe('The current filter (1,234 rows)');
  expect(scopeOption(choice('selection', [], 1))).toBe('The selection (1 row)');
});


test('"judged t or more only" asks the worker for the tasks judged that well, and says so when none is', async () => {
  const downloads = await downloadState();
  const judged: ScopeChoice = { id: 'judged', label: 'Judged 4 or more only', judgedFrom: 4, resolve: async () => undefined };
  await downloads.download(judged);
  expect(saved).toEqual([]);
  expect(downloads.notice).toBe('Nothing to download: “Judged 4 or more only” holds no finished task with instances.');
});
