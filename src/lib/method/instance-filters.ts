import type { Instance } from '../vocabulary';
import type { Rng } from './rng';

/**
 * Self-Instruct's instance filters (anchor §1.4), on trimmed copies: drop an instance whose input
 * equals its output, whose output is empty, or whose input or output ends with ":" (a sign the
 * model stopped early); then, if one non-empty input comes with different outputs, drop the whole
 * task's instances, since the task is ambiguous; then drop exact duplicates; then keep at most
 * `max` (5 in the original), drawn with `rng` so their order is shuffled as random.sample does.
 */
export function filterInstances(instances: readonly Instance[], rng: Rng, max = 5): Instance[] {
  const valid = instances.map(trimmed).filter(isValid);
  if (hasConflictingOutputs(valid)) return [];
  const unique = [...new Map(valid.map((instance) => [JSON.stringify([instance.input, instance.output]), instance])).values()];
  return rng.sample(unique, Math.min(unique.length, max));
}

function trimmed({ input, output }: Instance): Instance {
  return { input: input.trim(), output: output.trim() };
}

function isValid({ input, output }: Instance): boolean {
  return input !== output && output !== '' && !input.endsWith(':') && !output.endsWith(':');
}

function hasConflictingOutputs(instances: readonly Instance[]): boolean {
  const outputByInput = new Map<string, string>();
  return instances.some(({ input, output }) => {
    if (input === '') return false;
    const seen = outputByInput.get(input);
    outputByInput.set(input, output);
    return seen !== undefined && seen !== output;
  });
}
