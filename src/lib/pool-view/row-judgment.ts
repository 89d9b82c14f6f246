import { judgedContentHash } from '../judge';
import type { JudgeCounts } from '../store';
import type { PoolRow } from './pool-row';
import type { QualityQuestion, QualityScore, StoredJudgment, TaskState } from '../vocabulary';

/**
 * Where a task stands with the judge: not judged, judged (current and readable), unreadable (the
 * judge's answer could not be read), or stale (a person changed the task since it was judged).
 */
export type JudgeStatus = 'none' | 'judged' | 'unreadable' | 'stale';

/** The judge's answer to each of the paper's questions; 'output' is true when every output was acceptable. */
export type QualityAnswers = Record<QualityQuestion, boolean>;

/** A row's judgment as the table filters and sorts it: a current verdict carries its score and answers. */
export type RowJudgment = { status: Exclude<JudgeStatus, 'judged'> } | { status: 'judged'; score: QualityScore; answers: QualityAnswers };

export const NOT_JUDGED: RowJudgment = { status: 'none' };

/** The judgment of a task as it is now: stale when its content no longer hashes to what was judged. */
export function rowJudgment(state: TaskState, stored: StoredJudgment | undefined): RowJudgment {
  if (!stored) return NOT_JUDGED;
  if (stored.contentHash !== judgedContentHash(state.task.instruction, state.instances)) return { status: 'stale' };
  const { judgment } = stored;
  if (judgment.status === 'unreadable') return { status: 'unreadable' };
  const { verdict } = judgment;
  return {
    status: 'judged',
    score: verdict.score,
    answers: { instruction: verdict.validInstruction, input: verdict.appropriateInput, output: verdict.acceptableOutputs.every(Boolean) },
  };
}

/** The judge panel's counts over rows: the finished tasks in the pool, by where each stands with the judge. */
export function judgeCountsOf(rows: Iterable<Pick<PoolRow, 'status' | 'judgment'>>): JudgeCounts {
  const counts: JudgeCounts = { finished: 0, judged: 0, unreadable: 0, stale: 0, none: 0 };
  for (const { status, judgment } of rows) {
    if (status !== 'accepted') continue;
    counts.finished++;
    counts[judgment.status]++;
  }
  return counts;
}
