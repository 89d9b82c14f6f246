// What bench/stats.bench.ts asks the stats bench page to do and the figures the page hands back.
// Types only, shared by the Node driver and the page.
import type { DatasetStats, TimedPart } from '../../src/lib/stats';
import type { InsertOptions, InsertReport, PageInfo } from '../store/protocol';

export type { InsertOptions, InsertReport, PageInfo };

/** One compute() of the project's statistics, timed from the page, with the worker's own parts. */
export interface ComputeReport {
  /** The round trip the page waits for. */
  ms: number;
  /** Longest main-thread task meanwhile ('longtask' entries; 0 when none passed 50 ms). */
  longestTaskMs: number;
  /** The reads and each statistic, timed in the worker. */
  parts: TimedPart[];
  stats: DatasetStats;
}

/** Fig. 3's tree after a compute(), timed from the page. */
export interface TreeReport {
  ms: number;
  longestTaskMs: number;
  instructions: number;
  share: number;
}

export interface StatsReport {
  /** From `new Worker` until the first compute() answered: the worker's start and its connection too. */
  first: ComputeReport;
  /** compute() again in the started worker: every read and statistic from scratch. */
  again: ComputeReport;
  /** The verb–noun tree right after the first compute: every instruction parsed in the helpers. */
  treeFromScratch: TreeReport;
  /** The tree again after compute again: nothing new to parse, the cache answers. */
  treeAgain: TreeReport;
}

/** The page's API, on `window.statsBench`. */
export interface StatsBench {
  info(): PageInfo;
  insert(options: InsertOptions): Promise<InsertReport>;
  compute(): Promise<StatsReport>;
}
