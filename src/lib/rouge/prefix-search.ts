import { LcsPattern } from './bit-parallel-lcs';
import { lengthWindow, minLcsToBeat, type Bar } from './lcs-bound';
import { fmeasure } from './rouge-l';
import type { TokenPool } from './token-pool';

/** A query's token ids (below 0: a token no pool entry has), and its known ids rarest first. */
export interface Query {
  ids: Int32Array;
  rarestFirst: { id: number; count: number }[];
  unknownCount: number;
}

export function toQuery(ids: Int32Array, pool: TokenPool): Query {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  const unknownCount = counts.get(-1) ?? 0;
  counts.delete(-1);
  const rarestFirst = [...counts].map(([id, count]) => ({ id, count }));
  rarestFirst.sort((a, b) => pool.frequency(a.id) - pool.frequency(b.id));
  return { ids, rarestFirst, unknownCount };
}

/** Called with each pool entry that could beat the bar, and its exact F; true stops the search. */
export type Visit = (entry: number, score: number) => boolean;

/**
 * Finds the pool entries whose ROUGE-L F against one query may beat a bar, and scores them.
 * Exact: it skips only entries that provably cannot beat the bar, since LCS <= shared tokens.
 *  - Length filter: the entry's length must allow an LCS that beats the bar (`lengthWindow`).
 *  - Prefix filter (AllPairs, Bayardo et al. 2007; PPJoin, Xiao et al. 2008), per length: an
 *    entry needing an LCS of `need` holds one of the query's first m - need + 1 tokens in any
 *    fixed order. Probing them rarest first keeps the posting lists read short; entries are
 *    indexed whole, so the order may change as the pool grows.
 *  - Count filter: tokens shared among those probed, plus those not probed, must reach `need`.
 */
export class PrefixSearch {
  readonly #pool: TokenPool;
  readonly #pattern = new LcsPattern();
  #query: Query | null = null;
  /** Per pool entry: query tokens it holds among those probed so far (0: not a candidate). */
  #shared = new Int32Array(1024);
  #candidates = new Int32Array(1024);
  #candidateCount = 0;
  /** Per length in the window: the least LCS that beats the bar. */
  #need = new Int32Array(64);

  constructor(pool: TokenPool) {
    this.#pool = pool;
  }

  /** Starts a query for any number of `run`s; token ids must stay below `idLimit`. */
  begin(query: Query, idLimit: number): void {
    this.#query = query;
    this.#pattern.load(query.ids, idLimit);
    if (this.#shared.length < this.#pool.size) {
      this.#shared = new Int32Array(Math.max(this.#pool.size, this.#shared.length * 2));
      this.#candidates = new Int32Array(this.#shared.length);
    }
  }

  end(): void {
    this.#pattern.unload();
    this.#query = null;
  }

  /**
   * Visits every entry that may beat `bar` with its exact F (an entry a previous run of the same
   * query visited may come again); false when a visit stopped the run.
   */
  run(bar: Bar, visit: Visit): boolean {
    const query = this.#query;
    if (query === null) throw new Error('PrefixSearch.run() needs begin(query) first');
    const m = query.ids.length;
    const window = lengthWindow(bar, m, this.#pool.longest);
    if (window === null) return true;
    const { shortest, longest } = window;
    const need = this.#needTable(bar, m, shortest, longest);
    let position = query.unknownCount;
    let longestNew = longest;
    for (const { id, count } of query.rarestFirst) {
      // An entry first met here shares at most the m - position tokens left, so lengths that
      // need more can no longer join; when none can, the prefix is done.
      while (longestNew >= shortest && need[longestNew - shortest]! > m - position) longestNew--;
      if (longestNew < shortest) break;
      position += count;
      this.#countShared(id, count, shortest, longestNew, longest);
    }
    return this.#scoreCandidates(shortest, need, m - position, visit);
  }

  #needTable(bar: Bar, m: number, shortest: number, longest: number): Int32Array {
    const size = longest - shortest + 1;
    if (this.#need.length < size) this.#need = new Int32Array(Math.max(size, this.#need.length * 2));
    for (let i = 0; i < size; i++) this.#need[i] = minLcsToBeat(bar, m, shortest + i);
    return this.#need;
  }

  /** Adds `count` to each entry holding `id` that is a candidate or, up to `longestNew`, becomes one. */
  #countShared(id: number, count: number, shortest: number, longestNew: number, longest: number): void {
    const lengths = this.#pool.lengths;
    const shared = this.#shared;
    const entries = this.#pool.postings(id);
    const frequency = this.#pool.frequency(id);
    for (let i = 0; i < frequency; i++) {
      const entry = entries[i]!;
      const n = lengths[entry]!;
      if (n < shortest || n > longest) continue;
      if (shared[entry] === 0) {
        if (n > longestNew) continue;
        this.#candidates[this.#candidateCount++] = entry;
      }
      shared[entry] = shared[entry]! + count;
    }
  }

  /** Scores the candidates whose shared tokens plus unprobed ones reach the LCS they need. */
  #scoreCandidates(shortest: number, need: Int32Array, unprobed: number, visit: Visit): boolean {
    const m = this.#query!.ids.length;
    const { tokens, starts, lengths } = this.#pool;
    let going = true;
    for (let i = 0; i < this.#candidateCount; i++) {
      const entry = this.#candidates[i]!;
      const shared = this.#shared[entry]!;
      this.#shared[entry] = 0;
      const n = lengths[entry]!;
      if (!going || shared + unprobed < need[n - shortest]!) continue;
      const start = starts[entry]!;
      going = !visit(entry, fmeasure(this.#pattern.lcs(tokens, start, start + n), m, n));
    }
    this.#candidateCount = 0;
    return going;
  }
}
