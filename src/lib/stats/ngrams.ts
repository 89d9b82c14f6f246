/** Each text's n-grams in order as integer ids (equal n-grams, equal ids), and how many ids there are. */
export interface Ngrams {
  perText: Int32Array[];
  distinct: number;
}

/** The n-grams of each tokenized text; a text of fewer than n words has none. */
export function ngramsOf(texts: readonly (readonly string[])[], n: number): Ngrams {
  const ids = new Map<string, number>();
  const perText = texts.map((words) => {
    const grams = new Int32Array(Math.max(0, words.length - n + 1));
    for (let start = 0; start < grams.length; start++) {
      const key = n === 1 ? words[start]! : words.slice(start, start + n).join(' ');
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      grams[start] = id;
    }
    return grams;
  });
  return { perText, distinct: ids.size };
}
