// What the pool view reads from IndexedDB: a whole project once, then the tasks that changed.
import type { IDBPDatabase, IDBPTransaction } from 'idb';
import type { StudioDatabase } from '../store';
import type { Run, StoredInstance, Task, TaskState } from '../vocabulary';

/** A deleted task with its instances, as the trash store holds it. */
interface TrashRecord extends TaskState {
  id: string;
  projectId: string;
  deleted: number;
}

type Reading = IDBPTransaction<unknown, string[], 'readonly'>;

const TRASH = 'trash';

/**
 * A read-only transaction over `stores` and the trash. The trash store arrives with schema
 * version 6; a database of version 5 has none, and so no deleted tasks to read.
 */
function reading(db: StudioDatabase, stores: string[]): { tx: Reading; trash: boolean } {
  const trash = db.objectStoreNames.contains(TRASH as never);
  return { tx: (db as unknown as IDBPDatabase).transaction(trash ? [...stores, TRASH] : stores), trash };
}

/** Every task of a project, in the pool and in the trash, with its instances, and the project's runs. */
export async function readProject(db: StudioDatabase, projectId: string): Promise<{ states: TaskState[]; runs: Run[] }> {
  const { tx, trash } = reading(db, ['tasks', 'instances', 'runs']);
  const [tasks, instances, runs, trashed] = await Promise.all([
    tx.objectStore('tasks').index('by-project').getAll(projectId) as Promise<Task[]>,
    tx.objectStore('instances').index('by-project').getAll(projectId) as Promise<StoredInstance[]>,
    tx.objectStore('runs').index('by-project').getAll(projectId) as Promise<Run[]>,
    trash ? (tx.objectStore(TRASH).index('by-project').getAll(projectId) as Promise<TrashRecord[]>) : [],
  ]);
  const byTask = new Map<string, StoredInstance[]>();
  for (const instance of instances) {
    const list = byTask.get(instance.taskId);
    if (list) list.push(instance);
    else byTask.set(instance.taskId, [instance]);
  }
  const states: TaskState[] = tasks.map((task) => ({ task, instances: byTask.get(task.id) ?? [] }));
  for (const { task, instances, deleted } of trashed) states.push({ task, instances, deleted });
  return { states, runs };
}

/** The project's runs. */
export function readRuns(db: StudioDatabase, projectId: string): Promise<Run[]> {
  return db.getAllFromIndex('runs', 'by-project', projectId);
}

/** These tasks as they are now, in the pool or in the trash; `gone` lists those found in neither. */
export async function readTasks(db: StudioDatabase, projectId: string, taskIds: readonly string[]): Promise<{ states: TaskState[]; gone: string[] }> {
  const { tx, trash } = reading(db, ['tasks', 'instances']);
  const found = await Promise.all(
    taskIds.map(async (id): Promise<TaskState | undefined> => {
      const [task, instances, trashed] = await Promise.all([
        tx.objectStore('tasks').get(id) as Promise<Task | undefined>,
        tx.objectStore('instances').index('by-task').getAll(id) as Promise<StoredInstance[]>,
        trash ? (tx.objectStore(TRASH).get(id) as Promise<TrashRecord | undefined>) : undefined,
      ]);
      if (task?.projectId === projectId) return { task, instances };
      if (trashed?.projectId === projectId) return { task: trashed.task, instances: trashed.instances, deleted: trashed.deleted };
      return undefined;
    }),
  );
  return {
    states: found.filter((state) => state !== undefined),
    gone: taskIds.filter((_, i) => found[i] === undefined),
  };
}

/** The project's tasks with ids above `newestId` (made since: ids sort by creation), with their instances. */
export async function readNewer(db: StudioDatabase, projectId: string, newestId: string): Promise<TaskState[]> {
  const tx = db.transaction(['tasks', 'instances']);
  const tasks: Task[] = [];
  // The index lists a project's tasks by id: jump past the newest known instead of reading them all.
  let cursor = await tx.objectStore('tasks').index('by-project').openCursor(IDBKeyRange.only(projectId));
  if (cursor && cursor.primaryKey < newestId) cursor = await cursor.continuePrimaryKey(projectId, newestId);
  if (cursor && cursor.primaryKey === newestId) cursor = await cursor.continue();
  for (; cursor; cursor = await cursor.continue()) tasks.push(cursor.value);
  const byTask = tx.objectStore('instances').index('by-task');
  return Promise.all(tasks.map(async (task) => ({ task, instances: await byTask.getAll(task.id) })));
}
