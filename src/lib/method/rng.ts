/** A seeded source of randomness: the same seed gives the same choices on every platform. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** k distinct items, drawn without replacement, in draw order. */
  sample<T>(items: readonly T[], k: number): T[];
  /** A shuffled copy; the input is left as it is. */
  shuffle<T>(items: readonly T[]): T[];
}

/**
 * mulberry32 over the seed's low 32 bits. Python's Mersenne Twister cannot be matched sample for
 * sample anyway (anchor §1.7), so a small generator built from `Math.imul` and shifts, which every
 * JavaScript engine computes identically, is enough.
 */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`Rng.int needs a positive integer, got ${n}.`);
    return Math.floor(next() * n);
  };
  const sample = <T>(items: readonly T[], k: number): T[] => {
    if (!Number.isInteger(k) || k < 0 || k > items.length) {
      throw new RangeError(`Cannot sample ${k} of ${items.length} items without replacement.`);
    }
    // A partial Fisher–Yates shuffle: only the first k places are drawn.
    const pool = [...items];
    for (let i = 0; i < k; i++) {
      const j = i + int(pool.length - i);
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return pool.slice(0, k);
  };
  return { next, int, sample, shuffle: (items) => sample(items, items.length) };
}
