import type { CallRecord, ExportRow, GenerationStep, PoolCounts, RejectedCandidate, RejectionReason, Run, SeedTask, StoredInstance, StoredJudgment, Task, TaskStage, TaskStep, TaskStore, TokenUsage } from '../vocabulary';
import { byCreation } from '../ids';
import { REJECTION_RULES } from '../method';
import { addCalls, JOURNAL_STORES, journalStores, readCalls } from './call-journal';
import { appendFinished, finishedTask, readFinished, type FinishedTask } from './dataset-pages';
import type { StudioDatabase } from './open-studio-db';
import type { StoredSeed } from './schema';
import { findTrashed } from './trash';
import { writeTransaction } from './write-transaction';

const ACCEPTED_STAGES: TaskStage[] = ['classify', 'instances', 'done'];

/** One candidate opened for inspection: its instances and every model call behind it. */
export interface TaskDetail {
  task: Task;
  instances: StoredInstance[];
  calls: CallRecord[];
  /** When it went to the trash; absent while it is in the pool. */
  deleted?: number;
  /** The judge's latest judgment of it (its call is among `calls`). */
  judgment?: StoredJudgment;
}

/** The pool of one browser profile, in IndexedDB. Every write is a single transaction. */
export class PoolStore implements TaskStore {
  constructor(private readonly db: StudioDatabase) {}

  /** Replaces the project's seed tasks, keeping their order; `onProgress` hears the fraction written. */
  async putSeeds(projectId: string, seeds: readonly SeedTask[], onProgress: (fraction: number) => void = () => {}): Promise<void> {
    await writeTransaction(this.db, ['seeds'], async (tx) => {
      const store = tx.objectStore('seeds');
      const previous = await store.index('by-project').getAllKeys(projectId);
      await Promise.all(previous.map((key) => store.delete(key)));
      let written = 0;
      await Promise.all(seeds.map((seed, position) => store.put({ ...seed, projectId, position }).then(() => onProgress(++written / seeds.length))));
    });
  }

  async seeds(projectId: string): Promise<SeedTask[]> {
    const rows = await this.db.getAllFromIndex('seeds', 'by-project', projectId);
    return rows.sort((a, b) => a.position - b.position).map(withoutStorageFields);
  }

  async acceptedTasks(projectId: string): Promise<Task[]> {
    // Only the accepted stages are read: rejected rows are a fifth of a pool and not needed here.
    const index = this.db.transaction('tasks').store.index('by-project-stage');
    const stages = await Promise.all(ACCEPTED_STAGES.map((stage) => index.getAll([projectId, stage])));
    // The pool's order, as sampling needs it.
    return stages.flat().sort(byCreation);
  }

  async nextPending(projectId: string): Promise<Task | undefined> {
    // A task is classified before its instances are made, so older classify work comes first.
    for (const stage of ['classify', 'instances'] as const) {
      const task = await this.db.getFromIndex('tasks', 'by-project-stage', [projectId, stage]);
      if (task) return task;
    }
    return undefined;
  }

  async counts(projectId: string): Promise<PoolCounts> {
    const tx = this.db.transaction(['seeds', 'tasks', 'instances', 'trash', 'calls']);
    const byStage = tx.objectStore('tasks').index('by-project-stage');
    const [seeds, rejected, classify, instancesStage, done, instances, trashedInstances, generationCalls] = await Promise.all([
      tx.objectStore('seeds').index('by-project').count(projectId),
      byStage.count([projectId, 'rejected']),
      byStage.count([projectId, 'classify']),
      byStage.count([projectId, 'instances']),
      byStage.count([projectId, 'done']),
      tx.objectStore('instances').index('by-project').count(projectId),
      tx.objectStore('trash').index('by-project-instance').count(IDBKeyRange.bound([projectId], [projectId, []])),
      tx.objectStore('calls').index('by-project-purpose').count([projectId, 'instructions']),
    ]);
    const pending = classify + instancesStage;
    // The trash's tasks keep their instances in the instances store; they are not the pool's.
    return { seeds, accepted: pending + done, rejected, pending, instances: instances - trashedInstances, generationCalls };
  }

  /** The tokens of every call the project's journal holds: what its tasks cost the model. */
  async tokenUsage(projectId: string): Promise<TokenUsage> {
    const totals = await this.db.get('callTokens', projectId);
    return { promptTokens: totals?.promptTokens ?? 0, completionTokens: totals?.completionTokens ?? 0 };
  }

  /** How many candidates each of `rules` rejected (the method's REJECTION_RULES): the funnel from generated to accepted. */
  async rejectionsByRule<Rule extends RejectionReason['rule']>(projectId: string, rules: readonly Rule[]): Promise<Record<Rule, number>> {
    const index = this.db.transaction('tasks').store.index('by-project-rule');
    const counts = await Promise.all(rules.map((rule) => index.count([projectId, rule])));
    return Object.fromEntries(rules.map((rule, i) => [rule, counts[i]!])) as Record<Rule, number>;
  }

  /** A task with everything behind it: its instances and the model calls it came from. */
  async taskDetail(taskId: string): Promise<TaskDetail | undefined> {
    const tx = this.db.transaction(['tasks', 'instances', 'trash', 'calls', 'parts', 'judgments']);
    const pooled = await tx.objectStore('tasks').get(taskId);
    const trashed = pooled ? undefined : (await findTrashed(tx.objectStore('trash'), [taskId])).get(taskId);
    const task = pooled ?? trashed?.task;
    if (!task) return undefined;
    const [instances, judgment] = await Promise.all([tx.objectStore('instances').index('by-task').getAll(taskId), tx.objectStore('judgments').get([task.projectId, taskId])]);
    // The original instances' calls too: a person's edit may have replaced every instance.
    const callIds = [...new Set([task.callId, task.classifyCallId, ...instances.map((instance) => instance.callId), judgment?.callId])];
    const records = await Promise.all(callIds.filter((id) => id !== undefined).map((id) => tx.objectStore('calls').get(id)));
    const calls = await readCalls(tx.objectStore('parts'), records.filter((record) => record !== undefined));
    return { task, instances, calls, ...(trashed ? { deleted: trashed.deleted } : {}), ...(judgment ? { judgment } : {}) };
  }

  /** Candidates that passed the heuristic filters (accepted, or rejected by ROUGE-L), oldest first. */
  async screenedCandidates(projectId: string): Promise<string[]> {
    const tasks = await this.db.getAllFromIndex('tasks', 'by-project', projectId);
    return tasks.filter((task) => task.stage !== 'rejected' || task.reason?.rule === 'rouge').map((task) => task.instruction);
  }

  /** Rejected candidates with their reasons, oldest first. */
  async rejectedTasks(projectId: string): Promise<Task[]> {
    return this.db.getAllFromIndex('tasks', 'by-project-stage', [projectId, 'rejected']);
  }

  /**
   * Every rejected candidate's id and rule, from the keys of the rule index alone: the acceptance
   * curve needs nothing else, and reading a 100k-task pool's 25k rejected tasks whole took the
   * database a quarter of a second before the statistics could read their pages.
   */
  async rejectedCandidates(projectId: string): Promise<RejectedCandidate[]> {
    const index = this.db.transaction('tasks').store.index('by-project-rule');
    const ids = await Promise.all(REJECTION_RULES.map((rule) => index.getAllKeys([projectId, rule])));
    return REJECTION_RULES.flatMap((rule, i) => ids[i]!.map((id) => ({ id, reason: { rule } })));
  }

  /**
   * Finished tasks with their instances and model, oldest first, as the exports read them. With
   * `onPart`, the rows are also handed over in parts as they are read, in the order the pages hold
   * them (the stats worker counts them meanwhile), with how many rows there are at most; the
   * result has the same row objects.
   */
  async finishedTasks(projectId: string, onPart?: (rows: readonly ExportRow[], rowsAtMost: number) => void): Promise<ExportRow[]> {
    const tx = this.db.transaction(['datasetPages', 'runs']);
    const runs = await tx.objectStore('runs').index('by-project').getAll(projectId);
    const models = new Map(runs.map((run) => [run.id, run.config.modelId]));
    // The rows are the database's fresh copies, so each takes its model in place, not in a copy.
    const withModel = (row: FinishedTask): ExportRow => Object.assign(row, { modelId: models.get(row.task.runId) ?? 'unknown' });
    return readFinished(tx.objectStore('datasetPages'), projectId, withModel, onPart);
  }

  async saveGeneration({ call, candidates, instances }: GenerationStep): Promise<void> {
    await writeTransaction(this.db, [...JOURNAL_STORES, 'tasks', 'instances', 'datasetPages'], async (tx) => {
      await addCalls(journalStores(tx), [call]);
      await Promise.all([
        ...candidates.map((task) => tx.objectStore('tasks').add(task)),
        ...instances.map((instance) => tx.objectStore('instances').add(instance)),
      ]);
      // Alpaca-style steps make finished tasks at once, instances and all.
      const finished = candidates.filter((task) => task.stage === 'done');
      const of = (task: Task) => instances.filter((instance) => instance.taskId === task.id);
      await appendFinished(tx.objectStore('datasetPages'), call.projectId, finished.map((task) => finishedTask(task, of(task))));
    });
  }

  /**
   * Writes the step's call, and its result unless a person got there first while the model was
   * answering: a task deleted, finished by hand or rejected again keeps what the person did.
   * A person's changes to a task still waiting (its text, its flag) are kept in what is written.
   */
  async saveTaskStep({ call, task, instances }: TaskStep): Promise<void> {
    await writeTransaction(this.db, [...JOURNAL_STORES, 'tasks', 'instances', 'datasetPages'], async (tx) => {
      await addCalls(journalStores(tx), [call]);
      const stored = await tx.objectStore('tasks').get(task.id);
      if (!stored || !isWaiting(stored)) return;
      const written = { ...task, ...personsFields(stored) };
      await tx.objectStore('tasks').put(written);
      await Promise.all(instances.map((instance) => tx.objectStore('instances').add(instance)));
      if (written.stage === 'done') await appendFinished(tx.objectStore('datasetPages'), task.projectId, [finishedTask(written, instances)]);
    });
  }

  async saveRun(run: Run): Promise<void> {
    await writeTransaction(this.db, ['runs'], (tx) => tx.objectStore('runs').put(run));
  }

  async latestRun(projectId: string): Promise<Run | undefined> {
    const runs = await this.db.getAllFromIndex('runs', 'by-project', projectId);
    return runs.sort((a, b) => a.started - b.started).at(-1);
  }
}

function isWaiting(task: Task): boolean {
  return task.stage === 'classify' || task.stage === 'instances';
}

/** What a person set on a task, which the loop's later step must not write over. */
function personsFields({ instruction, isClassification, original, edited, reviewed, overruled }: Task): Partial<Task> {
  const fields = { instruction, original, edited, reviewed, overruled, ...(edited === undefined ? {} : { isClassification }) };
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

function withoutStorageFields({ projectId: _project, position: _position, ...seed }: StoredSeed): SeedTask {
  return seed;
}

