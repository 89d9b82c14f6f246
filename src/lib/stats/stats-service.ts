import { openStudioDB, PoolStore, ProjectStore, type StudioDatabase } from '../store';
import { datasetStats, type DatasetStats } from './dataset-stats';
import type { Timer } from './timer';

/** How long one part of a computation took, in the worker. */
export interface TimedPart {
  part: string;
  ms: number;
}

export interface ComputedStats {
  stats: DatasetStats;
  /** The reads, then each statistic, in the order they ended. */
  timings: TimedPart[];
}

/** The verbs the stats worker serves (workers/stats.worker.ts). */
export interface StatsApi {
  /** Every statistic of the project's dataset, from scratch. */
  compute(projectId: string): Promise<ComputedStats>;
}

/** What the stats worker serves: statistics computed from its own connection to the database. */
export function createStatsService(open: () => Promise<StudioDatabase> = () => openStudioDB()): StatsApi {
  let db: Promise<StudioDatabase> | undefined;
  return {
    async compute(projectId) {
      db ??= open();
      const connection = await db;
      const pool = new PoolStore(connection);
      const timings: TimedPart[] = [];
      const time: Timer = (part, work) => {
        const start = performance.now();
        const record = () => timings.push({ part, ms: performance.now() - start });
        const value = work();
        if (value instanceof Promise) return value.finally(record) as typeof value;
        record();
        return value;
      };
      // Asked first and awaited last: the database reads them while the other statistics run.
      const rejected = pool.rejectedTasks(projectId);
      const [project, rows, seeds] = await time('reads (finished tasks, seeds)', () =>
        Promise.all([new ProjectStore(connection).get(projectId), pool.finishedTasks(projectId), pool.seeds(projectId)]),
      );
      const input = { rows, seedInstructions: seeds.map((seed) => seed.instruction), rejected, ...(project?.settings ? { tokenizer: project.settings.rougeTokenizer } : {}) };
      return { stats: await datasetStats(input, time), timings };
    },
  };
}
