/** A growable list of 32-bit integers: typed storage, amortised O(1) push. */
export class IntList {
  #items: Int32Array;
  #length = 0;

  constructor(capacity = 4) {
    this.#items = new Int32Array(capacity);
  }

  get length(): number {
    return this.#length;
  }

  /** The backing array; only the first `length` entries are meaningful. */
  get items(): Int32Array {
    return this.#items;
  }

  push(value: number): void {
    if (this.#length === this.#items.length) this.#grow(this.#length + 1);
    this.#items[this.#length++] = value;
  }

  pushAll(values: ArrayLike<number>): void {
    if (this.#length + values.length > this.#items.length) this.#grow(this.#length + values.length);
    this.#items.set(values, this.#length);
    this.#length += values.length;
  }

  #grow(needed: number): void {
    const items = new Int32Array(Math.max(needed, this.#items.length * 2));
    items.set(this.#items.subarray(0, this.#length));
    this.#items = items;
  }
}
