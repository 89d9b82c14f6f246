import { refilter } from '../rouge';
import type { Novelty, PoolOptions } from '../vocabulary';
import { NoveltyPool } from './novelty-pool';

/** A "what if the threshold were…" question about a pool's candidate stream. */
export interface ReplayQuestion {
  seeds: string[];
  /** Every candidate that passed the heuristic filters, oldest first. */
  candidates: string[];
  options: PoolOptions;
}

/** The verbs the filter worker serves (workers/filter.worker.ts exposes them through comlink). */
export interface FilterApi extends Novelty {
  size(): number;
  /** How many of the candidates the novelty filter would keep under other options. */
  replay(question: ReplayQuestion): number;
}

/** What the filter worker serves: the pool's novelty checks, and replays at other settings. */
export function createFilterService(): FilterApi {
  const pool = new NoveltyPool();
  return {
    loadPool: (entries, options) => pool.loadPool(entries, options),
    check: (instruction) => pool.check(instruction),
    add: (entry) => pool.add(entry),
    size: () => pool.size,
    replay: ({ seeds, candidates, options }) => refilter(candidates, { ...options, seeds }).filter(Boolean).length,
  };
}
