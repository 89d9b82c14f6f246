import type { ComputedStats, StatsApi } from '../stats';
import type { WorkerConnection } from './worker-connection';

/** The page's side of the stats worker. */
export class StatsClient {
  constructor(private readonly connection: WorkerConnection<StatsApi>) {}

  compute(projectId: string): Promise<ComputedStats> {
    return this.connection.guard(this.connection.remote.compute(projectId));
  }
}
