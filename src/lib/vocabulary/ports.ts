// The run loop's three ports (generate, novelty, store) and what their calls carry. Types only.

import type { CallRecord, CompletionRequest, CompletionResult } from './call';
import type { PoolCounts, Run } from './run';
import type { RougeTokenizer } from './settings';
import type { PoolEntry, SeedTask, StoredInstance, Task } from './task';

export interface CompleteOptions {
  /** Called with the whole text so far as it streams in. */
  onText?: (textSoFar: string) => void;
  /** Aborting ends the call early; it then resolves with finishReason 'abort'. */
  signal?: AbortSignal;
}

/** The generate port: one completion at a time. */
export interface Generator {
  complete(request: CompletionRequest, options?: CompleteOptions): Promise<CompletionResult>;
}

export interface NoveltyVerdict {
  /** False when the best ROUGE-L F is strictly above the threshold, as rouge_score-based Self-Instruct does. */
  novel: boolean;
  /** The best ROUGE-L F against the pool (0 when the pool is empty). */
  score: number;
  nearest: PoolEntry | null;
}

export interface PoolOptions {
  threshold: number;
  tokenizer: RougeTokenizer;
  /** Whose pool this is (the project id), so a later change to one project's pool never reaches another's. */
  poolId?: string;
}

/** The novelty port: ROUGE-L against every instruction in the pool. */
export interface Novelty {
  loadPool(entries: PoolEntry[], options: PoolOptions): Promise<void>;
  check(instruction: string): Promise<NoveltyVerdict>;
  add(entry: PoolEntry): Promise<void>;
}

/** What one instruction-generation step writes, in one transaction. */
export interface GenerationStep {
  call: CallRecord;
  candidates: Task[];
  /** The instances that came with the candidates (Alpaca-style tasks arrive whole). */
  instances: StoredInstance[];
}

/** What one classify or instances step writes, in one transaction. */
export interface TaskStep {
  call: CallRecord;
  task: Task;
  instances: StoredInstance[];
}

export interface TaskStore {
  seeds(projectId: string): Promise<SeedTask[]>;
  /** Accepted machine instructions, oldest first. */
  acceptedTasks(projectId: string): Promise<Task[]>;
  /** The oldest accepted task whose classify or instances step has not run. */
  nextPending(projectId: string): Promise<Task | undefined>;
  counts(projectId: string): Promise<PoolCounts>;
  saveGeneration(step: GenerationStep): Promise<void>;
  saveTaskStep(step: TaskStep): Promise<void>;
  saveRun(run: Run): Promise<void>;
  latestRun(projectId: string): Promise<Run | undefined>;
}

