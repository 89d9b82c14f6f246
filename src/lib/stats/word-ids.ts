import { wordTokens } from './words';

/** How a text's words become ids: equal words, equal ids, from 0 in order of first sight. */
export interface WordIds<Text> {
  /** The text's word ids in order: a view that the next call overwrites. */
  idsOf(text: Text): Int32Array;
  /** How many different words have been seen. */
  readonly size: number;
}

/** Ids for texts already split into words (strings, or the ids of another numbering). */
export class TokenIds<Word> implements WordIds<ArrayLike<Word>> {
  readonly #ids = new Map<Word, number>();
  #out = new Int32Array(64);

  get size(): number {
    return this.#ids.size;
  }

  idsOf(tokens: ArrayLike<Word>): Int32Array {
    if (tokens.length > this.#out.length) this.#out = new Int32Array(tokens.length * 2);
    for (let i = 0; i < tokens.length; i++) {
      let id = this.#ids.get(tokens[i]!);
      if (id === undefined) this.#ids.set(tokens[i]!, (id = this.#ids.size));
      this.#out[i] = id;
    }
    return this.#out.subarray(0, tokens.length);
  }
}

/** [0-9] then [a-z] (A-Z lowercased): an ASCII text's word characters under wordTokens. */
const SYMBOLS = 36;

function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 87;
  if (code >= 65 && code <= 90) return code - 55;
  if (code >= 48 && code <= 57) return code - 48;
  return -1;
}

/**
 * Ids for the words of raw texts, as wordTokens splits them, read in one pass over an ASCII text's
 * characters through a trie of the words seen so far, which grows as new words come: no word
 * strings are made and none is hashed. Making and looking up each word was most of the stats
 * worker's own time on a 100k-task pool. A text with any other character takes wordTokens'
 * Unicode rules, its ASCII words still found in the trie, its others in a Map.
 */
export class WordTokenIds implements WordIds<string> {
  /** Per node, per symbol: the child node, 0 for none (node 0 is the root, never a child). */
  #children = new Int32Array(1024 * SYMBOLS);
  /** Per node: the id of the word that ends there, -1 where none has yet. */
  #idAt = new Int32Array(1024).fill(-1);
  #nodes = 1;
  readonly #others = new Map<string, number>();
  #size = 0;
  #out = new Int32Array(64);

  get size(): number {
    return this.#size;
  }

  idsOf(text: string): Int32Array {
    let count = 0;
    // The trie node of the word so far; the root between words.
    let node = 0;
    for (let i = 0; i <= text.length; i++) {
      const code = i < text.length ? text.charCodeAt(i) : 32;
      if (code >= 128) return this.#unicodeIdsOf(text);
      const symbol = symbolOf(code);
      if (symbol >= 0) node = this.#child(node, symbol);
      else if (node !== 0) {
        if (count === this.#out.length) this.#out = grown(this.#out, count * 2);
        this.#out[count++] = this.#idAtNode(node);
        node = 0;
      }
    }
    return this.#out.subarray(0, count);
  }

  /** wordTokens' own rules for a text with characters beyond ASCII: its words as ids, in order. */
  #unicodeIdsOf(text: string): Int32Array {
    const words = wordTokens(text);
    if (words.length > this.#out.length) this.#out = new Int32Array(words.length * 2);
    for (let w = 0; w < words.length; w++) this.#out[w] = this.#idOfWord(words[w]!);
    return this.#out.subarray(0, words.length);
  }

  #idOfWord(word: string): number {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const symbol = symbolOf(word.charCodeAt(i));
      if (symbol < 0) {
        let id = this.#others.get(word);
        if (id === undefined) this.#others.set(word, (id = this.#size++));
        return id;
      }
      node = this.#child(node, symbol);
    }
    return this.#idAtNode(node);
  }

  #idAtNode(node: number): number {
    let id = this.#idAt[node]!;
    if (id < 0) this.#idAt[node] = id = this.#size++;
    return id;
  }

  #child(node: number, symbol: number): number {
    const at = node * SYMBOLS + symbol;
    let child = this.#children[at]!;
    if (child === 0) {
      child = this.#nodes++;
      if (this.#nodes > this.#idAt.length) {
        this.#children = grown(this.#children, this.#children.length * 2);
        const idAt = new Int32Array(this.#idAt.length * 2).fill(-1);
        idAt.set(this.#idAt);
        this.#idAt = idAt;
      }
      this.#children[at] = child;
    }
    return child;
  }
}

function grown(array: Int32Array, length: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}
