import { openStudioDB, PoolStore, ProjectStore, type StudioDatabase } from '../store';
import type { ExportRow } from '../vocabulary';
import { datasetStats, type DatasetStats } from './dataset-stats';
import { rowsBehind, type FigurePart, type RowFigures } from './rows-behind';
import { inThreadHelper, type StatsHelper } from './stats-helper';
import type { Timer } from './timer';
import { treeOfPairs, type VerbNounTree } from './verb-noun';
import { VerbNounCache } from './verb-noun-cache';

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
  /** Every statistic of the project's dataset but Fig. 3, from scratch. */
  compute(projectId: string): Promise<ComputedStats>;
  /**
   * Fig. 3 for the tasks the last compute() of the project read (read again if it was another
   * project's): only tasks new or changed since the previous tree are parsed. `onProgress` hears
   * the fraction parsed.
   */
  verbNounTree(projectId: string, onProgress?: (fraction: number) => void): Promise<VerbNounTree>;
  /** The ids of the tasks behind a part of a figure, as the last computation of the project saw them. */
  rowsBehind(projectId: string, part: FigurePart): Promise<string[]>;
}

/**
 * What the stats worker serves: statistics computed from its own connection to the database, the
 * parts that read only instructions handed to `helpers` (other workers) while it computes the rest.
 */
export function createStatsService(open: () => Promise<StudioDatabase> = () => openStudioDB(), helpers: readonly StatsHelper[] = [inThreadHelper()]): StatsApi {
  let db: Promise<StudioDatabase> | undefined;
  const connection = () => (db ??= open());
  /** The rows of the last computation and its figures of each row, for the tree and the click-through. */
  let last: (RowFigures & { projectId: string }) | undefined;
  const verbNouns = new VerbNounCache();
  const helper = (index: number) => helpers[index % helpers.length]!;

  const readRows = async (projectId: string): Promise<readonly ExportRow[]> => {
    if (last?.projectId === projectId) return last.rows;
    return new PoolStore(await connection()).finishedTasks(projectId);
  };

  return {
    async compute(projectId) {
      const pool = new PoolStore(await connection());
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
      const [project, rows, seeds] = await time('reads (finished tasks, seeds)', async () =>
        Promise.all([new ProjectStore(await connection()).get(projectId), pool.finishedTasks(projectId), pool.seeds(projectId)]),
      );
      const instructions = rows.map((row) => row.task.instruction);
      const seedInstructions = seeds.map((seed) => seed.instruction);
      const tokenizer = project?.settings?.rougeTokenizer;
      const elsewhere = {
        seedScores: time('ROUGE-L to the seeds (helper)', () => helper(0).seedScores(instructions, seedInstructions, tokenizer)),
        compressionRatio: time('compression ratio (helper)', () => helper(1).compressionRatio(instructions)),
      };
      const input = { rows, seedInstructions, rejected, elsewhere, ...(tokenizer ? { tokenizer } : {}) };
      const stats = await datasetStats(input, time);
      last = { projectId, rows, seedScores: await elsewhere.seedScores };
      return { stats, timings };
    },

    async verbNounTree(projectId, onProgress) {
      const rows = await readRows(projectId);
      const pairs = await verbNouns.pairsOf(rows, helpers, onProgress);
      if (last?.rows === rows) last.pairs = pairs;
      return treeOfPairs(pairs);
    },

    async rowsBehind(projectId, part) {
      if (last?.projectId !== projectId) return [];
      return rowsBehind(last, part);
    },
  };
}
