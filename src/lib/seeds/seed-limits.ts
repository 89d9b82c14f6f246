import { defaultSettings } from '../method';
import type { ImportProblem, SeedRow } from './import-result';

/**
 * The longest seed instruction, in UTF-16 code units (characters, for all but emoji and rare
 * scripts): about 300 words, twice the 150 the method's filter allows a new instruction (anchor
 * §1.1). Every generation prompt shows 8 sampled instructions, and the call journal keeps each
 * prompt: 8 at this limit (about 4,000 tokens) would already fill the default model's 4,096-token
 * context window. The longest instructions of Alpaca's 52K, Dolly and GPTeacher are under 650.
 */
export const MAX_INSTRUCTION_CHARS = 2_000;

/**
 * The longest example input or output: about 2,000 tokens, half the default model's 4,096-token
 * context window, so a seed whose input is a long passage (an article to summarize, some 1,300
 * words) still fits a prompt with room for the answer. Alpaca shows whole seed tasks in its
 * prompts; Alpaca's 52K release has none longer than 4,200.
 */
export const MAX_EXAMPLE_CHARS = 8_000;

/** Longer seed instructions are imported with a note: the paper's filter keeps none that long. */
const LONG_INSTRUCTION_WORDS = defaultSettings('self-instruct').heuristics.maxWords;

// Zero-width spaces and joiners, byte order marks, soft hyphens and the other format characters
// (Unicode category Cf), the rest of what Unicode says to draw as nothing (Default_Ignorable_Code_Point:
// Hangul fillers, variation selectors), and whitespace.
const INVISIBLE_ONLY = /^[\p{Cf}\p{Default_Ignorable_Code_Point}\s]*$/u;

/**
 * The rows' problem, or notes about them. Refused: an instruction with nothing visible, and an
 * instruction, input or output over its limit, since each is repeated in model prompts and the
 * call journal (a 10 MB instruction would be stored again with every call). Noted: instructions
 * longer than the method lets new ones be.
 */
export function checkLimits(rows: readonly SeedRow[]): { ok: true; notes: string[] } | ImportProblem {
  const long: SeedRow[] = [];
  for (const row of rows) {
    const problem = rowProblem(row);
    if (problem !== undefined) return { ok: false, line: row.line, problem };
    if (wordCount(row.instruction) > LONG_INSTRUCTION_WORDS) long.push(row);
  }
  if (long.length === 0) return { ok: true, notes: [] };
  const which = long.length === 1 ? `The instruction on line ${long[0]!.line} is` : `${long.length} instructions (the first on line ${long[0]!.line}) are`;
  return {
    ok: true,
    notes: [
      `${which} longer than ${LONG_INSTRUCTION_WORDS} words. They are imported, but the method's filter rejects new instructions that long, ` +
        'and every prompt that shows one as an example grows by it.',
    ],
  };
}

function rowProblem({ instruction, instances }: SeedRow): string | undefined {
  if (INVISIBLE_ONLY.test(instruction)) {
    return 'the instruction holds only invisible characters (such as zero-width spaces or byte order marks); write the instruction, or remove the task';
  }
  if (instruction.length > MAX_INSTRUCTION_CHARS) {
    return `the instruction is ${count(instruction.length)} characters long, over the limit of ${count(MAX_INSTRUCTION_CHARS)}; every prompt that samples a seed repeats its instruction`;
  }
  for (const [index, instance] of instances.entries()) {
    for (const field of ['input', 'output'] as const) {
      const length = instance[field].length;
      if (length > MAX_EXAMPLE_CHARS) {
        const example = instances.length === 1 ? 'the example' : `example ${index + 1}`;
        return `the ${field} of ${example} is ${count(length)} characters long, over the limit of ${count(MAX_EXAMPLE_CHARS)}; shorten it, or leave the example out`;
      }
    }
  }
  return undefined;
}

function wordCount(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

function count(value: number): string {
  return value.toLocaleString('en');
}
