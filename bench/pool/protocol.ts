// What bench/pool.bench.ts asks the pool bench page to do and the figures the page hands back.
// Types only, shared by the Node driver and the page.
import type { InsertOptions, InsertReport, PageInfo } from '../store/protocol';

export type { InsertOptions, InsertReport, PageInfo };

export interface OpenReport {
  rows: number;
  /** From `new Worker` until open() answered: the worker's start, its connection, the reads and the index. */
  firstOpenMs: number;
  /** open() again on the started worker: the reads and the index alone. */
  openAgainMs: number;
  /** The same IndexedDB reads made on the page, for where the open's time goes. */
  readsMs: number;
}

/** One keystroke in the search box: the query, then the table's first window, both from the page. */
export interface Keystroke {
  search: string;
  matching: number;
  queryMs: number;
  /** query() and the first rows() window after it: until the table could show the results. */
  shownMs: number;
}

export interface KeystrokeReport {
  keystrokes: Keystroke[];
  /** Longest main-thread task while typing ('longtask' entries; 0 when none passed 50 ms). */
  longestTaskMs: number;
}

export interface TimedStep {
  label: string;
  ms: number;
  /** What the step found: rows matching, ids read, rows new. */
  count: number;
  /** Longest main-thread task meanwhile, for the steps that run on the page. */
  longestTaskMs?: number;
}

export interface WindowReport {
  /** rows(token, start, start + size) at random starts of a 100k snapshot. */
  windowMs: number[];
  size: number;
  ids: TimedStep;
}

/** The page's API, on `window.poolBench`. */
export interface PoolBench {
  info(): PageInfo;
  insert(options: InsertOptions): Promise<InsertReport>;
  open(): Promise<OpenReport>;
  type(phrases: string[]): Promise<KeystrokeReport>;
  queries(): Promise<TimedStep[]>;
  windows(count: number, size: number): Promise<WindowReport>;
  runProgress(tasks: number): Promise<TimedStep[]>;
  bulkDelete(count: number): Promise<TimedStep[]>;
}
