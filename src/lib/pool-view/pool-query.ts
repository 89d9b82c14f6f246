import type { QualityScore, RejectionReason } from '../vocabulary';
import type { PoolRow, RowStatus } from './pool-row';
import type { JudgeStatus } from './row-judgment';

/** What the table shows: a search, the filters and the order. */
export interface PoolQuery {
  /** Words, each a case- and accent-insensitive word prefix; a row matches when all match (instruction, inputs, outputs). */
  search: string;
  /** 'kept' is every row not deleted. */
  status: RowStatus | 'kept';
  rule: RejectionReason['rule'] | 'any';
  kind: 'any' | 'classification' | 'generation' | 'with-input' | 'without-input';
  /** A run id, or 'any'. */
  run: string;
  edited: 'any' | 'yes' | 'no';
  reviewed: 'any' | 'yes' | 'no';
  /** The judge's verdicts: a score range or a verdict other than 'any' matches current judgments only. */
  judged: JudgeStatus | 'any';
  scoreFrom: QualityScore;
  scoreTo: QualityScore;
  validInstruction: 'any' | 'yes' | 'no';
  appropriateInput: 'any' | 'yes' | 'no';
  /** 'yes': every output acceptable; 'no': some output not. */
  acceptableOutput: 'any' | 'yes' | 'no';
  /** 'score': the judge's score, rows without a current one last. */
  sort: 'created' | 'nearest' | 'length' | 'score';
  order: 'asc' | 'desc';
}

/** Everything kept, newest first. */
export const DEFAULT_QUERY: Readonly<PoolQuery> = {
  search: '',
  status: 'kept',
  rule: 'any',
  kind: 'any',
  run: 'any',
  edited: 'any',
  reviewed: 'any',
  judged: 'any',
  scoreFrom: 1,
  scoreTo: 5,
  validInstruction: 'any',
  appropriateInput: 'any',
  acceptableOutput: 'any',
  sort: 'created',
  order: 'desc',
};

/**
 * How many rows each filter's values would show: each facet is counted with the search and every
 * OTHER filter applied, so a count says what choosing that value gives. `matching` has them all.
 */
export interface ViewCounts {
  matching: number;
  status: Record<RowStatus | 'kept', number>;
  rule: Partial<Record<RejectionReason['rule'], number>>;
  kind: Record<PoolQuery['kind'], number>;
  run: Record<string, number>;
  edited: { yes: number; no: number };
  reviewed: { yes: number; no: number };
  judged: Record<JudgeStatus, number>;
  /** Rows with a current verdict, by score: the histogram of the score filter and of "Keep by quality". */
  score: Record<QualityScore, number>;
  validInstruction: { yes: number; no: number };
  appropriateInput: { yes: number; no: number };
  acceptableOutput: { yes: number; no: number };
}

/** A run as the run filter names it. */
export interface RunInfo {
  id: string;
  started: number;
  modelId: string;
  strategy: PoolRow['strategy'];
}
