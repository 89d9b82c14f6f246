import { PairIds } from './pair-ids';
import { TokenIds, WordTokenIds, type WordIds } from './word-ids';

/** The longest n-grams the diversity figures read: Self-BLEU's 4-grams, self-repetition's. */
export const MAX_N = 4;

/** One n's numbering: each word position's n-gram id (-1 where it would run past its text), and how many different n-grams. */
export interface Numbered {
  ids: Int32Array;
  distinct: number;
}

/**
 * Texts' n-grams as integer ids (equal n-grams, equal ids), in flat arrays indexed by word
 * position: a typed array per text cost more in garbage collection than the counting itself on a
 * 100k-task pool. An n is numbered on first use, as a pair of shorter n-grams' ids, unless it came
 * numbered (WordNumbering's `early`): the figures of a whole pool read 1-, 2- and 4-grams (a 4-gram
 * is two bigrams), so the pool's 3-grams, a pass over 1.6 million words, are never numbered
 * (Self-BLEU numbers its sample's own).
 */
export class Ngrams {
  /** Where each text's words start, then the total: text t holds words [starts[t], starts[t + 1]). */
  readonly starts: Int32Array;
  readonly #numbered = new Map<number, Numbered>();

  /** The texts' words as ids, equal words with equal ids from 0; `words` is how many different ones; `numbered`, longer n-grams numbered already. */
  constructor(starts: Int32Array, unigrams: Int32Array, words: number, numbered: ReadonlyMap<number, Numbered> = new Map()) {
    this.starts = starts;
    this.#numbered.set(1, { ids: unigrams, distinct: words });
    for (const [n, grams] of numbered) this.#numbered.set(n, grams);
  }

  /** How many texts it holds. */
  get texts(): number {
    return this.starts.length - 1;
  }

  /** `ids(n)[p]`: the n-gram that starts at word p, or -1 where it would run past its text. */
  ids(n: number): Int32Array {
    return this.#number(n).ids;
  }

  /** How many different n-grams there are. */
  distinct(n: number): number {
    return this.#number(n).distinct;
  }

  #number(n: number): Numbered {
    let numbered = this.#numbered.get(n);
    if (!numbered) {
      const { starts } = this;
      const pairs = new PairIds(starts[this.texts]!);
      const ids = new Int32Array(starts[this.texts]!).fill(-1);
      numberPairs(n, pairs, ids, (half) => this.ids(half), starts, 0, this.texts);
      this.#numbered.set(n, (numbered = { ids, distinct: pairs.size }));
    }
    return numbered;
  }
}

/**
 * Numbers the n-grams of texts [from, to) into `ids`: an n-gram is its first ⌈n/2⌉ words' id and
 * the rest's, so `halves` must hold those shorter n-grams' ids for these texts.
 */
function numberPairs(n: number, pairs: PairIds, ids: Int32Array, halves: (n: number) => Int32Array, starts: ArrayLike<number>, from: number, to: number): void {
  const head = Math.ceil(n / 2);
  const left = halves(head);
  const right = halves(n - head);
  for (let text = from; text < to; text++) {
    for (let start = starts[text]!, last = starts[text + 1]! - n; start <= last; start++) ids[start] = pairs.id(left[start]!, right[start + head]!);
  }
}

/** How many texts `ngrams` holds. */
export const textCount = (ngrams: Ngrams): number => ngrams.texts;

/** The ids of text t's n-grams, in order (a view, not a copy); empty when it has fewer than n words. */
export function gramsOf(ngrams: Ngrams, n: number, text: number): Int32Array {
  const { starts } = ngrams;
  return ngrams.ids(n).subarray(starts[text]!, Math.max(starts[text]!, starts[text + 1]! - n + 1));
}

/** The n-grams of texts' words as wordTokens splits them. */
export function wordNgramsOf(texts: readonly string[]): Ngrams {
  return new WordNumbering(new WordTokenIds()).add(texts).ngrams();
}

/** The n-grams of each tokenized text, its words interned once. */
export function ngramsOf(texts: readonly (readonly string[])[]): Ngrams {
  return new WordNumbering(new TokenIds<string>()).add(texts).ngrams();
}

/** The n-grams of some texts of `ngrams` (by index), numbered afresh: Self-BLEU's sample. */
export function sampleOf(ngrams: Ngrams, texts: readonly number[]): Ngrams {
  return new WordNumbering(new TokenIds<number>()).add(texts.map((text) => gramsOf(ngrams, 1, text))).ngrams();
}

/**
 * Numbers the words of texts that may come in parts (the stats worker numbers each part as it
 * reads it), their ids from `words`; `ngrams()` then holds every text so far, in order. The
 * n-grams of `early` (each n after the halves it is made of, [2, 4] for the diversity figures)
 * are numbered part by part too, so that little is left once the last part is in.
 */
export class WordNumbering<Text> {
  /** Where each text starts, then where the last one ends. */
  #starts = new Int32Array(1 << 12);
  #texts = 0;
  #unigrams = new Int32Array(1 << 16);
  #length = 0;
  readonly #early: { n: number; pairs?: PairIds; ids: Int32Array }[];

  constructor(
    private readonly words: WordIds<Text>,
    early: readonly number[] = [],
  ) {
    this.#early = early.map((n) => ({ n, ids: new Int32Array(0) }));
  }

  /**
   * `textsAtMost`, with the first part: how many texts all parts will hold at most. The early
   * n-grams' tables are sized for that many texts of the first part's length, once: growing them
   * part by part rehashed a 100k-task pool's millions of n-grams over and over.
   */
  add(texts: readonly Text[], textsAtMost = texts.length): this {
    const first = this.#texts;
    for (const text of texts) {
      const ids = this.words.idsOf(text);
      if (this.#length + ids.length > this.#unigrams.length) this.#unigrams = grown(this.#unigrams, this.#length, this.#length + ids.length);
      this.#unigrams.set(ids, this.#length);
      this.#length += ids.length;
      if (this.#texts + 2 > this.#starts.length) this.#starts = grown(this.#starts, this.#texts + 1, this.#texts + 2);
      this.#starts[++this.#texts] = this.#length;
    }
    const expected = Math.ceil((this.#length / Math.max(1, this.#texts)) * Math.max(textsAtMost, this.#texts));
    for (const grams of this.#early) {
      grams.pairs ??= new PairIds(expected);
      if (grams.ids.length < this.#length) grams.ids = grown(grams.ids, this.#starts[first]!, Math.max(this.#length, expected));
      grams.ids.fill(-1, this.#starts[first]!, this.#length);
      numberPairs(grams.n, grams.pairs, grams.ids, (n) => this.#idsOf(n), this.#starts, first, this.#texts);
    }
    return this;
  }

  /** Views, not copies: add() writes only past them. */
  ngrams(): Ngrams {
    const numbered = new Map(this.#early.map(({ n, pairs, ids }) => [n, { ids: ids.subarray(0, this.#length), distinct: pairs?.size ?? 0 }]));
    return new Ngrams(this.#starts.subarray(0, this.#texts + 1), this.#unigrams.subarray(0, this.#length), this.words.size, numbered);
  }

  #idsOf(n: number): Int32Array {
    if (n === 1) return this.#unigrams;
    const grams = this.#early.find((early) => early.n === n);
    if (!grams) throw new Error(`The ${n}-grams are not numbered early: list them in \`early\` before the longer n-grams made of them.`);
    return grams.ids;
  }
}

/** A copy of `array`'s first `kept` values in a longer array, at least `needed` long and at least twice as long. */
function grown(array: Int32Array, kept: number, needed: number): Int32Array<ArrayBuffer> {
  const longer = new Int32Array(Math.max(needed, array.length * 2));
  longer.set(array.subarray(0, kept));
  return longer;
}
