import { proxy } from 'comlink';
import type { ComparedStats, ComputedStats, FigurePart, Reference, StatsApi, VerbNounTree } from '../stats';
import type { WorkerConnection } from './worker-connection';

/** The page's side of the stats worker. */
export class StatsClient {
  constructor(private readonly connection: WorkerConnection<StatsApi>) {}

  compute(projectId: string): Promise<ComputedStats> {
    return this.connection.guard(this.connection.remote.compute(projectId));
  }

  verbNounTree(projectId: string, onProgress: (fraction: number) => void = () => {}): Promise<VerbNounTree> {
    return this.connection.guard(this.connection.remote.verbNounTree(projectId, proxy(onProgress)));
  }

  rowsBehind(projectId: string, part: FigurePart): Promise<string[]> {
    return this.connection.guard(this.connection.remote.rowsBehind(projectId, part));
  }

  compare(projectId: string, reference: Reference): Promise<ComparedStats> {
    return this.connection.guard<ComparedStats>(this.connection.remote.compare(projectId, reference));
  }
}
