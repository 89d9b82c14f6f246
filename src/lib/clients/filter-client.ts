import type { Novelty, NoveltyVerdict, PoolEntry, PoolOptions } from '../run/ports';
import type { WorkerConnection } from './worker-connection';

/** A "what if the threshold were…" question about a pool's candidate stream. */
export interface ReplayQuestion {
  seeds: string[];
  /** Every candidate that passed the heuristic filters, oldest first. */
  candidates: string[];
  options: PoolOptions;
}

/** The verbs the filter worker serves (workers/filter.worker.ts satisfies this). */
export interface FilterApi extends Novelty {
  size(): number;
  /** How many of the candidates the novelty filter would keep under other options. */
  replay(question: ReplayQuestion): number;
}

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
