// Tasks as the method knows them: seeds, candidates with what became of them, and their instances.
// Types only.

/** One example of a task: what goes in, what should come out. `input` may be empty. */
export interface Instance {
  input: string;
  output: string;
}

/** A task written by a person, in the Self-Instruct seed file's shape. */
export interface SeedTask {
  id: string;
  name: string;
  instruction: string;
  instances: Instance[];
  isClassification: boolean;
}

/** An instruction in the pool (seed or accepted), as the novelty index knows it. */
export interface PoolEntry {
  id: string;
  instruction: string;
}

/** Where a generated task is: rejected for good, or accepted and waiting for its next step. */
export type TaskStage = 'rejected' | 'classify' | 'instances' | 'done';

export type HeuristicRule =
  | 'empty'
  | 'too-short'
  | 'too-long'
  | 'blacklisted-word'
  | 'write-a-program'
  | 'starts-with-punctuation'
  | 'starts-with-non-ascii';

export type RejectionReason =
  | { rule: HeuristicRule; detail: string }
  | { rule: 'rouge'; score: number; nearest: PoolEntry };

/** A rejected candidate as the acceptance curve reads it: which, and by which rule. A whole Task is one too. */
export interface RejectedCandidate {
  id: string;
  reason?: Pick<RejectionReason, 'rule'>;
}

export interface TaskOrigin {
  step: number;
  candidate: number;
}

/** A candidate instruction the model proposed, with what became of it. */
export interface Task {
  id: string;
  projectId: string;
  runId: string;
  instruction: string;
  stage: TaskStage;
  /** Set when stage is 'rejected'. */
  reason?: RejectionReason;
  /** The best ROUGE-L match in the pool when the candidate was screened. */
  nearest?: { entry: PoolEntry; score: number };
  /** Unknown until the classify step has run. */
  isClassification?: boolean;
  /** How many instances survived the instance filters (written with the instances). */
  instanceCount?: number;
  /** The model call that proposed this instruction. */
  callId: string;
  /**
   * Where the candidate was proposed: the generation step (the project's generation calls before
   * it) and its place among that step's candidates, from 0. With the run's seed they fix the task's
   * random choices. Absent on tasks stored before it was recorded.
   */
  origin?: TaskOrigin;
  /** The model call that decided whether it is a classification task. */
  classifyCallId?: string;
  /** The run's settings fingerprint, so the configuration behind every task is known. */
  fingerprint: string;
  created: number;
  /** What the model wrote, kept when a person first changes the task (its text, flag or instances). */
  original?: OriginalTask;
  /** When a person last changed the task. */
  edited?: number;
  /** When a person marked the task reviewed. */
  reviewed?: number;
  /** The rejection a person overruled by accepting the candidate (`reason` is then gone). */
  overruled?: RejectionReason;
}

/** A task as the model wrote it, before anyone edited it. */
export interface OriginalTask {
  instruction: string;
  isClassification?: boolean;
  instances: Instance[];
}

export interface StoredInstance extends Instance {
  id: string;
  projectId: string;
  taskId: string;
  /** The model call that wrote it; absent when a person wrote it. */
  callId?: string;
}

