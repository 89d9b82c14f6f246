// What the dataset's writers read of a finished task: the store serves it, the exports take it.
// Types only.

import type { JudgeVerdict } from './judge';
import type { Instance, Task } from './task';

/** What the exports read of a task; `edited` says a person changed it. */
export type ExportTask = Pick<Task, 'id' | 'runId' | 'instruction' | 'isClassification' | 'created' | 'edited'>;

/** An accepted task with its instances and the model that wrote it. */
export interface ExportRow {
  task: ExportTask;
  instances: readonly Instance[];
  modelId: string;
  /** The judge's verdict of the task as it is (its acceptableOutputs in `instances` order); absent when not judged, unreadable or stale. */
  judge?: ExportJudge;
}

/** A current verdict as the exports carry it, with the model that judged. */
export interface ExportJudge {
  verdict: JudgeVerdict;
  modelId: string;
}
