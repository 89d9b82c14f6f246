// ProjectsState (src/ui/projects-state.svelte.ts) on fake-indexeddb: the projects in this browser,
// the one on screen (remembered across reloads), and backups written and restored.
import { expect, onTestFinished, test, vi } from 'vitest';
import { readBackup } from '../../src/lib/backup';
import { ProjectsState } from '../../src/ui/projects-state.svelte';
import { useDownloads, useLocalStorage } from '../helpers/browser-globals';
import { freshDatabase } from '../helpers/fresh-database';
import { observe } from '../helpers/observe.svelte';

const remembered = useLocalStorage();
const saved = useDownloads();
const CURRENT_KEY = 'self-instruct-studio:project';

const names = (state: ProjectsState) => state.list.map((project) => project.name);

test('a first visit gets one project, "My dataset", shown and remembered', async () => {
  const state = new ProjectsState((await freshDatabase()).projects);
  await state.load();
  expect(names(state)).toEqual(['My dataset']);
  expect(state.current?.name).toBe('My dataset');
  expect(remembered.get(CURRENT_KEY)).toBe(state.currentId);
});

test('a reload shows the project that was on screen; an unknown one is never selected', async () => {
  const { projects } = await freshDatabase();
  const before = new ProjectsState(projects);
  await before.load();
  await before.create('Cooking tasks');
  const reloaded = new ProjectsState(projects);
  await reloaded.load();
  expect(reloaded.current?.name).toBe('Cooking tasks');
  reloaded.select('no-such-project');
  expect(reloaded.current?.name).toBe('Cooking tasks');
});

test('projects are created, renamed, duplicated and removed, each change shown at once', async () => {
  const state = new ProjectsState((await freshDatabase()).projects);
  await state.load();
  const shown = observe(() => state.current?.name);
  await state.create('Cooking tasks');
  await state.rename('Baking tasks');
  await state.duplicate();
  expect(names(state)).toEqual(['My dataset', 'Baking tasks', 'Baking tasks (copy)']);
  await state.remove();
  expect(names(state)).toEqual(['My dataset', 'Baking tasks']);
  expect(shown()).toEqual(['My dataset', 'Cooking tasks', 'Baking tasks', 'Baking tasks (copy)', 'My dataset']);
  expect(state.error).toBeUndefined();
});

test('removing the last project replaces it with a fresh one', async () => {
  const state = new ProjectsState((await freshDatabase()).projects);
  await state.load();
  const first = state.currentId;
  await state.remove();
  expect(names(state)).toEqual(['My dataset']);
  expect(state.currentId).not.toBe(first);
});

test('a backup downloads as one file that restores, in another browser, as a new project shown at once', async () => {
  const state = new ProjectsState((await freshDatabase()).projects);
  await state.load();
  await state.rename('Kitchen tasks');
  await state.backup();
  expect(saved.map((file) => file.name)).toEqual(['Kitchen-tasks.studio-backup.gz']);
  const bytes = new Uint8Array(await saved[0]!.blob.arrayBuffer());
  expect(readBackup(bytes)).toMatchObject({ ok: true, rows: { project: { name: 'Kitchen tasks' } } });

  const elsewhere = new ProjectsState((await freshDatabase()).projects);
  await elsewhere.load();
  await elsewhere.restore(new File([bytes], 'Kitchen-tasks.studio-backup.gz'));
  expect(names(elsewhere)).toEqual(['My dataset', 'Kitchen tasks']);
  expect(elsewhere.current?.name).toBe('Kitchen tasks');
});

test('a backup restored beside its own project, or twice, gets a name of its own each time', async () => {
  const state = new ProjectsState((await freshDatabase()).projects);
  await state.load();
  await state.rename('Kitchen tasks');
  await state.backup();
  const backup = new File([await saved[0]!.blob.arrayBuffer()], 'Kitchen-tasks.studio-backup.gz');
  await state.restore(backup);
  await state.restore(backup);
  expect(names(state)).toEqual(['Kitchen tasks', 'Kitchen tasks (restored)', 'Kitchen tasks (restored 2)']);
  expect(state.current?.name).toBe('Kitchen tasks (restored 2)');
});

test('copies of a project, and copies of a copy, are numbered rather than named alike', async () => {
  const state = new ProjectsState((await freshDatabase()).projects);
  await state.load();
  await state.duplicate();
  await state.duplicate();
  expect(names(state)).toEqual(['My dataset', 'My dataset (copy)', 'My dataset (copy 2)']);
});

test('a file that is not a backup is refused with its name and the reason, and changes nothing', async () => {
  // The page's one error handler also logs what it shows.
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  onTestFinished(() => logged.mockRestore());
  const state = new ProjectsState((await freshDatabase()).projects);
  await state.load();
  await state.restore(new File(['not a backup'], 'notes.gz'));
  expect(state.error).toMatch(/^notes\.gz: This is not a Self-Instruct Studio project backup/);
  expect(names(state)).toEqual(['My dataset']);
  await state.create('Next');
  expect(state.error).toBeUndefined();
});
