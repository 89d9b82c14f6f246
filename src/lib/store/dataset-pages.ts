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
  /** 0, 1, 2…: pages fill in order, and only the last one has room. */
  page: number;
  rows: FinishedTask[];
}

type PagesStore = IDBPObjectStore<StudioDB, ArrayLike<StoreNames<StudioDB>>, 'datasetPages', 'readwrite' | 'versionchange'>;
type ReadablePages = IDBPObjectStore<StudioDB, ArrayLike<StoreNames<StudioDB>>, 'datasetPages', IDBTransactionMode>;

export function finishedTask(task: Task, instances: readonly Instance[]): FinishedTask {
  const { id, runId, instruction, isClassification, created } = task;
  return {
    task: { id, runId, instruction, created, ...(isClassification === undefined ? {} : { isClassification }) },
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
  let page: DatasetPage = last && last.rows.length < ROWS_PER_PAGE ? last : { projectId, page: last ? last.page + 1 : 0, rows: [] };
  const writes: Promise<unknown>[] = [];
  for (const row of rows) {
    if (page.rows.length === ROWS_PER_PAGE) {
      writes.push(store.put(page));
      page = { projectId, page: page.page + 1, rows: [] };
    }
    page.rows.push(row);
  }
  writes.push(store.put(page));
  await Promise.all(writes);
}

/** Every finished task of a project, oldest first. */
export async function readFinished(store: ReadablePages, projectId: string): Promise<FinishedTask[]> {
  const pages = await store.getAll(projectPages(projectId));
  // Pages hold tasks in the order they finished. The loop finishes the oldest first, so this sort
  // normally only confirms the order (one pass); it keeps exports in creation order regardless.
  return pages.flatMap((page) => page.rows).sort((a, b) => byCreation(a.task, b.task));
}

export function deletePages(store: PagesStore, projectId: string): Promise<void> {
  return store.delete(projectPages(projectId));
}

/** Every [projectId, page] key of one project. */
function projectPages(projectId: string): IDBKeyRange {
  return IDBKeyRange.bound([projectId], [projectId, []]);
}
