import type { FilterApi } from '../clients';
import { refilter } from '../rouge';
import { NoveltyPool } from './novelty-pool';

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
