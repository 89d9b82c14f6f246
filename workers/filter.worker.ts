// The filter worker owns the ROUGE-L novelty index, so scoring a candidate against tens of
// thousands of instructions never blocks the page.
import { expose } from 'comlink';
import type { FilterApi } from '../src/lib/clients';
import { NoveltyPool } from '../src/lib/novelty';

const pool = new NoveltyPool();

const api: FilterApi = {
  loadPool: (entries, threshold) => pool.loadPool(entries, threshold),
  check: (instruction) => pool.check(instruction),
  add: (entry) => pool.add(entry),
  size: () => pool.size,
};

expose(api);
