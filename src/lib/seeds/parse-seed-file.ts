import type { SeedTask } from '../vocabulary';
import { assembleSeeds } from './assemble-seeds';
import { parseJsonLines } from './parse-json-lines';

export type SeedFileResult = { ok: true; seeds: SeedTask[] } | { ok: false; line: number; problem: string };

/**
 * Reads a seed file in the Self-Instruct format (anchor §2.7): one JSON object per line with
 * `instruction`, `instances: [{input, output}]` and optionally `id`, `name` and
 * `is_classification`. Lines of {instruction, input, output} are read too, and repeated
 * instructions are combined, as `importSeeds` does. The first bad line fails the whole file.
 */
export function parseSeedFile(text: string): SeedFileResult {
  // Text that did not come through importSeeds' decoder may still start with a byte order mark.
  const parsed = parseJsonLines(text.replace(/^\uFEFF/, ''));
  const assembled = parsed.ok ? assembleSeeds(parsed.rows) : parsed;
  if (!assembled.ok) return { ok: false, line: assembled.line ?? 1, problem: assembled.problem };
  return { ok: true, seeds: assembled.seeds };
}
