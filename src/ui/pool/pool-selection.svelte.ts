import type { PoolQuery, PoolRow, RowStatus, ViewCounts } from '../../lib/pool-view';

/** The snapshot a selection is taken from: what the table shows now. */
export interface SelectionSource {
  readonly query: PoolQuery;
  readonly counts: ViewCounts | undefined;
  /** Every id of the snapshot, in order. */
  matchingIds(): Promise<string[]>;
}

const STATUSES: readonly RowStatus[] = ['accepted', 'pending', 'rejected', 'deleted'];

/**
 * The rows picked for a bulk action: some rows, or "all N matching" the filter, less the rows
 * unpicked since. Each picked row keeps its status, so the bulk bar can say what each action would
 * change ("Accept 3 tasks" of 12 picked).
 */
export class PoolSelection {
  /** The picked rows; under "all matching", the rows taken out of it. */
  #rows = $state.raw(new Map<string, RowStatus>());
  #allMatching = $state(false);

  constructor(private readonly source: SelectionSource) {}

  get allMatching() { return this.#allMatching; }

  /** How many rows are picked. */
  get size(): number {
    return this.#allMatching ? (this.source.counts?.matching ?? 0) - this.#rows.size : this.#rows.size;
  }

  /** How many picked rows have each status. */
  get byStatus(): Record<RowStatus, number> {
    const counted = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<RowStatus, number>;
    if (this.#allMatching) {
      const { query, counts } = this.source;
      for (const status of STATUSES) {
        // The status facet is counted with every other filter applied, so within the matching rows it is exact.
        if (query.status === status) counted[status] = counts?.matching ?? 0;
        else if (query.status === 'kept' && status !== 'deleted') counted[status] = counts?.status[status] ?? 0;
      }
    }
    for (const status of this.#rows.values()) counted[status] += this.#allMatching ? -1 : 1;
    return counted;
  }

  has(id: string): boolean {
    return this.#allMatching !== this.#rows.has(id);
  }

  toggle(row: Pick<PoolRow, 'id' | 'status'>): void {
    const rows = new Map(this.#rows);
    if (!rows.delete(row.id)) rows.set(row.id, row.status);
    this.#rows = rows;
    if (this.#allMatching && this.size === 0) this.clear();
  }

  selectAllMatching(): void {
    this.#allMatching = true;
    this.#rows = new Map();
  }

  clear(): void {
    this.#allMatching = false;
    this.#rows = new Map();
  }

  /** The picked rows' ids, those of the given statuses only when `statuses` is given. */
  async ids(statuses?: readonly RowStatus[]): Promise<string[]> {
    if (!this.#allMatching) {
      return [...this.#rows].filter(([, status]) => !statuses || statuses.includes(status)).map(([id]) => id);
    }
    // Under "all matching" only the unpicked rows' statuses are known; the store skips the rows an action does not fit.
    const ids = await this.source.matchingIds();
    return ids.filter((id) => !this.#rows.has(id));
  }
}
