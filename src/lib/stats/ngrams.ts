import { PairIds } from './pair-ids';

/** The longest n-grams the diversity figures read: Self-BLEU's 4-grams, self-repetition's. */
export const MAX_N = 4;

/**
 * Texts' n-grams as integer ids (equal n-grams, equal ids), in flat arrays indexed by word
 * position: a typed array per text cost more in garbage collection than the counting itself on a
 * 100k-task pool. Each n is numbered on first use only, as a pair of shorter n-grams' ids: the
 * figures of a whole pool read 1-, 2- and 4-grams (a 4-gram is two bigrams), so the pool's 3-grams,
 * a pass over 1.6 million words, are never numbered (Self-BLEU numbers its sample's own).
 */
export class Ngrams {
  /** Where each text's words start, then the total: text t holds words [starts[t], starts[t + 1]). */
  readonly starts: Int32Array;
  readonly #ids: Int32Array[] = [];
  readonly #distinct: number[] = [];

  /** The texts' words as ids, equal words with equal ids from 0; `words` is how many different ones. */
  constructor(starts: Int32Array, unigrams: Int32Array, words: number) {
    this.starts = starts;
    this.#ids[1] = unigrams;
    this.#distinct[1] = words;
  }

  /** How many texts it holds. */
  get texts(): number {
    return this.starts.length - 1;
  }

  /** `ids(n)[p]`: the n-gram that starts at word p, or -1 where it would run past its text. */
  ids(n: number): Int32Array {
    this.#number(n);
    return this.#ids[n]!;
  }

  /** How many different n-grams there are. */
  distinct(n: number): number {
    this.#number(n);
    return this.#distinct[n]!;
  }

  /** An n-gram is its first ⌈n/2⌉ words' id and the rest's. */
  #number(n: number): void {
    if (this.#ids[n]) return;
    const head = Math.ceil(n / 2);
    const left = this.ids(head);
    const right = this.ids(n - head);
    const { starts } = this;
    const total = starts[this.texts]!;
    const pairs = new PairIds(total);
    const grams = new Int32Array(total).fill(-1);
    for (let text = 0; text < this.texts; text++) {
      for (let start = starts[text]!, last = starts[text + 1]! - n; start <= last; start++) grams[start] = pairs.id(left[start]!, right[start + head]!);
    }
    this.#ids[n] = grams;
    this.#distinct[n] = pairs.size;
  }
}

/** How many texts `ngrams` holds. */
export const textCount = (ngrams: Ngrams): number => ngrams.texts;

/** The ids of text t's n-grams, in order (a view, not a copy); empty when it has fewer than n words. */
export function gramsOf(ngrams: Ngrams, n: number, text: number): Int32Array {
  const { starts } = ngrams;
  return ngrams.ids(n).subarray(starts[text]!, Math.max(starts[text]!, starts[text + 1]! - n + 1));
}

/** The n-grams of each tokenized text, its words interned once. */
export function ngramsOf(texts: readonly (readonly string[])[]): Ngrams {
  return new WordNumbering<string>().add(texts).ngrams();
}

/** The n-grams of some texts of `ngrams` (by index), numbered afresh: Self-BLEU's sample. */
export function sampleOf(ngrams: Ngrams, texts: readonly number[]): Ngrams {
  return new WordNumbering<number>().add(texts.map((text) => gramsOf(ngrams, 1, text))).ngrams();
}

/**
 * Numbers the words of texts that may come in parts (the stats worker numbers each part as it
 * reads it), equal words with equal ids from 0; `ngrams()` then holds every text so far, in order.
 */
export class WordNumbering<Word> {
  readonly #words = new Map<Word, number>();
  readonly #ends: number[] = [];
  #unigrams = new Int32Array(1 << 16);
  #length = 0;

  add(texts: readonly ArrayLike<Word>[]): this {
    for (const text of texts) {
      if (this.#length + text.length > this.#unigrams.length) this.#grow(this.#length + text.length);
      for (let i = 0; i < text.length; i++) {
        let id = this.#words.get(text[i]!);
        if (id === undefined) this.#words.set(text[i]!, (id = this.#words.size));
        this.#unigrams[this.#length++] = id;
      }
      this.#ends.push(this.#length);
    }
    return this;
  }

  ngrams(): Ngrams {
    const starts = new Int32Array(this.#ends.length + 1);
    starts.set(this.#ends, 1);
    return new Ngrams(starts, this.#unigrams.slice(0, this.#length), this.#words.size);
  }

  #grow(needed: number): void {
    const grown = new Int32Array(Math.max(needed, this.#unigrams.length * 2));
    grown.set(this.#unigrams.subarray(0, this.#length));
    this.#unigrams = grown;
  }
}
