// The values the export writers take and return. Types only.

import type { AuditReport } from '../audit';

/** Text or bytes; either is a BlobPart, so a download can be built from the chunks as they come. */
export type Chunk = string | Uint8Array<ArrayBuffer>;

/** A file to download. `chunks` is lazy and can be read once; the caller may yield between chunks. */
export interface ExportFile {
  name: string;
  mimeType: string;
  chunks: Iterable<Chunk>;
}

/** What the dataset card says beyond what the rows tell. */
export interface DatasetCardInfo {
  /** The card's heading, e.g. the project's name. */
  title: string;
  /** Each model's licence note, by model id, as the model catalog gives it; only the models in the rows are shown. */
  modelLicences: Readonly<Record<string, string>>;
  /** The run's method settings as shown to the user, e.g. { "ROUGE-L threshold": 0.7 }. */
  settings: Readonly<Record<string, string | number | boolean>>;
  seedCount: number;
  created: Date;
  /** Which rows the export holds when it is not everything kept. */
  scope?: DatasetScope;
  /** A person's audit of the project, when it has answers: its seed and result table. */
  audit?: { seed: number; report: AuditReport };
}

/** Part of a project's dataset: "the current filter, 1,234 of 5,000 finished tasks". */
export interface DatasetScope {
  /** The rows' description, e.g. "The current filter". */
  label: string;
  /** The finished tasks in the scope. */
  count: number;
  /** The project's finished tasks. */
  total: number;
}

/** What the card counts, from the rows themselves. */
export interface DatasetCounts {
  /** Accepted tasks with at least one instance: the tasks in the dataset. */
  tasks: number;
  instances: number;
  /** Of `tasks`, those marked as classification. */
  classification: number;
  /** Of `tasks`, those a person edited. */
  edited: number;
  /** Accepted tasks left out because no instance survived the filters. */
  withoutInstances: number;
  rejected: number;
  rejectedByRule: Readonly<Record<string, number>>;
  /** The models that wrote the tasks, in the order first seen. */
  models: readonly string[];
}
