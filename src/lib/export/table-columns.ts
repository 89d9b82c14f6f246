import type { InstanceRow } from './instance-rows';

/** The flat table, one row per instance, that CSV and Parquet share. */
export const TABLE_COLUMNS = ['instruction', 'input', 'output', 'is_classification', 'task_id'] as const;

export function tableRow({ instruction, input, output, isClassification, taskId }: InstanceRow): [string, string, string, boolean, string] {
  return [instruction, input, output, isClassification, taskId];
}
