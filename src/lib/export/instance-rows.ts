import type { ExportRow } from '../vocabulary';

/** One instance with its task: the unit of every per-instance format. */
export interface InstanceRow {
  taskId: string;
  instruction: string;
  input: string;
  output: string;
  isClassification: boolean;
}

/** Every instance of every task, in order; a task without instances yields nothing. */
export function* instanceRows(rows: Iterable<ExportRow>): Generator<InstanceRow> {
  for (const { task, instances } of rows) {
    for (const { input, output } of instances) {
      yield { taskId: task.id, instruction: task.instruction, input, output, isClassification: task.isClassification ?? false };
    }
  }
}

/** The user's turn in the chat formats: the instruction, then the input after a blank line when there is one. */
export function userTurn({ instruction, input }: InstanceRow): string {
  return input.trim() === '' ? instruction : `${instruction}\n\n${input}`;
}
