/** [0-9] then [a-z]: the characters of rouge_score's default tokens. */
const SYMBOLS = 36;
/** A token that has left the trie: no vocabulary word starts as it does. */
const DEAD = -1;

function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 87;
  if (code >= 48 && code <= 57) return code - 48;
  return -1;
}

/**
 * The ids of a text's tokens under rouge_score's default tokenizer (`tokenize`: lowercase, then
 * the runs of [a-z0-9]), for a fixed vocabulary, read in one pass over the lowercased text's
 * characters through a trie of the vocabulary: no token strings are made and none is hashed. A
 * token outside the vocabulary is -1. bestScores reads 100k instructions against the seeds' few
 * hundred words so, where making and looking up each token was two fifths of its time.
 */
export class AsciiTokenIds {
  /** Per node, per symbol: the child node, 0 for none (node 0 is the root, never a child). */
  #children: Int32Array = new Int32Array(64 * SYMBOLS);
  /** Per node: the id of the token that ends there, -1 where none does. */
  #idAt: Int32Array = new Int32Array(64).fill(-1);
  #nodes = 1;
  #ids: Int32Array = new Int32Array(64);

  /** Adds a vocabulary token, [a-z0-9]+ as `tokenize` makes them, with its id. */
  add(token: string, id: number): void {
    let node = 0;
    for (let i = 0; i < token.length; i++) {
      const symbol = symbolOf(token.charCodeAt(i));
      if (symbol < 0) throw new Error(`"${token}" is not a token of rouge_score's default tokenizer.`);
      let child = this.#children[node * SYMBOLS + symbol]!;
      if (child === 0) {
        child = this.#newNode();
        this.#children[node * SYMBOLS + symbol] = child;
      }
      node = child;
    }
    this.#idAt[node] = id;
  }

  /** The text's token ids in order: a view that the next call overwrites. */
  idsOf(text: string): Int32Array {
    const lower = text.toLowerCase();
    let count = 0;
    let inToken = false;
    // The trie node of the token so far (the root before its first character), DEAD once no vocabulary word starts so.
    let node = 0;
    for (let i = 0; i <= lower.length; i++) {
      const symbol = i < lower.length ? symbolOf(lower.charCodeAt(i)) : -1;
      if (symbol >= 0) {
        if (!inToken) {
          inToken = true;
          node = 0;
        }
        if (node !== DEAD) node = this.#children[node * SYMBOLS + symbol]! || DEAD;
      } else if (inToken) {
        if (count === this.#ids.length) this.#ids = grown(this.#ids, count * 2);
        this.#ids[count++] = node === DEAD ? -1 : this.#idAt[node]!;
        inToken = false;
      }
    }
    return this.#ids.subarray(0, count);
  }

  #newNode(): number {
    const node = this.#nodes++;
    if (this.#nodes > this.#idAt.length) {
      this.#children = grown(this.#children, this.#children.length * 2);
      const idAt = new Int32Array(this.#idAt.length * 2).fill(-1);
      idAt.set(this.#idAt);
      this.#idAt = idAt;
    }
    return node;
  }
}

function grown(array: Int32Array, length: number): Int32Array {
  const bigger = new Int32Array(length);
  bigger.set(array);
  return bigger;
}
