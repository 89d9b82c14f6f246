import { judgedContentHash } from '../../lib/judge';
import type { JudgeStatus, RowJudgment } from '../../lib/pool-view';
import type { TaskDetail } from '../../lib/store';
import type { StoredJudgment } from '../../lib/vocabulary';

/** Each judgment status as a filter names it. */
export const JUDGE_STATUS_NAMES: Record<JudgeStatus, string> = {
  none: 'Not judged',
  judged: 'Judged',
  unreadable: 'Unreadable answer',
  stale: 'Stale: judged before your edit',
};

/** A row's judgment in the score column: short text (never a colour alone) and what a screen reader and a tooltip say. */
export function scoreText(judgment: RowJudgment): { short: string; long: string } {
  switch (judgment.status) {
    case 'judged':
      return { short: `${judgment.score}/5`, long: `Judged ${judgment.score} of 5` };
    case 'stale':
      return { short: 'stale', long: 'Judged before your edit: judge it again' };
    case 'unreadable':
      return { short: '?', long: "The judge's answer could not be read" };
    case 'none':
      return { short: '—', long: 'Not judged' };
  }
}

/** The open task's judgment as its panel shows it: stale when the task changed since, and the call's raw text for an unreadable one. */
export interface TaskJudgment {
  stored: StoredJudgment;
  stale: boolean;
  /** What the judge model wrote (from the journaled call), when it is still there. */
  raw?: string;
}

export function taskJudgment({ task, instances, calls, judgment }: TaskDetail): TaskJudgment | undefined {
  if (!judgment) return undefined;
  const raw = calls.find((call) => call.id === judgment.callId)?.result.text;
  return { stored: judgment, stale: judgment.contentHash !== judgedContentHash(task.instruction, instances), ...(raw === undefined ? {} : { raw }) };
}
