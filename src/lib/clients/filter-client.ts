import type { FilterApi, ReplayQuestion } from '../novelty';
import type { Novelty, NoveltyVerdict, PoolEntry, PoolOptions } from '../vocabulary';
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
}
