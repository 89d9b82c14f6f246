import { bestScores, type TokenizerName } from '../rouge';
import { distributionOf, type Distribution } from './summary';

/**
 * Fig. 4 of the paper: each machine instruction's ROUGE-L F to its most similar seed instruction,
 * in bins of 0.1 from 0 to 1, with the filter's exact numbers (rouge_score's).
 */
export function seedSimilarityOf(instructions: readonly string[], seedInstructions: readonly string[], tokenizer: TokenizerName = 'default'): Distribution {
  return distributionOf(Array.from(bestScores(seedInstructions, instructions, tokenizer)), 0.1, 10);
}
