// What bench/store.bench.ts asks the bench page to do and the figures the page hands back.
// Types only, shared by the Node driver and the page.
import type { ExportFormat } from '../../src/lib/export';
import type { PoolCounts } from '../../src/lib/vocabulary';

export interface InsertOptions {
  /** Accepted tasks to reach; about a quarter as many rejected candidates come on top. */
  accepted: number;
  /** Accepted tasks written step by step through PoolStore before the batched remainder. */
  sample: number;
  /** Drives every synthetic choice, so runs are comparable. */
  seed: number;
}

/** One kind of write transaction on the step-by-step path. */
export interface TransactionFigures {
  kind: string;
  count: number;
  meanMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface InsertReport {
  counts: PoolCounts;
  /** Rows of the calls store: one per generation, classify and instances call. */
  calls: number;
  /** Through PoolStore step by step, with the loop's reads between steps. `storeMs` sums the timed store calls alone. */
  stepwise: { accepted: number; candidates: number; generationSteps: number; ms: number; storeMs: number; transactions: TransactionFigures[] };
  batched: { accepted: number; candidates: number; transactions: number; rowsPerTransaction: number; ms: number };
  totalMs: number;
}

/** One timed part, with the longest main-thread task (PerformanceObserver 'longtask') inside it. */
export interface TimedPart {
  name: string;
  ms: number;
  longestTaskMs: number;
}

export interface ReopenReport {
  parts: TimedPart[];
  totalMs: number;
  poolSize: number;
  /** The same NoveltyPool built on the page's thread, without the worker hop, for comparison. */
  inPagePoolMs: number;
}

export interface ExportReport {
  label: string;
  /** From the request to the download worker until the page holds the Blob: the whole download. */
  totalMs: number;
  /** Longest 'longtask' entry on the page meanwhile. */
  longestTaskMs: number;
  bytes: number;
  /** A check of the file's content, e.g. "200,480 lines" or "PAR1, 200,480 rows". */
  check: string;
}

export interface PageInfo {
  userAgent: string;
  longTasksObserved: boolean;
  cores: number;
}

/** The page's API, on `window.storeBench`. */
export interface StoreBench {
  info(): PageInfo;
  insert(options: InsertOptions): Promise<InsertReport>;
  reopen(): Promise<ReopenReport>;
  exportFormats(formats: ExportFormat[]): Promise<ExportReport>;
  readBreakdown(): Promise<TimedPart[]>;
}
