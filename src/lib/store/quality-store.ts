// The judge's judgments and a person's audit, kept beside a project's pool and never in it: judging
// changes no task, and only a person's filter or action does.
import { byCreation } from '../ids';
import { judgedContentHash, type JudgeableTask, type JudgedTask } from '../judge';
import type { Audit, CallRecord, Instance, StoredJudgment, Task } from '../vocabulary';
import { addCalls, JOURNAL_STORES, journalStores } from './call-journal';
import { readFinished, type FinishedTask } from './dataset-pages';
import type { StudioDatabase } from './open-studio-db';
import { readTaskStates } from './task-states';
import { writeTransaction } from './write-transaction';

/** A finished task the judge is still to judge, as it was when the queue was read. */
export interface JudgeQueueItem extends JudgedTask {
  taskId: string;
  contentHash: string;
}

/** How the project's finished tasks stand with the judge (the shared meaning: design11). */
export interface JudgeCounts {
  finished: number;
  /** Current and readable. */
  judged: number;
  /** Current, but the answer could not be read. */
  unreadable: number;
  /** Judged before a person's edit. */
  stale: number;
  /** Never judged. */
  none: number;
}

export class QualityStore {
  constructor(private readonly db: StudioDatabase) {}

  /** Every judgment of the project's tasks, by task id order. */
  judgments(projectId: string): Promise<StoredJudgment[]> {
    return this.db.getAll('judgments', judgmentsOf(projectId));
  }

  audit(projectId: string): Promise<Audit | undefined> {
    return this.db.get('audits', projectId);
  }

  async saveAudit(audit: Audit): Promise<void> {
    await writeTransaction(this.db, ['audits'], (tx) => tx.objectStore('audits').put(audit));
  }

  /** The judgeable tasks (finished, in the pool: the trash holds its tasks apart) with their instance counts, oldest first, as an audit samples them. */
  async auditableTasks(projectId: string): Promise<{ taskId: string; instanceCount: number }[]> {
    const done = await this.db.getAllFromIndex('tasks', 'by-project-stage', [projectId, 'done']);
    // Creation order, so the same seed draws the same sample whatever order the index gives.
    return done.sort(byCreation).map((task) => ({ taskId: task.id, instanceCount: task.instanceCount ?? 0 }));
  }

  /** The audited tasks as they are now, by id; a task deleted (in the trash) or no longer finished is absent. */
  async auditedTasks(taskIds: readonly string[]): Promise<Map<string, AuditedTaskNow>> {
    const tx = this.db.transaction(['tasks', 'instances']);
    const byTask = tx.objectStore('instances').index('by-task');
    const found = await Promise.all(
      taskIds.map(async (id): Promise<[string, AuditedTaskNow] | undefined> => {
        const task = await tx.objectStore('tasks').get(id);
        if (task?.stage !== 'done') return undefined;
        // The by-task index keeps the instances' creation order: the task's instance order.
        const instances = (await byTask.getAll(id)).map(({ input, output }) => ({ input, output }));
        return [id, { instruction: task.instruction, instances, ...(task.edited !== undefined ? { edited: task.edited } : {}) }];
      }),
    );
    return new Map(found.filter((entry) => entry !== undefined));
  }

  /** A judgment and the call that gave it, in one transaction: neither is ever stored without the other. */
  async saveJudgment(call: CallRecord, stored: StoredJudgment): Promise<void> {
    await writeTransaction(this.db, [...JOURNAL_STORES, 'judgments'], async (tx) => {
      await addCalls(journalStores(tx), [call]);
      await tx.objectStore('judgments').put(stored);
    });
  }

  /**
   * The judge's work: the project's judgeable tasks (finished, in the pool) without a current
   * judgment (none, or one made before an edit), oldest first. Read from the dataset pages, a few
   * hundred records for 100k tasks, with the judgments, in one transaction.
   */
  async judgeQueue(projectId: string): Promise<JudgeQueueItem[]> {
    const { finished, current } = await this.#finishedWithJudgments(projectId);
    return finished.filter((item) => !current.has(`${item.taskId}\n${item.contentHash}`));
  }

  /** How many finished tasks are judged, unreadable, stale or not judged. */
  async judgeCounts(projectId: string): Promise<JudgeCounts> {
    const { finished, judgments } = await this.#finishedWithJudgments(projectId);
    const counts: JudgeCounts = { finished: finished.length, judged: 0, unreadable: 0, stale: 0, none: 0 };
    for (const item of finished) {
      const stored = judgments.get(item.taskId);
      if (!stored) counts.none++;
      else if (stored.contentHash !== item.contentHash) counts.stale++;
      else counts[stored.judgment.status === 'judged' ? 'judged' : 'unreadable']++;
    }
    return counts;
  }

  /**
   * One task as it is now, if it is still judgeable and has no current judgment: a person may have
   * deleted or edited it, or another judge judged it, since the queue was read.
   */
  async judgeableTask(projectId: string, taskId: string): Promise<JudgeableTask | undefined> {
    const tx = this.db.transaction(['tasks', 'instances', 'trash', 'judgments']);
    const [{ states }, stored] = await Promise.all([readTaskStates(tx, [taskId]), tx.objectStore('judgments').get([projectId, taskId])]);
    const state = states[0];
    if (!state || state.deleted !== undefined || state.task.stage !== 'done' || state.task.projectId !== projectId) return undefined;
    const instances = state.instances.map(({ input, output }) => ({ input, output }));
    const contentHash = judgedContentHash(state.task.instruction, instances);
    return stored?.contentHash === contentHash ? undefined : { instruction: state.task.instruction, instances, contentHash };
  }

  async #finishedWithJudgments(projectId: string) {
    const tx = this.db.transaction(['datasetPages', 'judgments']);
    // Each task hashed as its part of pages arrives, not all at once after the last.
    const hashed = ({ task, instances }: FinishedTask) => ({ task, instances, contentHash: judgedContentHash(task.instruction, instances) });
    const [rows, stored] = await Promise.all([readFinished(tx.objectStore('datasetPages'), projectId, hashed), tx.objectStore('judgments').getAll(judgmentsOf(projectId))]);
    const finished: JudgeQueueItem[] = rows.map(({ task, instances, contentHash }) => ({ taskId: task.id, instruction: task.instruction, instances, contentHash }));
    const judgments = new Map(stored.map((row) => [row.taskId, row]));
    const current = new Set(stored.map((row) => `${row.taskId}\n${row.contentHash}`));
    return { finished, judgments, current };
  }
}

/** What an audit reads of a task now (src/lib/audit's AuditedTask). */
export type AuditedTaskNow = Pick<Task, 'instruction' | 'edited'> & { instances: Instance[] };

/** The key range of one project's judgments. */
export function judgmentsOf(projectId: string): IDBKeyRange {
  return IDBKeyRange.bound([projectId], [projectId, []]);
}
