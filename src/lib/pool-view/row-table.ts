import type { PoolRow } from './pool-row';
import type { PoolQuery } from './pool-query';
import { SortOrder } from './sort-order';
import { TextIndex } from './text-index';

/**
 * The rows of one project in memory, searchable and kept in every sort order. Each version of a
 * row is a document, numbered upwards: replacing a row adds a document and retires the old one,
 * so the index and the sort orders only ever add.
 */
export class RowTable {
  readonly #rows: (PoolRow | undefined)[] = [];
  readonly #docOf = new Map<string, number>();
  readonly #index = new TextIndex();
  readonly #isLive = (doc: number) => this.#rows[doc] !== undefined;
  readonly #orders: Record<PoolQuery['sort'] | 'unscored' | 'unjudged', SortOrder> = {
    created: new SortOrder((a, b) => this.#byCreated(a, b)),
    length: new SortOrder((a, b) => this.#row(a).length - this.#row(b).length || this.#byCreated(a, b)),
    // Rows with a score; those without come after them in either direction, by creation (see `visit`).
    nearest: new SortOrder((a, b) => this.#row(a).nearestScore! - this.#row(b).nearestScore! || this.#byCreated(a, b)),
    unscored: new SortOrder((a, b) => this.#byCreated(a, b)),
    // Rows with a current verdict by score, ties by creation the other way, so that highest first
    // lists the earlier-made of equal scores first (the tie rule of "keep the best k"); the others after.
    score: new SortOrder((a, b) => this.#score(a) - this.#score(b) || this.#byCreated(b, a)),
    unjudged: new SortOrder((a, b) => this.#byCreated(a, b)),
  };
  #newestId = '';

  get size(): number {
    return this.#docOf.size;
  }

  /** The highest id held: ids sort by creation, so rows made later have higher ones. */
  get newestId(): string {
    return this.#newestId;
  }

  /** Adds a row, or replaces the one with its id; `texts` are what a search looks in. */
  put(row: PoolRow, texts: readonly string[]): void {
    this.remove(row.id);
    const doc = this.#rows.length;
    this.#rows.push(row);
    this.#docOf.set(row.id, doc);
    this.#index.add(doc, texts);
    this.#orders.created.add(doc);
    this.#orders.length.add(doc);
    this.#orders[row.nearestScore === undefined ? 'unscored' : 'nearest'].add(doc);
    this.#orders[row.judgment.status === 'judged' ? 'score' : 'unjudged'].add(doc);
    if (row.id > this.#newestId) this.#newestId = row.id;
  }

  remove(id: string): void {
    const doc = this.#docOf.get(id);
    if (doc === undefined) return;
    this.#rows[doc] = undefined;
    this.#docOf.delete(id);
    this.#index.remove(doc);
  }

  get(id: string): PoolRow | undefined {
    const doc = this.#docOf.get(id);
    return doc === undefined ? undefined : this.#rows[doc];
  }

  /** Every row held, in no particular order. */
  *rows(): Generator<PoolRow> {
    for (const doc of this.#docOf.values()) yield this.#rows[doc]!;
  }

  /** Gets the index ready for searches, so the first keystroke does not pay for the load. */
  settle(): void {
    this.#index.compact();
    for (const order of Object.values(this.#orders)) order.docs(this.#isLive);
  }

  /** See TextIndex.match: 1 for the documents holding every word's prefix, undefined for no words. */
  match(search: string): Uint8Array | undefined {
    return this.#index.match(search);
  }

  /** Calls `visit` with every row and its document, in the query's order; rows without a nearest score (or a judge's score) come last. */
  visit(sort: PoolQuery['sort'], order: PoolQuery['order'], visit: (row: PoolRow, doc: number) => void): void {
    const walk = (docs: Int32Array) => {
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[order === 'asc' ? i : docs.length - 1 - i]!;
        const row = this.#rows[doc];
        if (row) visit(row, doc);
      }
    };
    walk(this.#orders[sort].docs(this.#isLive));
    if (sort === 'nearest') walk(this.#orders.unscored.docs(this.#isLive));
    if (sort === 'score') walk(this.#orders.unjudged.docs(this.#isLive));
  }

  #score(doc: number): number {
    const { judgment } = this.#row(doc);
    return judgment.status === 'judged' ? judgment.score : 0;
  }

  #row(doc: number): PoolRow {
    return this.#rows[doc]!;
  }

  /** Creation time, then id: a stable order for rows made in the same millisecond. */
  #byCreated(a: number, b: number): number {
    const rowA = this.#row(a);
    const rowB = this.#row(b);
    return rowA.created - rowB.created || (rowA.id < rowB.id ? -1 : rowA.id > rowB.id ? 1 : 0);
  }
}
