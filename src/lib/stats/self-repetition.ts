import { gramsOf, MAX_N, textCount, type Ngrams } from './ngrams';

/**
 * Self-repetition (Salkar et al. 2022, as Shaib et al. 2024 compute it) of n-grams, 4 by default:
 * for each text, ln(1 + the number of other texts that share each of its distinct n-grams,
 * summed), averaged over the texts; null without texts.
 */
export function selfRepetition(ngrams: Ngrams, n = MAX_N): number | null {
  const texts = textCount(ngrams);
  if (texts === 0) return null;
  const textsWith = new Int32Array(ngrams.distinct(n));
  // The last text that counted an n-gram, so a text counts each of its n-grams once.
  const lastText = new Int32Array(textsWith.length).fill(-1);
  for (let text = 0; text < texts; text++) {
    for (const gram of gramsOf(ngrams, n, text)) {
      if (lastText[gram] === text) continue;
      lastText[gram] = text;
      textsWith[gram]!++;
    }
  }
  lastText.fill(-1);
  let total = 0;
  for (let text = 0; text < texts; text++) {
    let shared = 0;
    for (const gram of gramsOf(ngrams, n, text)) {
      if (lastText[gram] === text) continue;
      lastText[gram] = text;
      shared += textsWith[gram]! - 1;
    }
    total += Math.log1p(shared);
  }
  return total / texts;
}
