// The dataset as the exports read it, kept ready in pages of finished tasks. Chromium's
// IndexedDB pays mostly per record: 100k tasks and their 170k instances read one record each
// take 2.5-3 s, the same rows in pages of 100 take 0.6-0.8 s (npm run bench:store). Pages hold
// nothing of their own: they are derived from the tasks and instances stores and written in the
// same transactions, so they always agree with them, and a backup leaves them out.
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { ExportTask, Instance, StoredInstance, Task } from '../vocabulary';
import { byCreation } from '../ids';
import type { StudioDB } from './schema';

/** Small enough that adding a task rewrites ~50 KB, large enough that a read is a few hundred records. */
export const ROWS_PER_PAGE = 100;

/** A finished task as a page holds it: the fields the exports read, its instances as input and output. */
export interface FinishedTask {
  task: ExportTask;
  instances: Instance[];
}

export interface DatasetPage {
  projectId: string;
  /** 0, 1, 2…: pages fill in order, and only the last one has room (an edit may leave others short). */
  page: number;
  rows: FinishedTask[];
  /** The ids of `rows`' tasks, for the `by-task` index (v6): an edit rewrites only its task's page. */
  taskIds: string[];
}

type PagesStore = IDBPObjectStore<StudioDB, ArrayLike<StoreNames<StudioDB>>, 'datasetPages', 'readwrite' | 'versionchange'>;
type ReadablePages = IDBPObjectStore<StudioDB, ArrayLike<StoreNames<StudioDB>>, 'datasetPages', IDBTransactionMode>;

export function finishedTask(task: Task, instances: readonly Instance[]): FinishedTask {
  const { id, runId, instruction, isClassification, created, edited } = task;
  return {
    task: { id, runId, instruction, created, ...(isClassification === undefined ? {} : { isClassification }), ...(edited === undefined ? {} : { edited }) },
    instances: instances.map(({ input, output }) => ({ input, output })),
  };
}

/** The finished tasks among a project's rows, oldest first: what its pages hold. */
export function collectFinished(tasks: readonly Task[], instances: readonly StoredInstance[]): FinishedTask[] {
  const byTask = new Map<string, StoredInstance[]>();
  for (const instance of instances) {
    const list = byTask.get(instance.taskId);
    if (list) list.push(instance);
    else byTask.set(instance.taskId, [instance]);
  }
  return tasks
    .filter((task) => task.stage === 'done')
    .sort(byCreation)
    .map((task) => finishedTask(task, byTask.get(task.id) ?? []));
}

/** Adds finished tasks after the project's last page, filling that page first. */
export async function appendFinished(store: PagesStore, projectId: string, rows: readonly FinishedTask[]): Promise<void> {
  if (rows.length === 0) return;
  const last = (await store.openCursor(projectPages(projectId), 'prev'))?.value;
  let page: DatasetPage = last && last.rows.length < ROWS_PER_PAGE ? last : emptyPage(projectId, last ? last.page + 1 : 0);
  const writes: Promise<unknown>[] = [];
  for (const row of rows) {
    if (page.rows.length === ROWS_PER_PAGE) {
      writes.push(putPage(store, page));
      page = emptyPage(projectId, page.page + 1);
    }
    page.rows.push(row);
  }
  writes.push(putPage(store, page));
  await Promise.all(writes);
}

/** What a user action changes in the pages: finished tasks that leave them, and ones rewritten in place. */
export interface PageChanges {
  remove: readonly string[];
  replace: readonly FinishedTask[];
}

/**
 * Takes tasks out of their pages and rewrites others in place, reading and writing each page
 * touched once. `range`, when the tasks' ids lie close together, finds their pages in one read.
 */
export async function changeFinished(store: PagesStore, { remove, replace }: PageChanges, range?: IDBKeyRange): Promise<void> {
  if (remove.length === 0 && replace.length === 0) return;
  const index = store.index('by-task');
  const replacements = new Map(replace.map((row) => [row.task.id, row]));
  const ids = [...remove, ...replacements.keys()];
  const keys = range ? await index.getAllKeys(range) : await Promise.all(ids.map((id) => index.getKey(id)));
  const pageKeys = new Map(keys.filter((key) => key !== undefined).map((key) => [key[1], key]));
  const removed = new Set(remove);
  await Promise.all(
    [...pageKeys.values()].map(async (key) => {
      const page = (await store.get(key))!;
      const rows = page.rows.filter((row) => !removed.has(row.task.id)).map((row) => replacements.get(row.task.id) ?? row);
      await putPage(store, { ...page, rows });
    }),
  );
}

/** Sets the page's `taskIds` from its rows, so the index always agrees with them. */
function putPage(store: PagesStore, page: DatasetPage): Promise<unknown> {
  return store.put({ ...page, taskIds: page.rows.map((row) => row.task.id) });
}

function emptyPage(projectId: string, page: number): DatasetPage {
  return { projectId, page, rows: [], taskIds: [] };
}

/** Pages per read when a caller takes the rows as they come: 2,500 tasks. */
export const PAGES_PER_PART = 25;

/**
 * Every finished task of a project, oldest first, each made a `Row` by `asRow`. The pages are asked
 * for in parts of 2,500 tasks, all at once, and each part is made rows as it arrives: no one
 * structured clone of a whole 100k-task pool holds up the thread (the page's, for the judge).
 * `onPart` hears each part's rows, in page order, so a caller works on one while the database
 * reads the next; with them comes how many rows all parts hold at most (full pages), for a caller
 * that sizes tables once.
 */
export async function readFinished<Row extends { task: ExportTask }>(
  store: ReadablePages,
  projectId: string,
  asRow: (row: FinishedTask) => Row,
  onPart?: (rows: readonly Row[], rowsAtMost: number) => void,
): Promise<Row[]> {
  const rows: Row[] = [];
  const { parts, pages } = await partsOf(store, projectId);
  for (const part of parts) {
    const partRows = (await part).flatMap((page) => page.rows.map(asRow));
    onPart?.(partRows, pages * ROWS_PER_PAGE);
    for (const row of partRows) rows.push(row);
  }
  // Pages hold tasks in the order they finished. The loop finishes the oldest first, so this sort
  // normally only confirms the order (one pass); it keeps exports in creation order regardless.
  return rows.sort((a, b) => byCreation(a.task, b.task));
}

/** The project's pages, asked for in ranges of PAGES_PER_PART page numbers, all at once; and how many pages there are. */
async function partsOf(store: ReadablePages, projectId: string): Promise<{ parts: Promise<DatasetPage[]>[]; pages: number }> {
  const last = await store.openKeyCursor(projectPages(projectId), 'prev');
  if (!last) return { parts: [], pages: 0 };
  const [, lastPage] = last.key as [string, number];
  const parts: Promise<DatasetPage[]>[] = [];
  for (let first = 0; first <= lastPage; first += PAGES_PER_PART) {
    parts.push(store.getAll(IDBKeyRange.bound([projectId, first], [projectId, Math.min(lastPage, first + PAGES_PER_PART - 1)])));
  }
  return { parts, pages: lastPage + 1 };
}

export function deletePages(store: PagesStore, projectId: string): Promise<void> {
  return store.delete(projectPages(projectId));
}

/** Gives every stored page its `taskIds` (the version 6 step). */
export async function indexPageTasks(store: PagesStore): Promise<void> {
  for (let cursor = await store.openCursor(); cursor; cursor = await cursor.continue()) {
    await cursor.update({ ...cursor.value, taskIds: cursor.value.rows.map((row) => row.task.id) });
  }
}

/** Every [projectId, page] key of one project. */
function projectPages(projectId: string): IDBKeyRange {
  return IDBKeyRange.bound([projectId], [projectId, []]);
}
