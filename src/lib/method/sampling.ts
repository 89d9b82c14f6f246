import type { MethodSettings } from '../vocabulary';
import type { Rng } from './rng';

/**
 * The in-context examples of one generation prompt, drawn with `rng`.
 *
 * Self-Instruct (anchor §1.1): min(inContext.machine, |machine|) machine-generated instructions
 * and seed instructions for the rest of inContext.total (2 and 8), each side without replacement,
 * then shuffled together; so the first prompt shows 8 seeds, the next 1 machine and 7 seeds.
 *
 * Alpaca (anchor §2.2): inContext.alpacaSeeds (3) seed tasks, never machine-generated ones;
 * `machine` is ignored.
 */
export function sampleInContext<T>(seeds: readonly T[], machine: readonly T[], rng: Rng, settings: MethodSettings): T[] {
  const { total, machine: machineMax, alpacaSeeds } = settings.inContext;
  if (settings.strategy === 'alpaca') return rng.sample(seeds, Math.min(alpacaSeeds, seeds.length));
  const fromMachine = rng.sample(machine, Math.min(machineMax, machine.length, total));
  const fromSeeds = rng.sample(seeds, Math.min(total - fromMachine.length, seeds.length));
  return rng.shuffle([...fromMachine, ...fromSeeds]);
}
