import type { RejectionReason, StoredJudgment, Strategy, TaskState, TaskStage } from '../vocabulary';
import { rowJudgment, type RowJudgment } from './row-judgment';

/** Where a row stands: accepted is a finished task (stage done), pending one still waiting for a step. */
export type RowStatus = 'accepted' | 'pending' | 'rejected' | 'deleted';

/** One task of the pool (or of its trash) as the table shows it: what the filters, sorts and columns read. */
export interface PoolRow {
  id: string;
  status: RowStatus;
  instruction: string;
  isClassification?: boolean;
  /** Some instance has an input. */
  withInput: boolean;
  instances: number;
  /** The ROUGE-L score against the nearest instruction of the pool when the candidate was screened. */
  nearestScore?: number;
  /** Characters: the instruction and every input and output. */
  length: number;
  strategy: Strategy | 'unknown';
  runId: string;
  created: number;
  /** The rule that rejected it, still in force or overruled by a person. */
  rule?: RejectionReason['rule'];
  overruled: boolean;
  edited: boolean;
  reviewed: boolean;
  /** The judge's latest judgment of it, as it stands now. */
  judgment: RowJudgment;
}

const STATUS_OF_STAGE: Record<TaskStage, RowStatus> = { done: 'accepted', classify: 'pending', instances: 'pending', rejected: 'rejected' };

/** The row of a task (`deleted` set: in the trash), with the strategy of the run that made it and its stored judgment. */
export function rowOf(state: TaskState, strategy: PoolRow['strategy'], judgment?: StoredJudgment): PoolRow {
  const { task, instances } = state;
  const rejection = task.reason ?? task.overruled;
  const rougeScore = task.reason?.rule === 'rouge' ? task.reason.score : undefined;
  return {
    id: task.id,
    status: state.deleted === undefined ? STATUS_OF_STAGE[task.stage] : 'deleted',
    instruction: task.instruction,
    isClassification: task.isClassification,
    withInput: instances.some((instance) => instance.input.trim() !== ''),
    instances: instances.length,
    nearestScore: task.nearest?.score ?? rougeScore,
    length: rowTexts(state).reduce((sum, text) => sum + text.length, 0),
    strategy,
    runId: task.runId,
    created: task.created,
    rule: rejection?.rule,
    overruled: task.overruled !== undefined,
    edited: task.edited !== undefined,
    reviewed: task.reviewed !== undefined,
    judgment: rowJudgment(state, judgment),
  };
}

/** The texts a search looks in: the instruction, then every input and output. */
export function rowTexts({ task, instances }: TaskState): string[] {
  return [task.instruction, ...instances.flatMap((instance) => [instance.input, instance.output])];
}
