import { jsonLines } from './chunks';
import { instanceRows, type InstanceRow } from './instance-rows';
import type { ExportRow } from '../vocabulary';

/**
 * The paper's fine-tuning format, {prompt, completion} per instance (anchor §1.4), with our own
 * template: the instruction, the input under "Input:" when there is one, and "Output:" where the
 * completion starts. One fixed template instead of the paper's random pick among 13, so the file
 * is reproducible; no "<|endoftext|>", since the end-of-text token belongs to the trainer's tokenizer.
 */
export function* writePromptCompletionJsonl(rows: Iterable<ExportRow>): Generator<string> {
  yield* jsonLines(records(rows));
}

function* records(rows: Iterable<ExportRow>): Generator<{ prompt: string; completion: string }> {
  for (const row of instanceRows(rows)) yield { prompt: prompt(row), completion: row.output };
}

const INPUT_HEADING = '\n\nInput:\n';
const OUTPUT_HEADING = '\n\nOutput:\n';

function prompt({ instruction, input }: InstanceRow): string {
  return input.trim() === '' ? instruction + OUTPUT_HEADING : instruction + INPUT_HEADING + input + OUTPUT_HEADING;
}

/**
 * The instruction and input of a prompt in our template. A prompt in any other layout (another
 * tool's file) is all instruction, with no input.
 */
export function splitPrompt(text: string): { instruction: string; input: string } {
  if (!text.endsWith(OUTPUT_HEADING)) return { instruction: text, input: '' };
  const body = text.slice(0, -OUTPUT_HEADING.length);
  const at = body.indexOf(INPUT_HEADING);
  return at === -1 ? { instruction: body, input: '' } : { instruction: body.slice(0, at), input: body.slice(at + INPUT_HEADING.length) };
}
