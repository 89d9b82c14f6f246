import type { IDBPTransaction } from 'idb';
import { applyAction, describeAction, noveltyChanges } from '../curation';
import { createIdFactory } from '../ids';
import type { CurationAction, CurationResult, TaskState, UndoSummary } from '../vocabulary';
import { appendFinished, changeFinished, finishedTask, type FinishedTask } from './dataset-pages';
import type { StudioDatabase } from './open-studio-db';
import type { StudioDB, UndoRecord } from './schema';
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
      const states = await readStates(tx, ids);
      const next = applyAction(states, action, { now: Date.now(), newId: this.#newId });
      const changed = states.flatMap((state, i) => (next[i] === state ? [] : [i]));
      if (changed.length === 0) return;
      const [before, after] = [changed.map((i) => states[i]!), changed.map((i) => next[i]!)];
      await writeStates(tx, projectId, before, after);
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
      const current = new Map((await readStates(tx, record.before.map((state) => state.task.id))).map((state) => [state.task.id, state]));
      // A task is never removed outright, so each is still in the pool or the trash; the filter
      // only guards against a project deleted under the step.
      const before = record.before.filter((state) => current.has(state.task.id));
      const now = before.map((state) => current.get(state.task.id)!);
      await writeStates(tx, projectId, now, before);
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

/** The tasks' states, in the order of `ids`, from the pool or the trash; an unknown id is left out. */
async function readStates(tx: CurationTransaction, ids: readonly string[]): Promise<TaskState[]> {
  const states = await Promise.all(
    ids.map(async (id): Promise<TaskState | undefined> => {
      const task = await tx.objectStore('tasks').get(id);
      if (task) return { task, instances: await tx.objectStore('instances').index('by-task').getAll(id) };
      const trashed = await tx.objectStore('trash').get(id);
      return trashed && { task: trashed.task, instances: trashed.instances, deleted: trashed.deleted };
    }),
  );
  return states.filter((state) => state !== undefined);
}

/**
 * Moves each task from its state in `before` to its state in `after` (pairs by position): the
 * task row or its trash record, its instances, and its row in the dataset pages.
 */
async function writeStates(tx: CurationTransaction, projectId: string, before: readonly TaskState[], after: readonly TaskState[]): Promise<void> {
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
      writes.push(trash[old.deleted === undefined ? 'add' : 'put']({ id, projectId, deleted: next.deleted, task: next.task, instances: next.instances }));
      if (old.deleted === undefined) writes.push(tasks.delete(id));
    }
    // Instances are rewritten only where they changed: marking 10k tasks reviewed touches none.
    const oldRows = old.deleted === undefined ? old.instances : [];
    const newRows = next.deleted === undefined ? next.instances : [];
    const keptIds = new Set(newRows.map((row) => row.id));
    for (const row of oldRows) if (!keptIds.has(row.id)) writes.push(instances.delete(row.id));
    const unchanged = new Set(oldRows);
    for (const row of newRows) if (!unchanged.has(row)) writes.push(instances.put(row));
    const [was, is] = [isFinished(old), isFinished(next)];
    if (was && !is) pages.remove.push(id);
    else if (!was && is) pages.add.push(finishedTask(next.task, next.instances));
    else if (was && is && !sameExport(old, next)) pages.replace.push(finishedTask(next.task, next.instances));
  });
  await Promise.all(writes);
  await changeFinished(tx.objectStore('datasetPages'), pages);
  await appendFinished(tx.objectStore('datasetPages'), projectId, pages.add);
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
