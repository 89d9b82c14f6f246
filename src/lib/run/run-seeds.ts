// The seeds of a run's random choices. Each comes from the run's seed and the choice's stable place
// in the pool, never from the clock or an id (ids hold the time they were made), so two runs of one
// seed, and a run resumed after a pause, a reload or a copy of the project, choose alike.
import type { TaskOrigin } from '../vocabulary';

/**
 * A generation step's seed, for its in-context sampling and the model's sampling: the step is the
 * number of generation calls stored before it, so a resumed run counts on where it stopped.
 */
export function stepSeed(runSeed: number, step: number): number {
  return (runSeed ^ Math.imul(step + 1, 0x9e3779b1)) >>> 0;
}

/**
 * A task's seed, for its classify and instances calls and for the sampling of its instances: from
 * the step that proposed it and its place among that step's candidates. The step's seed is mixed
 * first, since folding both numbers in the same way would give step 2's candidate 3 the seed of
 * step 3's candidate 2. A task stored before its origin was recorded takes the run's seed.
 */
export function taskSeed(runSeed: number, origin: TaskOrigin | undefined): number {
  if (!origin) return runSeed >>> 0;
  return (mix(stepSeed(runSeed, origin.step)) ^ Math.imul(origin.candidate + 1, 0x9e3779b1)) >>> 0;
}

// MurmurHash3's finaliser: every input bit reaches every output bit.
function mix(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
