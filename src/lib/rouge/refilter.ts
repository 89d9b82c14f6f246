import { NoveltyIndex } from './novelty-index';
import type { TokenizerName } from './tokenize';

export interface RefilterOptions {
  threshold: number;
  tokenizer?: TokenizerName;
  /** Instructions in the pool before the first candidate (the seed tasks); never filtered. */
  seeds?: readonly string[];
}

/**
 * Replays the novelty filter over a whole candidate stream, in order, at any threshold ("what if
 * it were 0.6?"): a candidate is kept iff its best F against the seeds and every candidate kept
 * before it is not above the threshold, and kept candidates join the pool. Returns one decision
 * per candidate, true for kept.
 */
export function refilter(candidates: readonly string[], options: RefilterOptions): boolean[] {
  const index = new NoveltyIndex({ threshold: options.threshold, tokenizer: options.tokenizer });
  options.seeds?.forEach((seed, i) => index.add(`seed-${i}`, seed));
  return candidates.map((candidate, i) => {
    const kept = index.isNovel(candidate);
    if (kept) index.add(`candidate-${i}`, candidate);
    return kept;
  });
}
