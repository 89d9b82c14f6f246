// What the pool view reads from IndexedDB: a whole project once, then the tasks that changed.
import { denseRange, projectTrash, QualityStore, readTaskStates, type StudioDatabase } from '../store';
import type { Run, StoredInstance, StoredJudgment, TaskState } from '../vocabulary';

/** Every task of a project, in the pool and in the trash, with its instances, and the project's runs. */
export async function readProject(db: StudioDatabase, projectId: string): Promise<{ states: TaskState[]; runs: Run[] }> {
  const tx = db.transaction(['tasks', 'instances', 'runs', 'trash']);
  const [tasks, instances, runs, trashed] = await Promise.all([
    tx.objectStore('tasks').index('by-project').getAll(projectId),
    // The trash's tasks keep their instances here too.
    tx.objectStore('instances').index('by-project').getAll(projectId),
    tx.objectStore('runs').index('by-project').getAll(projectId),
    projectTrash(tx.objectStore('trash'), projectId),
  ]);
  const byTask = groupByTask(instances);
  const states: TaskState[] = tasks.map((task) => ({ task, instances: byTask.get(task.id) ?? [] }));
  for (const { task, deleted } of trashed) states.push({ task, instances: byTask.get(task.id) ?? [], deleted });
  return { states, runs };
}

/** The judge's latest judgment of each of the project's tasks, by task id. */
export async function readJudgments(db: StudioDatabase, projectId: string): Promise<Map<string, StoredJudgment>> {
  return new Map((await new QualityStore(db).judgments(projectId)).map((judgment) => [judgment.taskId, judgment]));
}

/** The judgments of these tasks as stored now; a task without one is missing from the map. */
export async function readJudgmentsOf(db: StudioDatabase, projectId: string, taskIds: readonly string[]): Promise<Map<string, StoredJudgment>> {
  const store = db.transaction('judgments').objectStore('judgments');
  const found = await Promise.all(taskIds.map((taskId) => store.get([projectId, taskId])));
  return new Map(found.filter((judgment) => judgment !== undefined).map((judgment) => [judgment.taskId, judgment]));
}

/** The project's runs. */
export function readRuns(db: StudioDatabase, projectId: string): Promise<Run[]> {
  return db.getAllFromIndex('runs', 'by-project', projectId);
}

/** These tasks as they are now, in the pool or in the trash; `gone` lists those found in neither (or in another project). */
export async function readTasks(db: StudioDatabase, projectId: string, taskIds: readonly string[]): Promise<{ states: TaskState[]; gone: string[] }> {
  const keys = [...new Set(taskIds)];
  const { states } = await readTaskStates(db.transaction(['tasks', 'instances', 'trash']), keys);
  const mine = states.filter((state) => state.task.projectId === projectId);
  const found = new Set(mine.map((state) => state.task.id));
  return { states: mine, gone: keys.filter((id) => !found.has(id)) };
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
  const byTask = groupByTask(await recordsUnder(tx.objectStore('instances').index('by-task'), tasks.map(byId), byTaskId));
  return tasks.map((task) => ({ task, instances: byTask.get(task.id) ?? [] }));
}

/** A store or an index, read by key. */
interface KeyedRecords<Value> {
  count(query: IDBKeyRange): Promise<number>;
  getAll(query: string | IDBKeyRange): Promise<Value[]>;
}

/** The records under these sorted keys: their range in one read when they lie close together (denseRange), else one read per key. */
async function recordsUnder<Value>(source: KeyedRecords<Value>, keys: readonly string[], keyOf: (record: Value) => string): Promise<Value[]> {
  if (keys.length === 0) return [];
  const range = await denseRange(keys, (all) => source.count(all));
  if (range) {
    const wanted = new Set(keys);
    return (await source.getAll(range)).filter((record) => wanted.has(keyOf(record)));
  }
  return (await Promise.all(keys.map((key) => source.getAll(key)))).flat();
}

const byId = (record: { id: string }) => record.id;
const byTaskId = (instance: StoredInstance) => instance.taskId;

function groupByTask(instances: readonly StoredInstance[]): Map<string, StoredInstance[]> {
  const byTask = new Map<string, StoredInstance[]>();
  for (const instance of instances) {
    const list = byTask.get(instance.taskId);
    if (list) list.push(instance);
    else byTask.set(instance.taskId, [instance]);
  }
  return byTask;
}
