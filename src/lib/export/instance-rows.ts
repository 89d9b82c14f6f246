import type { ExportJudge, ExportRow } from '../vocabulary';

/** One instance with its task: the unit of every per-instance format. */
export interface InstanceRow {
  taskId: string;
  instruction: string;
  input: string;
  output: string;
  isClassification: boolean;
  /** Its place among its task's instances, which the judge's verdicts follow. */
  index: number;
  judge?: ExportJudge;
}

/** Every instance of every task, in order; a task without instances yields nothing. */
export function* instanceRows(rows: Iterable<ExportRow>): Generator<InstanceRow> {
  for (const { task, instances, judge } of rows) {
    for (const [index, { input, output }] of instances.entries()) {
      yield { taskId: task.id, instruction: task.instruction, input, output, isClassification: task.isClassification ?? false, index, ...(judge ? { judge } : {}) };
    }
  }
}

const INPUT_BREAK = '\n\n';

/** The user's turn in the chat formats: the instruction, then the input after a blank line when there is one. */
export function userTurn({ instruction, input }: InstanceRow): string {
  return input.trim() === '' ? instruction : instruction + INPUT_BREAK + input;
}

/**
 * The instruction and input that `userTurn` joined: the text before the first blank line, and the
 * rest. Exact for instructions without a blank line, as the method's instructions are.
 */
export function splitUserTurn(turn: string): { instruction: string; input: string } {
  const end = turn.indexOf(INPUT_BREAK);
  return end === -1 ? { instruction: turn, input: '' } : { instruction: turn.slice(0, end), input: turn.slice(end + INPUT_BREAK.length) };
}
