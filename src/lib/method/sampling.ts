import type { Rng } from './rng';

/**
 * The in-context instructions of one generation prompt, as Self-Instruct draws them (anchor §1.1):
 * min(machineMax, |machine|) machine-generated instructions and seed instructions for the rest of
 * `total`, each side without replacement, then shuffled together.
 */
export function sampleInContext(
  seeds: readonly string[],
  machine: readonly string[],
  rng: Rng,
  total = 8,
  machineMax = 2,
): string[] {
  const fromMachine = rng.sample(machine, Math.min(machineMax, machine.length, total));
  const fromSeeds = rng.sample(seeds, Math.min(total - fromMachine.length, seeds.length));
  return rng.shuffle([...fromMachine, ...fromSeeds]);
}
