import { errorMessage } from '../handle-error';
import { PoolSelection } from './pool-selection.svelte';
import { DEFAULT_QUERY, viewFromHash, viewToHash, type PoolQuery, type PoolRow, type PoolViewApi, type RunInfo, type ViewCounts } from '../../lib/pool-view';
import type { ViewAddress } from './view-address';
import type { JudgeCounts } from '../../lib/store';

/** What the table needs of the pool view worker. */
export type PoolViewPort = Pick<PoolViewApi, 'open' | 'sync' | 'judged' | 'syncNewer' | 'query' | 'rows' | 'ids' | 'newSince' | 'judgeCounts'>;

/** The filters and the sort: every field of the query but the search. */
export type ViewFilter = Exclude<keyof PoolQuery, 'search' | 'figure'>;

/** Rows are fetched in blocks of this many, as the table scrolls to them. */
export const BLOCK_ROWS = 100;
/** Blocks kept at most: a few screens either side of what is shown; farther ones are fetched again. */
const KEPT_BLOCKS = 40;

/**
 * The pool as a table: the query (kept in the address's hash), the frozen snapshot of the rows that
 * match it, the blocks of rows fetched as the table scrolls, rows a run added since ("N new"), the
 * selection, the focused row and the open one. A keystroke queries at once; an answer to a query
 * asked before the latest is dropped, and so is a block of an older snapshot.
 */
export class PoolViewState {
  #query = $state.raw<PoolQuery>(DEFAULT_QUERY);
  #openId = $state<string | undefined>();
  #token = $state<number | undefined>();
  #counts = $state.raw<ViewCounts | undefined>();
  #blocks = $state.raw(new Map<number, PoolRow[]>());
  #total = $state(0);
  #runs = $state.raw<RunInfo[]>([]);
  #newRows = $state(0);
  #focused = $state(0);
  #error = $state<string | undefined>();
  /** The rows the table shows now, overscan included: a new snapshot fetches them before it is shown. */
  #range = { start: 0, end: BLOCK_ROWS };
  #asked = 0;
  #fetching = new Set<string>();
  #checking: Promise<void> = Promise.resolve();
  #stopWatching = () => {};
  readonly selection: PoolSelection;

  constructor(
    private readonly port: PoolViewPort,
    private readonly projectId: string,
    private readonly address: ViewAddress,
  ) {
    this.selection = new PoolSelection(this);
  }

  get query() { return this.#query; }
  get counts() { return this.#counts; }
  /** How many rows match the query. */
  get matching() { return this.#counts?.matching ?? 0; }
  /** Every row the project has, the trash included. */
  get total() { return this.#total; }
  get runs() { return this.#runs; }
  /** Rows a run added since the snapshot that match its query: shown when the user asks. */
  get newRows() { return this.#newRows; }
  get focused() { return this.#focused; }
  get openId() { return this.#openId; }
  get error() { return this.#error; }
  /** The query is not the default one, so Reset has something to do. */
  get filtered() { return viewToHash(this.#query) !== viewToHash(DEFAULT_QUERY) || this.#query.figure !== undefined; }
  /** The snapshot has been read once, so the table can show it (or that nothing matches). */
  get ready() { return this.#counts !== undefined; }

  /** Opens the project in the worker, takes the view from the address, and keeps following it. */
  async load(): Promise<void> {
    this.#fromAddress();
    this.#stopWatching = this.address.watch(() => {
      if (this.#fromAddress()) void this.#ask();
    });
    try {
      const { rows, runs } = await this.port.open(this.projectId);
      // The page has the pool's data from here: bench:pool times the table from this mark.
      performance.mark('pool-view-opened');
      this.#total = rows;
      this.#runs = runs;
    } catch (error) {
      this.#error = errorMessage(error);
      return;
    }
    await this.#ask();
  }

  dispose(): void {
    this.#stopWatching();
  }

  /** A keystroke in the search box: queried at once; the history entry is rewritten, not added. */
  search(text: string): Promise<void> {
    this.#query = { ...this.#query, search: text };
    this.address.replace(this.#hash());
    return this.#ask({ newQuery: true });
  }

  /** A filter or the sort changed: a new history entry, so Back returns to the view before. */
  filter<Field extends ViewFilter>(field: Field, value: PoolQuery[Field]): Promise<void> {
    this.#query = { ...this.#query, [field]: value };
    this.address.push(this.#hash());
    return this.#ask({ newQuery: true });
  }

  /**
   * Shows only what a dataset figure points at (its tasks, or the filters of a rejection rule),
   * every other filter and the search cleared so that no row behind it is hidden: a new history entry.
   */
  showOnly(query: Partial<PoolQuery>): Promise<void> {
    this.#query = { ...DEFAULT_QUERY, ...query };
    this.address.push(this.#hash());
    return this.#ask({ newQuery: true });
  }

  /** Drops the figure's rows, keeping the other filters. */
  clearFigure(): Promise<void> {
    const { figure: _, ...query } = this.#query;
    this.#query = query;
    return this.#ask({ newQuery: true });
  }

  reset(): Promise<void> {
    this.#query = DEFAULT_QUERY;
    this.address.push(this.#hash());
    return this.#ask({ newQuery: true });
  }

  /** Queries again with the same query: the "N new" rows join, rows an action changed show it (or leave the view). */
  refresh(): Promise<void> {
    return this.#ask();
  }

  /** Another tab changed these tasks: the worker reads them from the store, then the table asks again. */
  async readAgain(taskIds: string[]): Promise<void> {
    if (this.#token === undefined) return;
    await this.port.sync(taskIds);
    await this.#ask();
  }

  /**
   * A run stored a step: the worker reads the new rows, and they wait behind "N new" so that nothing
   * moves under the user's eyes; an empty table shows them at once, as nobody is reading it.
   */
  checkNew(): Promise<void> {
    this.#checking = this.#checking.then(async () => {
      // Before the first snapshot the worker has no project open, and the first query reads every row anyway.
      const token = this.#token;
      if (token === undefined) return;
      try {
        this.#total += await this.port.syncNewer();
        if (this.matching === 0) await this.#ask();
        else {
          const [newRows, blocks] = await Promise.all([this.port.newSince(token), this.#fetchShown(token, this.matching)]);
          // A snapshot taken meanwhile (an action's, a refresh) holds these rows already.
          if (token !== this.#token) return;
          this.#newRows = newRows;
          // The rows shown stay where they are, but show what the run did to them (a waiting task finished).
          this.#blocks = blocks;
        }
      } catch (error) {
        this.#error = errorMessage(error);
      }
    });
    return this.#checking;
  }

  /**
   * The judge stored judgments of these tasks: the worker reads them, and the rows shown show them
   * where they are. Nothing moves under the user's eyes: the counts and the order follow at the next
   * query; an empty table asks at once, as nobody is reading it (a filter on judged rows fills up).
   */
  judged(taskIds: string[]): Promise<void> {
    this.#checking = this.#checking.then(async () => {
      const token = this.#token;
      if (token === undefined) return;
      try {
        await this.port.judged(taskIds);
        if (this.matching === 0) return await this.#ask();
        const blocks = await this.#fetchShown(token, this.matching);
        if (token === this.#token) this.#blocks = blocks;
      } catch (error) {
        this.#error = errorMessage(error);
      }
    });
    return this.#checking;
  }

  /** The judge panel's counts, from the worker's rows once the judgments it was told of are read. */
  judgeCounts(): Promise<JudgeCounts> {
    return this.#checking.then(() => this.port.judgeCounts(this.projectId));
  }

  /** Every id of the rows the table shows, in its order. */
  async matchingIds(): Promise<string[]> {
    return this.#token === undefined ? [] : this.port.ids(this.#token);
  }

  /** Every id of the kept rows that match `filters` (the reviewed ones, say), whatever the table shows. */
  async idsWhere(filters: Partial<PoolQuery>): Promise<string[]> {
    const { token } = await this.port.query({ ...DEFAULT_QUERY, ...filters });
    return this.port.ids(token);
  }

  /** The row at `index` of the snapshot, once its block is fetched. */
  rowAt(index: number): PoolRow | undefined {
    return this.#blocks.get(Math.floor(index / BLOCK_ROWS))?.[index % BLOCK_ROWS];
  }

  /** The table shows rows `start` to `end` (exclusive): fetches the blocks it does not have. */
  show(start: number, end: number): void {
    this.#range = { start, end };
    const token = this.#token;
    if (token === undefined) return;
    for (const block of blocksOf(this.#range, this.matching)) {
      const key = `${token}:${block}`;
      if (this.#blocks.has(block) || this.#fetching.has(key)) continue;
      this.#fetching.add(key);
      void this.#fetchBlock(token, block)
        .then((rows) => {
          if (token === this.#token) this.#blocks = keepNear(new Map(this.#blocks).set(block, rows), this.#range);
        })
        .catch((error: unknown) => (this.#error = errorMessage(error)))
        .finally(() => this.#fetching.delete(key));
    }
  }

  /** Moves the focused row, kept within the snapshot. */
  focus(index: number): void {
    this.#focused = Math.max(0, Math.min(index, this.matching - 1));
  }

  open(taskId: string): void {
    this.#openId = taskId;
    this.address.replace(this.#hash());
  }

  close(): void {
    this.#openId = undefined;
    this.address.replace(this.#hash());
  }

  #hash(): string {
    return viewToHash(this.#query, this.#openId);
  }

  /** Takes the view from the address; false when the hash is not a view (a skip link's `#pool`, say). */
  #fromAddress(): boolean {
    const view = viewFromHash(this.address.read());
    if (!view) return false;
    if (viewToHash(view.query) !== viewToHash(this.#query)) this.selection.clear();
    // Back or a link leaves a figure's rows, which the address does not hold.
    this.#query = view.query;
    this.#openId = view.openId;
    return true;
  }

  /**
   * Asks for a snapshot of the query and the blocks the table shows, and shows them together, so
   * the table never blinks empty between two snapshots. A new query drops the selection, which
   * was picked from other rows.
   */
  async #ask({ newQuery = false } = {}): Promise<void> {
    const asked = ++this.#asked;
    if (newQuery) this.selection.clear();
    try {
      const { token, counts, runs } = await this.port.query(this.#query);
      if (asked !== this.#asked) return;
      const blocks = await this.#fetchShown(token, counts.matching);
      if (asked !== this.#asked) return;
      this.#token = token;
      this.#counts = counts;
      this.#runs = runs;
      this.#blocks = blocks;
      this.#newRows = 0;
      this.#focused = Math.max(0, Math.min(this.#focused, counts.matching - 1));
      this.#error = undefined;
    } catch (error) {
      if (asked === this.#asked) this.#error = errorMessage(error);
    }
  }

  /** The blocks of the rows the table shows, fetched afresh from snapshot `token` of `matching` rows. */
  async #fetchShown(token: number, matching: number): Promise<Map<number, PoolRow[]>> {
    const wanted = blocksOf(this.#range, matching);
    const rows = await Promise.all(wanted.map((block) => this.#fetchBlock(token, block)));
    return new Map(wanted.map((block, i) => [block, rows[i]!]));
  }

  #fetchBlock(token: number, block: number): Promise<PoolRow[]> {
    return this.port.rows(token, block * BLOCK_ROWS, (block + 1) * BLOCK_ROWS);
  }
}

/** The blocks that hold rows `start` to `end` of a snapshot of `matching` rows. */
function blocksOf({ start, end }: { start: number; end: number }, matching: number): number[] {
  const last = Math.min(end, matching) - 1;
  const blocks: number[] = [];
  for (let block = Math.floor(Math.max(0, start) / BLOCK_ROWS); block * BLOCK_ROWS <= last; block++) blocks.push(block);
  return blocks;
}

/** Drops the blocks farthest from the rows shown once more than KEPT_BLOCKS are held. */
function keepNear(blocks: Map<number, PoolRow[]>, { start }: { start: number }): Map<number, PoolRow[]> {
  if (blocks.size <= KEPT_BLOCKS) return blocks;
  const here = Math.floor(start / BLOCK_ROWS);
  const nearest = [...blocks.keys()].sort((a, b) => Math.abs(a - here) - Math.abs(b - here)).slice(0, KEPT_BLOCKS);
  return new Map(nearest.map((block) => [block, blocks.get(block)!]));
}
