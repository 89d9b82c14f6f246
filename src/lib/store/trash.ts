// The trash: deleted tasks out of every pool index, in batches of one action each. Chromium's
// IndexedDB pays mostly per record, so a bulk delete of 10k tasks writes one batch record instead
// of 10k, as the dataset pages do for exports. The tasks' instances stay in the instances store,
// where a restore finds them untouched; `by-project-instance` counts them out of the pool's counts.
import type { IDBPObjectStore, StoreNames } from 'idb';
import type { Task } from '../vocabulary';
import type { StudioDB, TrashBatch, TrashedTask } from './schema';

type TrashStore = IDBPObjectStore<StudioDB, ArrayLike<StoreNames<StudioDB>>, 'trash', IDBTransactionMode>;
type WritableTrash = IDBPObjectStore<StudioDB, ArrayLike<StoreNames<StudioDB>>, 'trash', 'readwrite'>;

/** A task found in the trash: when it went there, and the batch that holds it. */
export interface FoundInTrash extends TrashedTask {
  deleted: number;
  batch: TrashBatch;
}

/** The trashed tasks among `ids`; `range`, when the ids lie close together, finds their batches in one read. */
export async function findTrashed(store: TrashStore, ids: readonly string[], range?: IDBKeyRange): Promise<Map<string, FoundInTrash>> {
  const index = store.index('by-task');
  const keys = range ? await index.getAllKeys(range) : await Promise.all(ids.map((id) => index.getKey(id)));
  const batches = await Promise.all([...new Set(keys.filter((key) => key !== undefined))].map((key) => store.get(key)));
  const wanted = new Set(ids);
  const found = new Map<string, FoundInTrash>();
  for (const batch of batches) {
    if (!batch) continue;
    for (const entry of batch.tasks) if (wanted.has(entry.task.id)) found.set(entry.task.id, { ...entry, deleted: batch.deleted, batch });
  }
  return found;
}

/** Every trashed task of a project, with when it went there. */
export async function projectTrash(store: TrashStore, projectId: string): Promise<{ task: Task; instanceIds: string[]; deleted: number }[]> {
  const batches = await store.index('by-project').getAll(projectId);
  return batches.flatMap((batch) => batch.tasks.map((entry) => ({ ...entry, deleted: batch.deleted })));
}

/** Adds tasks to the trash as one batch (or one per distinct time, when an undo puts back older deletions). */
export async function trashTasks(store: WritableTrash, projectId: string, entries: readonly (TrashedTask & { deleted: number })[], newId: (prefix: string) => string): Promise<void> {
  const byTime = new Map<number, TrashedTask[]>();
  for (const { deleted, task, instanceIds } of entries) byTime.set(deleted, [...(byTime.get(deleted) ?? []), { task, instanceIds }]);
  await Promise.all([...byTime].map(([deleted, tasks]) => putBatch(store, { id: newId('trash'), projectId, deleted, tasks, taskIds: [], instanceKeys: [] })));
}

/** Takes tasks out of the batches that hold them; a batch left empty goes. */
export async function untrashTasks(store: WritableTrash, found: readonly FoundInTrash[]): Promise<void> {
  const leaving = new Map<string, { batch: TrashBatch; ids: Set<string> }>();
  for (const { task, batch } of found) {
    const entry = leaving.get(batch.id) ?? { batch, ids: new Set<string>() };
    entry.ids.add(task.id);
    leaving.set(batch.id, entry);
  }
  await Promise.all(
    [...leaving.values()].map(({ batch, ids }) => {
      const tasks = batch.tasks.filter((entry) => !ids.has(entry.task.id));
      return tasks.length === 0 ? store.delete(batch.id) : putBatch(store, { ...batch, tasks });
    }),
  );
}

/** Writes a batch with its index fields derived from its tasks, so the indexes always agree with them. */
function putBatch(store: WritableTrash, batch: TrashBatch): Promise<unknown> {
  return store.put({
    ...batch,
    taskIds: batch.tasks.map((entry) => entry.task.id),
    instanceKeys: batch.tasks.flatMap((entry) => entry.instanceIds.map((id): [string, string] => [batch.projectId, id])),
  });
}
