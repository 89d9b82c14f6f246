import type { IDBPTransaction } from 'idb';
import { applyAction, describeAction, noveltyChanges } from '../curation';
import { createIdFactory } from '../ids';
import type { CurationAction, CurationResult, StoredInstance, Task, TaskState, UndoSummary } from '../vocabulary';
import { appendFinished, changeFinished, finishedTask, type FinishedTask } from './dataset-pages';
import type { StudioDatabase } from './open-studio-db';
import type { StudioDB, TrashedTask, UndoRecord } from './schema';
import { writeTransaction } from './write-transaction';

/** How many undo steps a project keeps; older ones are dropped as new ones come. */
export const UNDO_STEPS_KEPT = 50;

const STORES = ['tasks', 'instances', 'trash', 'datasetPages', 'undo'] as const;
type CurationTransaction = IDBPTransaction<StudioDB, (typeof STORES)[number][], 'readwrite'>;

/**
 * What a person does to a project's pool: edit, delete to the trash, restore, accept, mark
 * reviewed, and undo. Each action is one transaction that writes the tasks, their instances, the
 * trash, the dataset pages and the undo step together, so a crash leaves all of it or none.
 * The call journal is never touched: the model calls behind a deleted task stay.
 */
export class CurationStore {
  readonly #newId = createIdFactory();

  constructor(private readonly db: StudioDatabase) {}

  /** Applies the action; undefined when it changed nothing (and no undo step was written). */
  async apply(projectId: string, action: CurationAction): Promise<CurationResult | undefined> {
    let result: CurationResult | undefined;
    await writeTransaction(this.db, [...STORES], async (tx) => {
      const ids = action.kind === 'edit' ? [action.taskId] : [...new Set(action.taskIds)];
      const range = await denseRange(tx, ids);
      const states = await readStates(tx, ids, range);
      const next = applyAction(states, action, { now: Date.now(), newId: this.#newId });
      const changed = states.flatMap((state, i) => (next[i] === state ? [] : [i]));
      if (changed.length === 0) return;
      const [before, after] = [changed.map((i) => states[i]!), changed.map((i) => next[i]!)];
      await writeStates(tx, projectId, before, after, range);
      const record: UndoRecord = {
        projectId,
        seq: await nextSeq(tx, projectId),
        label: describeAction(action, before.length, before[0]!.task.instruction),
        created: Date.now(),
        before,
      };
      await tx.objectStore('undo').add(record);
      await dropOldSteps(tx, projectId);
      result = { step: summary(record), taskIds: before.map((state) => state.task.id), novelty: noveltyChanges(before, after) };
    });
    return result;
  }

  /** Puts back what the project's last action changed; undefined when there is nothing to undo. */
  async undo(projectId: string): Promise<CurationResult | undefined> {
    let result: CurationResult | undefined;
    await writeTransaction(this.db, [...STORES], async (tx) => {
      const last = await tx.objectStore('undo').openCursor(projectSteps(projectId), 'prev');
      if (!last) return;
      const record = last.value;
      const ids = record.before.map((state) => state.task.id);
      const range = await denseRange(tx, ids);
      const current = new Map((await readStates(tx, ids, range)).map((state) => [state.task.id, state]));
      // A task is never removed outright, so each is still in the pool or the trash; the filter
      // only guards against a project deleted under the step.
      const before = record.before.filter((state) => current.has(state.task.id));
      const now = before.map((state) => current.get(state.task.id)!);
      await writeStates(tx, projectId, now, before, range);
      await last.delete();
      result = { step: summary(record), taskIds: before.map((state) => state.task.id), novelty: noveltyChanges(now, before) };
    });
    return result;
  }

  /** The project's undo steps, newest first. */
  async history(projectId: string): Promise<UndoSummary[]> {
    const records = await this.db.getAll('undo', projectSteps(projectId));
    return records.reverse().map(summary);
  }
}

function summary({ seq, label, created, before }: UndoRecord): UndoSummary {
  return { seq, label, created, count: before.length };
}

/** A range of task ids read at once when it holds at most this many rows per task asked for. */
const DENSE = 3;

/**
 * One key range over the tasks' ids when they lie close together, as a filter's or a selection's
 * usually do (ids sort by creation): a few range reads then replace a read per task, which is
 * what a 10k-task action costs most. Undefined when they are scattered.
 */
async function denseRange(tx: CurationTransaction, ids: readonly string[]): Promise<IDBKeyRange | undefined> {
  if (ids.length < 2) return undefined;
  const sorted = [...ids].sort();
  const range = IDBKeyRange.bound(sorted[0]!, sorted.at(-1)!);
  const [pooled, trashed] = await Promise.all([tx.objectStore('tasks').count(range), tx.objectStore('trash').count(range)]);
  return pooled + trashed <= DENSE * ids.length ? range : undefined;
}

/** The tasks' states, in the order of `ids`, from the pool or the trash; an unknown id is left out. */
async function readStates(tx: CurationTransaction, ids: readonly string[], range: IDBKeyRange | undefined): Promise<TaskState[]> {
  const tasks = tx.objectStore('tasks');
  const trash = tx.objectStore('trash');
  const byTask = tx.objectStore('instances').index('by-task');
  const pooled = new Map<string, Task>();
  const trashed = new Map<string, TrashedTask>();
  const instances = new Map<string, StoredInstance[]>();
  if (range) {
    const [taskRows, trashRows, instanceRows] = await Promise.all([tasks.getAll(range), trash.getAll(range), byTask.getAll(range)]);
    for (const task of taskRows) pooled.set(task.id, task);
    for (const row of trashRows) trashed.set(row.id, row);
    for (const row of instanceRows) instances.set(row.taskId, [...(instances.get(row.taskId) ?? []), row]);
  } else {
    await Promise.all(
      ids.map(async (id) => {
        const [task, rows] = await Promise.all([tasks.get(id), byTask.getAll(id)]);
        const row = task ? undefined : await trash.get(id);
        if (task) pooled.set(id, task);
        if (row) trashed.set(id, row);
        instances.set(id, rows);
      }),
    );
  }
  return ids.flatMap((id): TaskState[] => {
    const task = pooled.get(id);
    const row = trashed.get(id);
    if (task) return [{ task, instances: instances.get(id) ?? [] }];
    return row ? [{ task: row.task, instances: instances.get(id) ?? [], deleted: row.deleted }] : [];
  });
}

/**
 * Moves each task from its state in `before` to its state in `after` (pairs by position): the
 * task row or its trash record, the instances that changed, and its row in the dataset pages.
 */
async function writeStates(tx: CurationTransaction, projectId: string, before: readonly TaskState[], after: readonly TaskState[], range: IDBKeyRange | undefined): Promise<void> {
  const tasks = tx.objectStore('tasks');
  const instances = tx.objectStore('instances');
  const trash = tx.objectStore('trash');
  const pages = { remove: [] as string[], replace: [] as FinishedTask[], add: [] as FinishedTask[] };
  const writes: Promise<unknown>[] = [];
  before.forEach((old, i) => {
    const next = after[i]!;
    const id = next.task.id;
    if (next.deleted === undefined) {
      writes.push(tasks.put(next.task));
      if (old.deleted !== undefined) writes.push(trash.delete(id));
    } else {
      const instanceKeys = next.instances.map((row): [string, string] => [projectId, row.id]);
      writes.push(trash[old.deleted === undefined ? 'add' : 'put']({ id, projectId, deleted: next.deleted, task: next.task, instanceKeys }));
      if (old.deleted === undefined) writes.push(tasks.delete(id));
    }
    // Only instances whose content changed are written: a delete, a restore or a review mark
    // touches none, and neither does their undo.
    const oldRows = new Map(old.instances.map((row) => [row.id, row]));
    const newIds = new Set(next.instances.map((row) => row.id));
    for (const row of old.instances) if (!newIds.has(row.id)) writes.push(instances.delete(row.id));
    for (const row of next.instances) if (!sameRow(oldRows.get(row.id), row)) writes.push(instances.put(row));
    const [was, is] = [isFinished(old), isFinished(next)];
    if (was && !is) pages.remove.push(id);
    else if (!was && is) pages.add.push(finishedTask(next.task, next.instances));
    else if (was && is && !sameExport(old, next)) pages.replace.push(finishedTask(next.task, next.instances));
  });
  await Promise.all(writes);
  await changeFinished(tx.objectStore('datasetPages'), pages, range);
  await appendFinished(tx.objectStore('datasetPages'), projectId, pages.add);
}

function sameRow(a: StoredInstance | undefined, b: StoredInstance): boolean {
  return a !== undefined && a.input === b.input && a.output === b.output && a.callId === b.callId;
}

/** Whether the exports read the same of both states: a review mark, say, changes nothing there. */
function sameExport(a: TaskState, b: TaskState): boolean {
  return (
    a.task.instruction === b.task.instruction &&
    a.task.isClassification === b.task.isClassification &&
    a.task.edited === b.task.edited &&
    a.instances.length === b.instances.length &&
    a.instances.every((row, i) => row.input === b.instances[i]!.input && row.output === b.instances[i]!.output)
  );
}

/** In the exports: finished, and not in the trash. */
function isFinished(state: TaskState): boolean {
  return state.deleted === undefined && state.task.stage === 'done';
}

async function nextSeq(tx: CurationTransaction, projectId: string): Promise<number> {
  const last = await tx.objectStore('undo').openCursor(projectSteps(projectId), 'prev');
  return last ? last.value.seq + 1 : 1;
}

async function dropOldSteps(tx: CurationTransaction, projectId: string): Promise<void> {
  const store = tx.objectStore('undo');
  const keys = await store.getAllKeys(projectSteps(projectId));
  await Promise.all(keys.slice(0, Math.max(0, keys.length - UNDO_STEPS_KEPT)).map((key) => store.delete(key)));
}

/** Every [projectId, seq] key of one project. */
function projectSteps(projectId: string): IDBKeyRange {
  return IDBKeyRange.bound([projectId, -Infinity], [projectId, Infinity]);
}
