import { bestScores, type TokenizerName } from '../rouge';
import { distributionOf, type Distribution } from './summary';

/** Fig. 4's bins: 0.1 wide, from 0 to 1. */
export const SEED_SIMILARITY_BIN = { width: 0.1, bins: 10 } as const;

/** Each instruction's ROUGE-L F to its most similar seed instruction, with the filter's exact numbers (rouge_score's). */
export function seedScoresOf(instructions: readonly string[], seedInstructions: readonly string[], tokenizer: TokenizerName = 'default'): Float64Array {
  return bestScores(seedInstructions, instructions, tokenizer);
}

/** Fig. 4 of the paper: the instructions' scores to their most similar seeds (seedScoresOf), binned. */
export function seedSimilarityOf(scores: ArrayLike<number>): Distribution {
  return distributionOf(Array.from(scores), SEED_SIMILARITY_BIN.width, SEED_SIMILARITY_BIN.bins);
}
