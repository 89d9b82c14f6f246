// What the pool view reads from IndexedDB: a whole project once, then the tasks that changed.
import type { StudioDatabase } from '../store';
import type { Run, StoredInstance, TaskState } from '../vocabulary';

/** Every task of a project, in the pool and in the trash, with its instances, and the project's runs. */
export async function readProject(db: StudioDatabase, projectId: string): Promise<{ states: TaskState[]; runs: Run[] }> {
  const tx = db.transaction(['tasks', 'instances', 'runs', 'trash']);
  const [tasks, instances, runs, trashed] = await Promise.all([
    tx.objectStore('tasks').index('by-project').getAll(projectId),
    tx.objectStore('instances').index('by-project').getAll(projectId),
    tx.objectStore('runs').index('by-project').getAll(projectId),
    tx.objectStore('trash').index('by-project').getAll(projectId),
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
  const tx = db.transaction(['tasks', 'instances', 'trash']);
  const found = await Promise.all(
    taskIds.map(async (id): Promise<TaskState | undefined> => {
      const [task, instances, trashed] = await Promise.all([
        tx.objectStore('tasks').get(id),
        tx.objectStore('instances').index('by-task').getAll(id),
        tx.objectStore('trash').get(id),
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
  const tasks = [];
  // The index lists a project's tasks by id: jump past the newest known instead of reading them all.
  let cursor = await tx.objectStore('tasks').index('by-project').openCursor(IDBKeyRange.only(projectId));
  if (cursor && cursor.primaryKey < newestId) cursor = await cursor.continuePrimaryKey(projectId, newestId);
  if (cursor && cursor.primaryKey === newestId) cursor = await cursor.continue();
  for (; cursor; cursor = await cursor.continue()) tasks.push(cursor.value);
  const byTask = tx.objectStore('instances').index('by-task');
  return Promise.all(tasks.map(async (task) => ({ task, instances: await byTask.getAll(task.id) })));
}
