import type { ExportJudge } from '../vocabulary';

/**
 * The judge's columns of the flat table (CSV, Parquet), after the task's own: a task not judged,
 * judged unreadably or judged before an edit has them empty (null in Parquet).
 */
export const JUDGE_COLUMNS = ['judge_score', 'judge_valid_instruction', 'judge_appropriate_input', 'judge_acceptable_output', 'judge_reason', 'judge_model'] as const;

/** One instance's judge cells: `index` is the instance's place in its task, which acceptableOutputs follows. */
export type JudgeCells = [number | null, boolean | null, boolean | null, boolean | null, string | null, string | null];

const NOT_JUDGED: JudgeCells = [null, null, null, null, null, null];

export function judgeCells(judge: ExportJudge | undefined, index: number): JudgeCells {
  if (!judge) return NOT_JUDGED;
  const { verdict, modelId } = judge;
  return [verdict.score, verdict.validInstruction, verdict.appropriateInput, verdict.acceptableOutputs[index] ?? null, verdict.reason, modelId];
}

/** A Self-Instruct JSONL record's judge fields: one per question, the outputs' verdicts in instance order; all null when not judged. */
export interface JudgeFields {
  judge_score: number | null;
  judge_valid_instruction: boolean | null;
  judge_appropriate_input: boolean | null;
  judge_acceptable_outputs: boolean[] | null;
  judge_reason: string | null;
  judge_model: string | null;
}

export function judgeFields(judge: ExportJudge | undefined): JudgeFields {
  if (!judge) {
    return { judge_score: null, judge_valid_instruction: null, judge_appropriate_input: null, judge_acceptable_outputs: null, judge_reason: null, judge_model: null };
  }
  const { verdict, modelId } = judge;
  return {
    judge_score: verdict.score,
    judge_valid_instruction: verdict.validInstruction,
    judge_appropriate_input: verdict.appropriateInput,
    judge_acceptable_outputs: [...verdict.acceptableOutputs],
    judge_reason: verdict.reason,
    judge_model: modelId,
  };
}
