/**
 * Ids for pairs of integers, from 0 in order of first sight: an (n−1)-gram's id and a word's make
 * an n-gram's id. An open-addressing table in one typed array, a slot's id and pair side by side
 * so a probe touches one cache line: a Map of string keys took seconds for the 1.5 million
 * n-grams of a 100k-task pool.
 */
export class PairIds {
  /** Per slot: id + 1 (0: empty), left, right. */
  #table: Int32Array;
  #mask: number;
  #size = 0;

  /** Room for about `expected` pairs before the table grows. */
  constructor(expected = 512) {
    const slots = 2 ** Math.ceil(Math.log2(Math.max(1024, expected * 2)));
    this.#table = new Int32Array(slots * 3);
    this.#mask = slots - 1;
  }

  get size(): number {
    return this.#size;
  }

  id(left: number, right: number): number {
    const table = this.#table;
    for (let slot = hashOf(left, right) & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const at = slot * 3;
      const id = table[at]! - 1;
      if (id < 0) return this.#add(at, left, right);
      if (table[at + 1] === left && table[at + 2] === right) return id;
    }
  }

  #add(at: number, left: number, right: number): number {
    const id = this.#size++;
    this.#table[at] = id + 1;
    this.#table[at + 1] = left;
    this.#table[at + 2] = right;
    if (this.#size * 2 > this.#mask + 1) this.#grow();
    return id;
  }

  #grow(): void {
    const old = this.#table;
    const table = (this.#table = new Int32Array(old.length * 2));
    const mask = (this.#mask = this.#mask * 2 + 1);
    for (let at = 0; at < old.length; at += 3) {
      if (old[at] === 0) continue;
      let slot = hashOf(old[at + 1]!, old[at + 2]!) & mask;
      while (table[slot * 3] !== 0) slot = (slot + 1) & mask;
      // Three stores, not a subarray's set: a view per pair made growing cost more than numbering.
      table[slot * 3] = old[at]!;
      table[slot * 3 + 1] = old[at + 1]!;
      table[slot * 3 + 2] = old[at + 2]!;
    }
  }
}

function hashOf(left: number, right: number): number {
  let hash = Math.imul(left, 0x9e3779b1) ^ right;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  return hash ^ (hash >>> 13);
}
