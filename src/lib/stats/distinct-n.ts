import { ngramsOf } from './ngrams';

/** distinct-n (Li et al. 2016): distinct n-grams over all n-grams of the texts; null when there are none. */
export function distinctN(texts: readonly (readonly string[])[], n: number): number | null {
  const { perText, distinct } = ngramsOf(texts, n);
  const total = perText.reduce((sum, grams) => sum + grams.length, 0);
  return total === 0 ? null : distinct / total;
}
