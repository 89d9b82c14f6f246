/**
 * LCS length against one fixed query, 32 query tokens per machine word: the bit-vector
 * algorithm of Allison and Dix (1986) in Hyyrö's form (2004), O(n * ceil(m / 32)) per pool
 * entry instead of the O(m * n) table. Load a query, measure many texts, unload.
 */
export class LcsPattern {
  /** Per token id: 1 + its slot in `#masks`, 0 when the query lacks the token. */
  #slotOf = new Int32Array(1024);
  /** The loaded query's distinct ids (the first `#distinct`), and per id its words of bits; both reused from query to query. */
  #loaded = new Int32Array(64);
  #distinct = 0;
  #masks = new Int32Array(64);
  #row = new Int32Array(0);
  #words = 0;
  #length = 0;

  /** Prepare for `query` (token ids; ids below 0 match nothing), given ids stay below `idLimit`. */
  load(query: Int32Array, idLimit: number): void {
    this.#ensureIdCapacity(idLimit);
    this.#length = query.length;
    const words = (this.#words = Math.ceil(query.length / 32));
    // The buffers are kept: a fresh pair of typed arrays per query was a fifth of scoring 100k
    // instructions against the seeds (bestScores), as a Set and arrays per query were before.
    if (this.#loaded.length < query.length) this.#loaded = new Int32Array(query.length * 2);
    if (this.#masks.length < query.length * words) this.#masks = new Int32Array(query.length * words * 2);
    if (this.#row.length < words) this.#row = new Int32Array(words);
    const slotOf = this.#slotOf;
    const masks = this.#masks;
    let distinct = 0;
    for (let position = 0; position < query.length; position++) {
      const id = query[position]!;
      if (id < 0) continue;
      if (slotOf[id] === 0) {
        this.#loaded[distinct] = id;
        slotOf[id] = ++distinct;
        masks.fill(0, (distinct - 1) * words, distinct * words);
      }
      masks[(slotOf[id]! - 1) * words + (position >>> 5)]! |= 1 << (position & 31);
    }
    this.#distinct = distinct;
  }

  unload(): void {
    for (let i = 0; i < this.#distinct; i++) this.#slotOf[this.#loaded[i]!] = 0;
    this.#distinct = 0;
  }

  /** LCS length of the loaded query and `text[start, end)`. */
  lcs(text: Int32Array, start: number, end: number): number {
    return this.#words === 1 ? this.#lcsOneWord(text, start, end) : this.#lcsManyWords(text, start, end);
  }

  #lcsOneWord(text: Int32Array, start: number, end: number): number {
    const slotOf = this.#slotOf;
    const masks = this.#masks;
    let row = -1;
    for (let i = start; i < end; i++) {
      const slot = slotOf[text[i]!]!;
      if (slot === 0) continue; // no match: the row is unchanged
      const matched = row & masks[slot - 1]!;
      row = (row + matched) | (row & ~matched);
    }
    return countZeros(row, this.#length);
  }

  #lcsManyWords(text: Int32Array, start: number, end: number): number {
    const words = this.#words;
    const row = this.#row;
    row.fill(-1, 0, words);
    for (let i = start; i < end; i++) {
      const slot = this.#slotOf[text[i]!]!;
      if (slot === 0) continue;
      const base = (slot - 1) * words;
      let carry = 0;
      for (let w = 0; w < words; w++) {
        const v = row[w]!;
        const matched = v & this.#masks[base + w]!;
        // The addition spans the words: add as unsigned and carry bit 32 into the next word.
        const sum = (v >>> 0) + (matched >>> 0) + carry;
        carry = sum > 0xffffffff ? 1 : 0;
        row[w] = (sum | 0) | (v & ~matched);
      }
    }
    let zeros = 0;
    for (let w = 0; w < words; w++) zeros += countZeros(row[w]!, Math.min(32, this.#length - 32 * w));
    return zeros;
  }

  #ensureIdCapacity(idLimit: number): void {
    if (idLimit <= this.#slotOf.length) return;
    const slotOf = new Int32Array(Math.max(idLimit, this.#slotOf.length * 2));
    slotOf.set(this.#slotOf);
    this.#slotOf = slotOf;
  }
}

/** Zero bits among the low `bits` bits of `word`: each is one LCS step. */
function countZeros(word: number, bits: number): number {
  const low = bits === 32 ? ~word : ~word & ((1 << bits) - 1);
  return popcount(low);
}

function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}
