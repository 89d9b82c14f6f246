// The judge's judgments and a person's audit, kept beside a project's pool and never in it: judging
// changes no task, and only a person's filter or action does.
import type { Audit, Instance, StoredJudgment, Task } from '../vocabulary';
import { byCreation } from '../ids';
import type { StudioDatabase } from './open-studio-db';
import { writeTransaction } from './write-transaction';

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
}

/** What an audit reads of a task now (src/lib/audit's AuditedTask). */
export type AuditedTaskNow = Pick<Task, 'instruction' | 'edited'> & { instances: Instance[] };

/** The key range of one project's judgments. */
export function judgmentsOf(projectId: string): IDBKeyRange {
  return IDBKeyRange.bound([projectId], [projectId, []]);
}
