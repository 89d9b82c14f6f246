import type { Ngrams } from './ngrams';

/** distinct-n (Li et al. 2016): distinct n-grams over all n-grams of the texts; null when there are none. */
export function distinctN(ngrams: Ngrams, n: number): number | null {
  let total = 0;
  for (const id of ngrams.ids(n)) if (id >= 0) total++;
  return total === 0 ? null : ngrams.distinct(n) / total;
}
