import { refilter } from '../rouge';
import type { Novelty, NoveltyChanges, NoveltyVerdict, PoolOptions } from '../vocabulary';
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
  /**
   * Makes the loaded pool follow a person's action; applied only when `poolId` names the loaded
   * pool (false otherwise: the next `loadPool` reads the store, which has the change).
   */
  update(poolId: string, changes: NoveltyChanges): boolean;
  /** An edited instruction against every other one in the pool; 'not-loaded' when `poolId` is not the loaded pool. */
  nearest(poolId: string, instruction: string, exceptId: string): NoveltyVerdict | 'not-loaded';
}

/** What the filter worker serves: the pool's novelty checks, its edits, and replays at other settings. */
export function createFilterService(): FilterApi {
  const pool = new NoveltyPool();
  const isLoaded = (poolId: string): boolean => pool.poolId === poolId;
  return {
    loadPool: (entries, options) => pool.loadPool(entries, options),
    check: (instruction) => pool.check(instruction),
    add: (entry) => pool.add(entry),
    size: () => pool.size,
    replay: ({ seeds, candidates, options }) => refilter(candidates, { ...options, seeds }).filter(Boolean).length,
    update: (poolId, changes) => {
      if (!isLoaded(poolId)) return false;
      pool.update(changes);
      return true;
    },
    nearest: (poolId, instruction, exceptId) => (isLoaded(poolId) ? pool.nearest(instruction, exceptId) : 'not-loaded'),
  };
}
