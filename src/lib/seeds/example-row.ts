import type { SeedRow } from './import-result';

export type RowFields = Omit<SeedRow, 'line'>;

/**
 * Other datasets' names for the example's fields: Dolly has "context" and "response", GPTeacher
 * "response". Reading them keeps an example from being dropped without a word.
 */
export const INPUT_FIELDS = ['input', 'context'];
export const OUTPUT_FIELDS = ['output', 'response'];

/**
 * A task from a row that holds at most one example (Alpaca JSON, JSONL, CSV). A row without an
 * output is an instruction without an example. If it has an input, the example is left out and
 * flagged, as Self-Instruct's instance filter drops empty outputs (anchor §1.4): Alpaca's own 52K
 * file has 16 such rows, too few to refuse the file for.
 */
export function exampleRow(instruction: string, input: string, output: string, isClassification: boolean): RowFields {
  const fields = { instruction: instruction.trim(), isClassification };
  if (output.trim() !== '') return { ...fields, instances: [{ input, output }] };
  return { ...fields, instances: [], ...(input.trim() !== '' ? { droppedExample: true } : {}) };
}
