/**
 * Ids for pairs of integers, from 0 in order of first sight: an (n−1)-gram's id and a word's make
 * an n-gram's id. An open-addressing table on typed arrays, since a Map of string keys took
 * seconds for the 1.5 million n-grams of a 100k-task pool.
 */
export class PairIds {
  #lefts = new Int32Array(1 << 10);
  #rights = new Int32Array(1 << 10);
  /** Each slot's id + 1; 0 is an empty slot. */
  #slots = new Int32Array(1 << 10);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  id(left: number, right: number): number {
    const mask = this.#slots.length - 1;
    for (let slot = hashOf(left, right) & mask; ; slot = (slot + 1) & mask) {
      const id = this.#slots[slot]! - 1;
      if (id < 0) return this.#add(slot, left, right);
      if (this.#lefts[slot] === left && this.#rights[slot] === right) return id;
    }
  }

  #add(slot: number, left: number, right: number): number {
    const id = this.#size++;
    this.#lefts[slot] = left;
    this.#rights[slot] = right;
    this.#slots[slot] = id + 1;
    if (this.#size * 2 > this.#slots.length) this.#grow();
    return id;
  }

  #grow(): void {
    const [lefts, rights, slots] = [this.#lefts, this.#rights, this.#slots];
    this.#lefts = new Int32Array(slots.length * 2);
    this.#rights = new Int32Array(slots.length * 2);
    this.#slots = new Int32Array(slots.length * 2);
    const mask = this.#slots.length - 1;
    for (let old = 0; old < slots.length; old++) {
      if (slots[old] === 0) continue;
      let slot = hashOf(lefts[old]!, rights[old]!) & mask;
      while (this.#slots[slot] !== 0) slot = (slot + 1) & mask;
      this.#lefts[slot] = lefts[old]!;
      this.#rights[slot] = rights[old]!;
      this.#slots[slot] = slots[old]!;
    }
  }
}

function hashOf(left: number, right: number): number {
  let hash = Math.imul(left, 0x9e3779b1) ^ right;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  return hash ^ (hash >>> 13);
}
