import { ngramsOf } from './ngrams';

/** The n-gram length self-repetition looks at, as Shaib et al. 2024 report it. */
export const SELF_REPETITION_N = 4;

/**
 * Self-repetition (Salkar et al. 2022, as Shaib et al. 2024 compute it): for each text, ln(1 + the
 * number of other texts that share each of its distinct n-grams, summed), averaged over the texts;
 * null without texts.
 */
export function selfRepetition(texts: readonly (readonly string[])[], n = SELF_REPETITION_N): number | null {
  if (texts.length === 0) return null;
  const { perText, distinct } = ngramsOf(texts, n);
  const textsWith = new Int32Array(distinct);
  // The last text that counted an n-gram, so a text counts each of its n-grams once.
  const lastText = new Int32Array(distinct).fill(-1);
  const distinctIn = perText.map((grams, text) => {
    const own: number[] = [];
    for (const gram of grams) {
      if (lastText[gram] === text) continue;
      lastText[gram] = text;
      textsWith[gram]!++;
      own.push(gram);
    }
    return own;
  });
  let total = 0;
  for (const own of distinctIn) total += Math.log1p(own.reduce((sum, gram) => sum + textsWith[gram]! - 1, 0));
  return total / texts.length;
}
