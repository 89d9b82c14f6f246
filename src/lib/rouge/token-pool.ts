import { IntList } from './int-list';

/**
 * Pool entries as token-id sequences in one flat array, with an inverted index from each token
 * id to the entries that hold it (each entry once, in the order added).
 */
export class TokenPool {
  #tokens = new IntList(1024);
  #starts = new IntList(256);
  #lengths = new IntList(256);
  #postings: IntList[] = [];
  #longest = 0;

  constructor() {
    this.#starts.push(0);
  }

  get size(): number {
    return this.#starts.length - 1;
  }

  /** The most tokens any entry has. */
  get longest(): number {
    return this.#longest;
  }

  /** All entries' token ids end to end; entry e runs from `starts[e]` for `lengths[e]` tokens. */
  get tokens(): Int32Array {
    return this.#tokens.items;
  }

  get starts(): Int32Array {
    return this.#starts.items;
  }

  /** Token count per entry. */
  get lengths(): Int32Array {
    return this.#lengths.items;
  }

  add(tokens: Int32Array): void {
    const entry = this.size;
    this.#tokens.pushAll(tokens);
    this.#starts.push(this.#tokens.length);
    this.#lengths.push(tokens.length);
    this.#longest = Math.max(this.#longest, tokens.length);
    for (const id of new Set(tokens)) {
      this.#postings[id] ??= new IntList();
      this.#postings[id].push(entry);
    }
  }

  /**
   * Empties an entry: its length becomes 0, below any search's length window, so no search ever
   * counts or scores it again. Its tokens and postings stay until the pool is built anew, and
   * `longest` may still count it, which only widens a window.
   */
  remove(entry: number): void {
    this.#lengths.items[entry] = 0;
  }

  /** The entries holding token `id`, ascending; the list may be longer than `frequency(id)`. */
  postings(id: number): Int32Array {
    return this.#postings[id]?.items ?? EMPTY;
  }

  /** How many entries hold token `id`, removed ones included: it only orders the probes by cost. */
  frequency(id: number): number {
    return this.#postings[id]?.length ?? 0;
  }
}

const EMPTY = new Int32Array(0);
