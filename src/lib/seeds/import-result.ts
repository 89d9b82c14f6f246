// What an import returns, and what each parser hands to the next step. Types only.
import type { Instance, SeedTask } from '../vocabulary';

/** Where the seed tasks came from, as detected from the content and the file name. */
export type SeedFormat = 'self-instruct-jsonl' | 'jsonl' | 'openai-jsonl' | 'prompt-completion-jsonl' | 'alpaca-json' | 'sharegpt-json' | 'csv' | 'parquet' | 'text';

/** The formats read from decoded text; Parquet is binary, and told by its bytes. */
export type TextSeedFormat = Exclude<SeedFormat, 'parquet'>;

/**
 * Why nothing was imported. `problem` is a clause without a final full stop, in words the user can
 * act on ("not valid JSON"); `line` is 1-based, the first line of the row or item at fault.
 */
export interface ImportProblem {
  ok: false;
  problem: string;
  line?: number;
}

/** All the seed tasks, or none: a bad file changes nothing. `notes` are sentences to show. */
export type ImportResult = { ok: true; seeds: SeedTask[]; format: SeedFormat; notes: string[] } | ImportProblem;

/** The task one line, row or item holds, before rows that repeat an instruction are combined. */
export interface SeedRow {
  line: number;
  instruction: string;
  instances: Instance[];
  isClassification: boolean;
  /** Only when the file gives one. */
  id?: string;
  name?: string;
  /** The row's example had an input but no output, so it was left out. */
  droppedExample?: boolean;
}

export type RowsResult = { ok: true; rows: SeedRow[]; notes: string[] } | ImportProblem;

/** Told the fraction (0..1) of the text parsed so far, line by line (row by row, item by item). */
export type ParseProgress = (fraction: number) => void;
