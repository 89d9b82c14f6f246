import type { IDBPTransaction } from 'idb';
import { applyAction, describeAction, noveltyChanges } from '../curation';
import { createIdFactory } from '../ids';
import { proposedInstances } from '../run';
import type { CurationAction, CurationResult, Instance, StoredInstance, Task, TaskState, UndoSummary } from '../vocabulary';
import { readCalls } from './call-journal';
import { appendFinished, changeFinished, finishedTask, type FinishedTask } from './dataset-pages';
import type { StudioDatabase } from './open-studio-db';
import type { StudioDB, TrashedTask, UndoStep } from './schema';
import { readTaskStates } from './task-states';
import { trashTasks, untrashTasks, type FoundInTrash } from './trash';
import { writeTransaction } from './write-transaction';

/** How many undo steps a project keeps; older ones are dropped as new ones come. */
export const UNDO_STEPS_KEPT = 50;

const STORES = ['tasks', 'instances', 'trash', 'datasetPages', 'undo', 'undoStates'] as const;

/** What an action or undo changed, with the tasks' new states, for a reader that keeps rows (the pool view). */
export interface AppliedCuration extends CurationResult {
  states: TaskState[];
}
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
  async apply(projectId: string, action: CurationAction): Promise<AppliedCuration | undefined> {
    // Calls and runs never change, so they are read before the action's transaction.
    const proposed = action.kind === 'accept' ? await this.#proposedInstances(action.taskIds) : new Map<string, Instance[]>();
    let result: AppliedCuration | undefined;
    await writeTransaction(this.db, [...STORES], async (tx) => {
      const ids = action.kind === 'edit' ? [action.taskId] : [...new Set(action.taskIds)];
      const { states, trashed, range } = await readTaskStates(tx, ids);
      const offered = states.map((state) => this.#withProposed(state, proposed.get(state.task.id)));
      const next = applyAction(offered, action, { now: Date.now(), newId: this.#newId });
      const changed = offered.flatMap((state, i) => (next[i] === state ? [] : [i]));
      if (changed.length === 0) return;
      const [before, after] = [changed.map((i) => states[i]!), changed.map((i) => next[i]!)];
      await writeStates(tx, projectId, { before, after, trashed, range }, this.#newId);
      const step: UndoStep = {
        projectId,
        seq: await nextSeq(tx, projectId),
        label: describeAction(action, before.length, before[0]!.task.instruction),
        created: Date.now(),
        count: before.length,
      };
      await Promise.all([tx.objectStore('undo').add(step), tx.objectStore('undoStates').add({ projectId, seq: step.seq, before })]);
      await dropOldSteps(tx, projectId);
      result = { step: summary(step), taskIds: before.map((state) => state.task.id), novelty: noveltyChanges(before, after), states: after };
    });
    return result;
  }

  /** Puts back what the project's last action changed; undefined when there is nothing to undo. */
  async undo(projectId: string): Promise<AppliedCuration | undefined> {
    let result: AppliedCuration | undefined;
    await writeTransaction(this.db, [...STORES], async (tx) => {
      const last = await tx.objectStore('undo').openCursor(projectSteps(projectId), 'prev');
      if (!last) return;
      const step = last.value;
      const key: [string, number] = [projectId, step.seq];
      const record = (await tx.objectStore('undoStates').get(key))!;
      const ids = record.before.map((state) => state.task.id);
      const { states, trashed, range } = await readTaskStates(tx, ids);
      const current = new Map(states.map((state) => [state.task.id, state]));
      // A task is never removed outright, so each is still in the pool or the trash; the filter
      // only guards against a project deleted under the step.
      const before = record.before.filter((state) => current.has(state.task.id));
      const now = before.map((state) => current.get(state.task.id)!);
      await writeStates(tx, projectId, { before: now, after: before, trashed, range }, this.#newId);
      await Promise.all([last.delete(), tx.objectStore('undoStates').delete(key)]);
      result = { step: summary(step), taskIds: before.map((state) => state.task.id), novelty: noveltyChanges(now, before), states: before };
    });
    return result;
  }

  /**
   * Each rejected Alpaca-style candidate's instance, as its generation step proposed it
   * (proposedInstances): accepting the candidate finishes it with that instance. Only Alpaca runs'
   * calls are read, each once, however many of its candidates are accepted.
   */
  async #proposedInstances(taskIds: readonly string[]): Promise<Map<string, Instance[]>> {
    const tx = this.db.transaction(['tasks', 'runs', 'calls', 'parts']);
    const rejected = (await Promise.all(taskIds.map((id) => tx.objectStore('tasks').get(id)))).filter((task): task is Task => task?.stage === 'rejected');
    const runIds = [...new Set(rejected.map((task) => task.runId))];
    const runs = new Map(await Promise.all(runIds.map(async (id) => [id, await tx.objectStore('runs').get(id)] as const)));
    const alpaca = rejected.filter((task) => runs.get(task.runId)?.config.settings.strategy === 'alpaca');
    const records = await Promise.all([...new Set(alpaca.map((task) => task.callId))].map((id) => tx.objectStore('calls').get(id)));
    const calls = new Map((await readCalls(tx.objectStore('parts'), records.filter((record) => record !== undefined))).map((call) => [call.id, call]));
    const proposed = new Map<string, Instance[]>();
    for (const task of alpaca) {
      const call = calls.get(task.callId);
      const instances = call ? proposedInstances(task, call, runs.get(task.runId)!.config) : [];
      if (instances.length > 0) proposed.set(task.id, instances);
    }
    return proposed;
  }

  /** The state with the proposed instances as rows, where it has none of its own. */
  #withProposed(state: TaskState, proposed: readonly Instance[] | undefined): TaskState {
    if (!proposed || state.instances.length > 0 || state.deleted !== undefined) return state;
    const { id: taskId, projectId, callId } = state.task;
    return { ...state, instances: proposed.map(({ input, output }) => ({ id: this.#newId('inst'), projectId, taskId, callId, input, output })) };
  }

  /** The project's undo steps, newest first. */
  async history(projectId: string): Promise<UndoSummary[]> {
    const records = await this.db.getAll('undo', projectSteps(projectId));
    return records.reverse().map(summary);
  }
}

function summary({ seq, label, created, count }: UndoStep): UndoSummary {
  return { seq, label, created, count };
}

/**
 * Moves each task from its state in `before` to its state in `after` (pairs by position): the
 * task row or its place in the trash, the instances that changed, and its row in the dataset pages.
 */
async function writeStates(tx: CurationTransaction, projectId: string, moves: StateMoves, newId: (prefix: string) => string): Promise<void> {
  const { before, after, trashed, range } = moves;
  const tasks = tx.objectStore('tasks');
  const instances = tx.objectStore('instances');
  const pages = { remove: [] as string[], replace: [] as FinishedTask[], add: [] as FinishedTask[] };
  const leaving: FoundInTrash[] = [];
  const arriving: (TrashedTask & { deleted: number })[] = [];
  const writes: Promise<unknown>[] = [];
  before.forEach((old, i) => {
    const next = after[i]!;
    const id = next.task.id;
    if (old.deleted !== undefined) leaving.push(trashed.get(id)!);
    if (next.deleted === undefined) writes.push(tasks.put(next.task));
    else {
      arriving.push({ task: next.task, instanceIds: next.instances.map((row) => row.id), deleted: next.deleted });
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
  const trash = tx.objectStore('trash');
  await Promise.all([...writes, untrashTasks(trash, leaving)]);
  await trashTasks(trash, projectId, arriving, newId);
  await changeFinished(tx.objectStore('datasetPages'), pages, range);
  await appendFinished(tx.objectStore('datasetPages'), projectId, pages.add);
}

/** Each task's state before and after (pairs by position), where the trashed ones lie, and the ids' range. */
interface StateMoves {
  before: readonly TaskState[];
  after: readonly TaskState[];
  trashed: ReadonlyMap<string, FoundInTrash>;
  range: IDBKeyRange | undefined;
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
  const keys = await tx.objectStore('undo').getAllKeys(projectSteps(projectId));
  const dropped = keys.slice(0, Math.max(0, keys.length - UNDO_STEPS_KEPT));
  await Promise.all(dropped.flatMap((key) => [tx.objectStore('undo').delete(key), tx.objectStore('undoStates').delete(key)]));
}

/** Every [projectId, seq] key of one project. */
function projectSteps(projectId: string): IDBKeyRange {
  return IDBKeyRange.bound([projectId, -Infinity], [projectId, Infinity]);
}
