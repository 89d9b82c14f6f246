import { PairIds } from './pair-ids';

/** The longest n-grams the diversity figures read: Self-BLEU's 4-grams, self-repetition's. */
export const MAX_N = 4;

/**
 * Every text's n-grams for n = 1 to MAX_N as integer ids (equal n-grams, equal ids), in flat
 * arrays indexed by word position: a typed array per text cost more in garbage collection than
 * the counting itself on a 100k-task pool.
 */
export interface Ngrams {
  /** Where each text's words start, then the total: text t holds words [starts[t], starts[t + 1]). */
  starts: Int32Array;
  /** `ids[n - 1][p]`: the n-gram that starts at word p, or -1 where it would run past its text. */
  ids: Int32Array[];
  /** `distinct[n - 1]`: how many different n-grams there are. */
  distinct: number[];
}

/** How many texts `ngrams` holds. */
export const textCount = ({ starts }: Ngrams): number => starts.length - 1;

/** The ids of text t's n-grams, in order (a view, not a copy); empty when it has fewer than n words. */
export function gramsOf({ starts, ids }: Ngrams, n: number, text: number): Int32Array {
  return ids[n - 1]!.subarray(starts[text]!, Math.max(starts[text]!, starts[text + 1]! - n + 1));
}

/** The n-grams of each tokenized text: words interned once, then each n-gram as its (n−1)-gram and last word. */
export function ngramsOf(texts: readonly (readonly string[])[]): Ngrams {
  const starts = new Int32Array(texts.length + 1);
  texts.forEach((words, text) => (starts[text + 1] = starts[text]! + words.length));
  const total = starts[texts.length]!;
  const words = new Map<string, number>();
  const unigrams = new Int32Array(total);
  let position = 0;
  for (const tokens of texts) {
    for (const token of tokens) {
      let id = words.get(token);
      if (id === undefined) words.set(token, (id = words.size));
      unigrams[position++] = id;
    }
  }
  const ids = [unigrams];
  const distinct = [words.size];
  for (let n = 2; n <= MAX_N; n++) {
    const pairs = new PairIds(total);
    const shorter = ids[n - 2]!;
    const grams = new Int32Array(total).fill(-1);
    for (let text = 0; text < texts.length; text++) {
      for (let start = starts[text]!, last = starts[text + 1]! - n; start <= last; start++) grams[start] = pairs.id(shorter[start]!, unigrams[start + n - 1]!);
    }
    ids.push(grams);
    distinct.push(pairs.size);
  }
  return { starts, ids, distinct };
}
