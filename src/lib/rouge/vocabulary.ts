/** Token strings interned to dense integer ids, so the index compares numbers, not strings. */
export class Vocabulary {
  #ids = new Map<string, number>();

  get size(): number {
    return this.#ids.size;
  }

  intern(token: string): number {
    let id = this.#ids.get(token);
    if (id === undefined) {
      id = this.#ids.size;
      this.#ids.set(token, id);
    }
    return id;
  }

  /** The token's id, or -1 for a token no pool instruction has: it can match nothing. */
  lookup(token: string): number {
    return this.#ids.get(token) ?? -1;
  }
}
