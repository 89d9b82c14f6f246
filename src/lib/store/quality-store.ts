// The judge's judgments and a person's audit, kept beside a project's pool and never in it: judging
// changes no task, and only a person's filter or action does.
import type { Audit, StoredJudgment } from '../vocabulary';
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
}

/** The key range of one project's judgments. */
export function judgmentsOf(projectId: string): IDBKeyRange {
  return IDBKeyRange.bound([projectId], [projectId, []]);
}
