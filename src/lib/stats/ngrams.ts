import { PairIds } from './pair-ids';

/** The longest n-grams the diversity figures read: Self-BLEU's 4-grams, self-repetition's. */
export const MAX_N = 4;

/** Each text's n-grams for n = 1 to MAX_N, in order, as integer ids (equal n-grams, equal ids). */
export interface Ngrams {
  /** `perText[n - 1][text]`: the text's n-grams; a text of fewer than n words has none. */
  perText: Int32Array[][];
  /** `distinct[n - 1]`: how many different n-grams there are. */
  distinct: number[];
}

/** The n-grams of each tokenized text: words interned once, then each n-gram as its (n−1)-gram and last word. */
export function ngramsOf(texts: readonly (readonly string[])[]): Ngrams {
  const words = new Map<string, number>();
  const unigrams = texts.map((tokens) =>
    Int32Array.from(tokens, (token) => {
      let id = words.get(token);
      if (id === undefined) words.set(token, (id = words.size));
      return id;
    }),
  );
  const perText = [unigrams];
  const distinct = [words.size];
  for (let n = 2; n <= MAX_N; n++) {
    const pairs = new PairIds();
    const shorter = perText[n - 2]!;
    perText.push(
      unigrams.map((text, i) => {
        const grams = new Int32Array(Math.max(0, text.length - n + 1));
        for (let start = 0; start < grams.length; start++) grams[start] = pairs.id(shorter[i]![start]!, text[start + n - 1]!);
        return grams;
      }),
    );
    distinct.push(pairs.size);
  }
  return { perText, distinct };
}
