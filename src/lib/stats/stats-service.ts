import { openStudioDB, PoolStore, ProjectStore, type StudioDatabase } from '../store';
import type { ExportRow, RejectedCandidate } from '../vocabulary';
import { datasetStats, type DatasetStats } from './dataset-stats';
import { StreamedStats, type Figures, type SeedsOfProject } from './streamed-stats';
import { handled } from './handled';
import { joinTexts } from './joined-texts';
import { referenceRows } from './reference-rows';
import { rowsBehind, type FigurePart, type RowFigures } from './rows-behind';
import { inThreadHelper, type StatsHelper } from './stats-helper';
import { untimed, type Timer } from './timer';
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

/** What a project's figures are compared with: a dataset file, or another project of this browser. */
export type Reference = { file: Blob; name: string } | { projectId: string };

/** A reference's figures, Fig. 3 included, or why they could not be computed (a sentence saying what to do). */
export type ComparedStats = { ok: true; stats: DatasetStats; tree: VerbNounTree } | { ok: false; problem: string };

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
  /**
   * The same figures of a reference, computed the same way: its ROUGE-L to this project's seeds
   * (Fig. 4), with this project's tokenizer. Nothing of it is stored.
   */
  compare(projectId: string, reference: Reference): Promise<ComparedStats>;
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
  let computations = 0;

  const readRows = async (projectId: string): Promise<readonly ExportRow[]> => {
    if (last?.projectId === projectId) return last.rows;
    return new PoolStore(await connection()).finishedTasks(projectId);
  };

  /** The project's seed instructions and ROUGE-L tokenizer, which Fig. 4 scores against. */
  const seedsOf = async (projectId: string): Promise<SeedsOfProject> => {
    const db = await connection();
    const [project, seeds] = await Promise.all([new ProjectStore(db).get(projectId), new PoolStore(db).seeds(projectId)]);
    const tokenizer = project?.settings?.rougeTokenizer;
    return { seedInstructions: seeds.map((seed) => seed.instruction), ...(tokenizer ? { tokenizer } : {}) };
  };

  /** Every statistic but Fig. 3, the helpers taking ROUGE-L and the compression ratio; with each row's score to its nearest seed. */
  const figuresOf = async (
    rows: readonly ExportRow[],
    { seedInstructions, tokenizer }: SeedsOfProject,
    rejected: Promise<readonly RejectedCandidate[]>,
    time: Timer,
  ): Promise<Figures> => {
    const instructions = joinTexts(rows.map((row) => row.task.instruction));
    const elsewhere = {
      seedScores: time('ROUGE-L to the seeds (helper)', () => helper(0).seedScores(instructions, seedInstructions, tokenizer)),
      compressionRatio: time('compression ratio (helper)', () => helper(1).compressionRatio(instructions)),
    };
    const stats = await datasetStats({ rows, seedInstructions, rejected, elsewhere, ...(tokenizer ? { tokenizer } : {}) }, time);
    return { stats, seedScores: await elsewhere.seedScores };
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
      // The pages are asked for first, as everything waits for them; the seeds and the rejected
      // candidates (keys only) meanwhile, awaited when needed.
      const seeds = handled(time('reads (seeds)', () => seedsOf(projectId)));
      const streamed = new StreamedStats(seeds, helpers, `compute ${++computations}`);
      const reading = time('reads (finished tasks), each part counted as it came', () => pool.finishedTasks(projectId, (part, rowsAtMost) => streamed.add(part, rowsAtMost)));
      const rejected = handled(pool.rejectedCandidates(projectId));
      const rows = await reading.catch((error: unknown) => {
        streamed.abandon();
        throw error;
      });
      const { stats, seedScores } = (await streamed.finish(rows, rejected, time)) ?? (await figuresOf(rows, await seeds, rejected, time));
      last = { projectId, rows, seedScores };
      return { stats, timings };
    },

    async compare(projectId, reference) {
      const pool = new PoolStore(await connection());
      const read = 'file' in reference ? await referenceRows(reference.file, reference.name) : { ok: true as const, rows: await pool.finishedTasks(reference.projectId) };
      if (!read.ok) return read;
      const rejected = 'file' in reference ? Promise.resolve([]) : pool.rejectedCandidates(reference.projectId);
      const { stats } = await figuresOf(read.rows, await seedsOf(projectId), rejected, untimed);
      // A cache of its own: the reference's tasks must not push the project's out of the project's.
      const tree = treeOfPairs(await new VerbNounCache().pairsOf(read.rows, helpers));
      return { ok: true, stats, tree };
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
