import { judgedContentHash } from '../judge';
import type { ExportRow, StoredJudgment } from '../vocabulary';

/**
 * The rows with the judge's verdict of each task that has a current one: judged (not unreadable)
 * and of the task as exported, so a verdict made before a person's edit is left out (stale), and
 * its outputs' verdicts line up with the exported instances.
 */
export function withJudgments(rows: readonly ExportRow[], judgments: readonly StoredJudgment[]): ExportRow[] {
  if (judgments.length === 0) return [...rows];
  const byTask = new Map(judgments.map((judgment) => [judgment.taskId, judgment]));
  return rows.map((row) => {
    const stored = byTask.get(row.task.id);
    if (stored?.judgment.status !== 'judged' || stored.contentHash !== judgedContentHash(row.task.instruction, row.instances)) return row;
    return { ...row, judge: { verdict: stored.judgment.verdict, modelId: stored.modelId } };
  });
}
