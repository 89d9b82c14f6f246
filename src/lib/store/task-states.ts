import type { IDBPTransaction, StoreNames } from 'idb';
import type { StoredInstance, Task, TaskState } from '../vocabulary';
import { denseRange } from './dense-range';
import type { StudioDB } from './schema';
import { findTrashed, type FoundInTrash } from './trash';

type StatesTransaction = IDBPTransaction<StudioDB, ArrayLike<StoreNames<StudioDB>>, IDBTransactionMode>;

/** Tasks as they are now, and where they were read from. */
export interface ReadTaskStates {
  /** In the order of the ids asked for; an id in neither the pool nor the trash is left out. */
  states: TaskState[];
  /** Where the trashed ones lie (their batches), for a write that takes them out. */
  trashed: Map<string, FoundInTrash>;
  /** The ids' key range when they lie close together (dense-range.ts), else undefined. */
  range: IDBKeyRange | undefined;
}

/**
 * Tasks with their instances, from the pool or the trash, in one transaction that holds the
 * tasks, instances and trash stores: a bulk action's tasks (the curation) or the ones to show
 * again (the pool view). Ids that lie close together are read as their key range.
 */
export async function readTaskStates(tx: StatesTransaction, ids: readonly string[]): Promise<ReadTaskStates> {
  const tasks = tx.objectStore('tasks');
  const byTask = tx.objectStore('instances').index('by-task');
  const trash = tx.objectStore('trash');
  const range = await denseRange(ids, async (all) => {
    const [inPool, inTrash] = await Promise.all([tasks.count(all), trash.index('by-task').count(all)]);
    return inPool + inTrash;
  });
  const pooled = new Map<string, Task>();
  const instances = new Map<string, StoredInstance[]>();
  if (range) {
    const [taskRows, instanceRows] = await Promise.all([tasks.getAll(range), byTask.getAll(range)]);
    for (const task of taskRows) pooled.set(task.id, task);
    for (const row of instanceRows) instances.set(row.taskId, [...(instances.get(row.taskId) ?? []), row]);
  } else {
    await Promise.all(
      ids.map(async (id) => {
        const [task, rows] = await Promise.all([tasks.get(id), byTask.getAll(id)]);
        if (task) pooled.set(id, task);
        instances.set(id, rows);
      }),
    );
  }
  const missing = ids.filter((id) => !pooled.has(id));
  const trashed = missing.length === 0 ? new Map<string, FoundInTrash>() : await findTrashed(trash, missing, range);
  const states = ids.flatMap((id): TaskState[] => {
    const task = pooled.get(id);
    const found = trashed.get(id);
    if (task) return [{ task, instances: instances.get(id) ?? [] }];
    return found ? [{ task: found.task, instances: instances.get(id) ?? [], deleted: found.deleted }] : [];
  });
  return { states, trashed, range };
}
