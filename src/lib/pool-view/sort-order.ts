/**
 * Documents kept sorted by one key, so a query walks them in order instead of sorting its matches
 * on every keystroke. Added documents wait apart; the next read sorts those few and merges them in
 * one pass, which also drops the documents that died meanwhile.
 */
export class SortOrder {
  #sorted = new Int32Array(0);
  #added: number[] = [];

  constructor(private readonly compare: (a: number, b: number) => number) {}

  add(doc: number): void {
    this.#added.push(doc);
  }

  /** The documents in ascending order: the live ones, and any that died since the last add. */
  docs(isLive: (doc: number) => boolean): Int32Array {
    if (this.#added.length === 0) return this.#sorted;
    // Only live documents are compared: a dead one's row is gone.
    const added = this.#added.filter(isLive).sort(this.compare);
    const old = this.#sorted;
    const merged = new Int32Array(old.length + added.length);
    let written = 0;
    for (let a = 0, b = 0; a < old.length || b < added.length; ) {
      if (a < old.length && !isLive(old[a]!)) a++;
      else if (b === added.length || (a < old.length && this.compare(old[a]!, added[b]!) <= 0)) merged[written++] = old[a++]!;
      else merged[written++] = added[b++]!;
    }
    this.#sorted = merged.slice(0, written);
    this.#added = [];
    return this.#sorted;
  }
}
