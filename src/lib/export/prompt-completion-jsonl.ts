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

function prompt({ instruction, input }: InstanceRow): string {
  return input.trim() === '' ? `${instruction}\n\nOutput:\n` : `${instruction}\n\nInput:\n${input}\n\nOutput:\n`;
}
