import { auditReport } from '../audit';
import type { QualityStore } from '../store';
import type { DatasetCardInfo } from '../export';

/** The project's audit for its dataset card: its seed and result table, or nothing while it has no answer. */
export async function cardAudit(quality: QualityStore, projectId: string): Promise<DatasetCardInfo['audit']> {
  const audit = await quality.audit(projectId);
  if (!audit || Object.keys(audit.answers).length === 0) return undefined;
  const [tasks, judgments] = await Promise.all([quality.auditedTasks(audit.items.map((item) => item.taskId)), quality.judgments(projectId)]);
  return { seed: audit.seed, report: auditReport(audit, tasks, judgments) };
}
