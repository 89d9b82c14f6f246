// What a person does to the pool (edit, delete, restore, accept, mark reviewed) and what undoes it.
// Types only.

import type { Instance, PoolEntry, StoredInstance, Task } from './task';

/** One task's whole state: in the pool, or in the trash since `deleted`. */
export interface TaskState {
  task: Task;
  instances: StoredInstance[];
  /** When it went to the trash; absent while it is in the pool. */
  deleted?: number;
}

/** A task's new content, as the detail form holds it: the whole of it, not a difference. */
export interface TaskEdit {
  instruction: string;
  isClassification: boolean;
  instances: Instance[];
}

/** One user action on the pool: one transaction, one undo step. */
export type CurationAction =
  | { kind: 'edit'; taskId: string; edit: TaskEdit }
  /** `label`: what the undo step says instead of "Deleted N tasks" (a rule's own words: "Kept the 212 tasks judged 4 or more"). */
  | { kind: 'delete'; taskIds: string[]; label?: string }
  | { kind: 'restore'; taskIds: string[] }
  | { kind: 'accept'; taskIds: string[] }
  | { kind: 'review'; taskIds: string[]; reviewed: boolean };

/** What an action did to the novelty pool (seeds and accepted instructions), for the filter worker. */
export interface NoveltyChanges {
  remove: string[];
  add: PoolEntry[];
}

/** An undo step as a list shows it. */
export interface UndoSummary {
  seq: number;
  /** What the action did, in words: "Deleted 3 tasks". */
  label: string;
  created: number;
  /** How many tasks it changed. */
  count: number;
}

/** What an action, or its undo, changed. */
export interface CurationResult {
  step: UndoSummary;
  /** The tasks whose state changed, for the pool view to read again. */
  taskIds: string[];
  novelty: NoveltyChanges;
}
