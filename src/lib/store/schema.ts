// The IndexedDB schema, one interface naming every store, key and index (idb's DBSchema), so a
// wrong store name or value shape does not compile.
import type { DBSchema } from 'idb';
import type { StoredCall, StoredPart } from './call-pieces';
import type { DatasetPage } from './dataset-pages';
import type { Audit, CallPurpose, JudgeSettings, MethodSettings, RejectionReason, Run, SeedTask, StoredInstance, StoredJudgment, Task, TaskStage, TaskState, TokenUsage, UndoSummary } from '../vocabulary';

export const DB_NAME = 'self-instruct-studio';
export const DB_VERSION = 8;

export interface Project {
  id: string;
  name: string;
  created: number;
  /** The method settings last saved for the project, always valid (checkSettings); absent until first changed. */
  settings?: MethodSettings;
  /** How the project's judge asks (v7); absent until first changed. */
  judge?: JudgeSettings;
}

export interface StoredSeed extends SeedTask {
  projectId: string;
  /** Keeps the seed file's order, which the prompts sample from. */
  position: number;
}

export interface StudioDB extends DBSchema {
  projects: { key: string; value: Project };
  seeds: { key: [string, number]; value: StoredSeed; indexes: { 'by-project': string } };
  // Index entries with equal keys are ordered by primary key, and task ids sort by creation
  // (see ids.ts), so these indexes list tasks oldest first.
  tasks: {
    key: string;
    value: Task;
    // by-project-rule lists rejected tasks only: a key path that is missing leaves a row out.
    indexes: { 'by-project': string; 'by-project-stage': [string, TaskStage]; 'by-project-rule': [string, RejectionReason['rule']] };
  };
  instances: { key: string; value: StoredInstance; indexes: { 'by-project': string; 'by-task': string } };
  calls: { key: string; value: StoredCall; indexes: { 'by-project-purpose': [string, CallPurpose] } };
  /** The texts a project's calls repeat, stored once each (v5; call-journal.ts). */
  parts: { key: [projectId: string, hash: string]; value: StoredPart };
  runs: { key: string; value: Run; indexes: { 'by-project': string } };
  /** The finished tasks of each project, for exports (dataset-pages.ts); `by-task` finds a task's page (v6). */
  datasetPages: { key: [string, number]; value: DatasetPage; indexes: { 'by-task': string } };
  /** Deleted tasks in batches, one per action, until restored (v6; trash.ts). */
  trash: { key: string; value: TrashBatch; indexes: { 'by-project': string; 'by-task': string; 'by-project-instance': [string, string] } };
  /** Each project's last user actions, in words, for the undo history (v6). */
  undo: { key: [projectId: string, seq: number]; value: UndoStep };
  /**
   * What each of those actions changed, under the same key (v6): apart, so that listing the
   * history does not read the states of a 10k-task action (megabytes) to show one line.
   */
  undoStates: { key: [projectId: string, seq: number]; value: UndoStates };
  /** Each judged task's latest judgment (v7): apart from the tasks, so judging never changes the pool. */
  judgments: { key: [projectId: string, taskId: string]; value: StoredJudgment };
  /** Each project's audit: its sample and a person's answers (v7). */
  audits: { key: string; value: Audit };
  /**
   * The tokens of every call each project's journal holds (v8), added to in the transaction that
   * adds calls: reading them back from a 100k-task project's 220k calls took 4 s.
   */
  callTokens: { key: string; value: ProjectTokens };
}

/** A project's token totals over its journaled calls. */
export interface ProjectTokens extends TokenUsage {
  projectId: string;
}

/** A task in the trash, and the ids of its instances, which stay in the instances store. */
export interface TrashedTask {
  task: Task;
  instanceIds: string[];
}

/** The tasks one action sent to the trash (trash.ts); `taskIds` and `instanceKeys` are derived, for indexes. */
export interface TrashBatch {
  id: string;
  projectId: string;
  deleted: number;
  tasks: TrashedTask[];
  taskIds: string[];
  instanceKeys: [projectId: string, instanceId: string][];
}

/** One user action, as the undo history lists it. */
export interface UndoStep extends UndoSummary {
  projectId: string;
}

/** The state of every task one user action changed, as it was before. */
export interface UndoStates {
  projectId: string;
  seq: number;
  before: TaskState[];
}
