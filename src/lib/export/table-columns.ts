import type { InstanceRow } from './instance-rows';
import { JUDGE_COLUMNS, judgeCells, type JudgeCells } from './judge-columns';

/** The flat table, one row per instance, that CSV and Parquet share: the task's columns, then the judge's. */
export const TABLE_COLUMNS = ['instruction', 'input', 'output', 'is_classification', 'task_id', ...JUDGE_COLUMNS] as const;

export function tableRow({ instruction, input, output, isClassification, taskId, index, judge }: InstanceRow): [string, string, string, boolean, string, ...JudgeCells] {
  return [instruction, input, output, isClassification, taskId, ...judgeCells(judge, index)];
}
