import { auditReport } from '../audit';
import type { QualityStore } from '../store';
import type { DatasetCardInfo } from '../export';
import type { StoredJudgment } from '../vocabulary';

/**
 * The project's audit for its dataset card: its seed and result table, or nothing while it has no
 * answer. `judgments` are the project's, which the download has read already for its columns.
 */
export async function cardAudit(quality: QualityStore, projectId: string, judgments: readonly StoredJudgment[]): Promise<DatasetCardInfo['audit']> {
  const audit = await quality.audit(projectId);
  if (!audit || Object.keys(audit.answers).length === 0) return undefined;
  const tasks = await quality.auditedTasks(audit.items.map((item) => item.taskId));
  return { seed: audit.seed, report: auditReport(audit, tasks, judgments) };
}
