import type { Instance, SeedTask } from '../run/ports';

export type SeedFileResult = { ok: true; seeds: SeedTask[] } | { ok: false; line: number; problem: string };

/**
 * Reads a seed file in the Self-Instruct format: one JSON object per line with `instruction`,
 * `instances: [{input, output}]` and optionally `id`, `name` and `is_classification`. The first
 * bad line fails the whole file, named by its number, so a bad file changes nothing.
 */
export function parseSeedFile(text: string): SeedFileResult {
  const seeds: SeedTask[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const parsed = parseSeedLine(line, seeds.length);
    if (typeof parsed === 'string') return { ok: false, line: index + 1, problem: parsed };
    seeds.push(parsed);
  }
  if (seeds.length === 0) return { ok: false, line: 1, problem: 'the file holds no seed tasks' };
  return { ok: true, seeds };
}

/** A seed task, or what is wrong with the line. */
function parseSeedLine(line: string, position: number): SeedTask | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  if (!isRecord(value)) return 'expected a JSON object';
  const { id, name, instruction, instances, is_classification } = value;
  if (typeof instruction !== 'string' || instruction.trim() === '') return '"instruction" must be a non-empty string';
  if (!Array.isArray(instances) || !instances.every(isInstance)) {
    return '"instances" must be a list of {"input": string, "output": string}';
  }
  if (is_classification !== undefined && typeof is_classification !== 'boolean') return '"is_classification" must be true or false';
  return {
    id: typeof id === 'string' && id !== '' ? id : `seed_task_${position}`,
    name: typeof name === 'string' ? name : '',
    instruction: instruction.trim(),
    instances: instances.map(({ input, output }) => ({ input, output })),
    isClassification: is_classification ?? false,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInstance(value: unknown): value is Instance {
  return isRecord(value) && typeof value.input === 'string' && typeof value.output === 'string';
}
