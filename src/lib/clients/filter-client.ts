import type { FilterApi, ReplayQuestion } from '../novelty';
import type { Novelty, NoveltyChanges, NoveltyVerdict, PoolEntry, PoolOptions } from '../vocabulary';
import type { WorkerConnection } from './worker-connection';

/** The page's side of the filter worker: the novelty port. */
export class FilterClient implements Novelty {
  constructor(private readonly connection: WorkerConnection<FilterApi>) {}

  loadPool(entries: PoolEntry[], options: PoolOptions): Promise<void> {
    return this.connection.guard(this.connection.remote.loadPool(entries, options));
  }

  check(instruction: string): Promise<NoveltyVerdict> {
    return this.connection.guard(this.connection.remote.check(instruction));
  }

  add(entry: PoolEntry): Promise<void> {
    return this.connection.guard(this.connection.remote.add(entry));
  }

  size(): Promise<number> {
    return this.connection.guard(this.connection.remote.size());
  }

  replay(question: ReplayQuestion): Promise<number> {
    return this.connection.guard(this.connection.remote.replay(question));
  }

  /** Makes the loaded pool follow a person's action; false when `poolId` is not the loaded pool. */
  update(poolId: string, changes: NoveltyChanges): Promise<boolean> {
    return this.connection.guard(this.connection.remote.update(poolId, changes));
  }

  /** An edited instruction against every other one in the pool; 'not-loaded' when `poolId` is not the loaded pool. */
  nearest(poolId: string, instruction: string, exceptId: string): Promise<NoveltyVerdict | 'not-loaded'> {
    return this.connection.guard<NoveltyVerdict | 'not-loaded'>(this.connection.remote.nearest(poolId, instruction, exceptId));
  }
}
