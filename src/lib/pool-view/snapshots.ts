import type { PoolQuery } from './pool-query';

/** How many snapshots are kept: the page reads the latest, and a window of one just before it may still be on its way. */
const KEPT = 8;

/** The ids a query matched when it ran, in its order, frozen while rows change. */
export class Snapshot {
  #members: Set<string> | undefined;

  constructor(
    readonly query: PoolQuery,
    readonly ids: readonly string[],
  ) {}

  has(id: string): boolean {
    return (this.#members ??= new Set(this.ids)).has(id);
  }
}

/** The latest snapshots by token; older ones are dropped. */
export class Snapshots {
  readonly #kept = new Map<number, Snapshot>();
  #lastToken = 0;

  take(query: PoolQuery, ids: readonly string[]): number {
    const token = ++this.#lastToken;
    this.#kept.set(token, new Snapshot(query, ids));
    // A Map iterates in insertion order: the first key is the oldest.
    if (this.#kept.size > KEPT) this.#kept.delete(this.#kept.keys().next().value!);
    return token;
  }

  get(token: number): Snapshot {
    const snapshot = this.#kept.get(token);
    if (!snapshot) throw new Error(`The view ${token} is gone (only the latest ${KEPT} are kept): query again.`);
    return snapshot;
  }

  clear(): void {
    this.#kept.clear();
  }
}
