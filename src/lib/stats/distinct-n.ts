import type { Ngrams } from './ngrams';

/** distinct-n (Li et al. 2016): distinct n-grams over all n-grams of the texts; null when there are none. */
export function distinctN({ perText, distinct }: Ngrams, n: number): number | null {
  const total = perText[n - 1]!.reduce((sum, grams) => sum + grams.length, 0);
  return total === 0 ? null : distinct[n - 1]! / total;
}
