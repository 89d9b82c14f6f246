import { splitPrompt } from '../export';
import { exampleRow, type RowFields } from './example-row';
import { isRecord } from './read-record';

/**
 * One line of a {"prompt", "completion"} file. Our download's template ("Input:" and "Output:"
 * headings) gives back the instruction and input; any other prompt is read as the instruction.
 */
export function readPromptRecord(value: unknown): RowFields | string {
  if (!isRecord(value)) return 'expected a JSON object';
  const { prompt, completion } = value;
  if (typeof prompt !== 'string') return '"prompt" must be text';
  if (typeof completion !== 'string') return '"completion" must be text';
  const { instruction, input } = splitPrompt(prompt);
  if (instruction.trim() === '') return 'the "prompt" holds no instruction';
  return exampleRow(instruction, input, completion, false);
}
