/** How similar one instruction is to the pool, as the original's analysis fields. */
export interface SimilarityReport {
  /** The most similar pool entries, best first; entries scoring 0 are left out. */
  mostSimilar: { id: string; score: number }[];
  /** Mean F over every pool entry, those sharing no token counting 0; 0 for an empty pool. */
  meanScore: number;
}

/** Builds the report from the scores of every entry sharing a token (all above 0, in any order). */
export function topSimilar(
  scores: { entry: number; score: number }[],
  k: number,
  poolSize: number,
  idOf: (entry: number) => string,
): SimilarityReport {
  const sum = scores.reduce((total, { score }) => total + score, 0);
  const ranked = [...scores].sort((a, b) => b.score - a.score || a.entry - b.entry);
  return {
    mostSimilar: ranked.slice(0, k).map(({ entry, score }) => ({ id: idOf(entry), score })),
    meanScore: poolSize === 0 ? 0 : sum / poolSize,
  };
}
