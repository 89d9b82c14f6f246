import { NoveltyIndex, type TokenizerName } from '../rouge';
import { distributionOf, type Distribution } from './summary';

/**
 * Fig. 4 of the paper: each machine instruction's ROUGE-L F to its most similar seed instruction,
 * in bins of 0.1 from 0 to 1, scored by the filter's own exact index (rouge_score's numbers).
 */
export function seedSimilarity(instructions: readonly string[], seedInstructions: readonly string[], tokenizer: TokenizerName = 'default'): Distribution {
  const index = new NoveltyIndex({ tokenizer });
  seedInstructions.forEach((seed, position) => index.add(String(position), seed));
  return distributionOf(
    instructions.map((instruction) => index.check(instruction).score),
    0.1,
    10,
  );
}
