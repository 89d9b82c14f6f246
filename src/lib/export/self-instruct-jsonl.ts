import type { ExportRow, Instance } from '../vocabulary';
import { jsonLines } from './chunks';
import { judgeFields, type JudgeFields } from './judge-columns';

/** One line of the Self-Instruct-style dataset file, with where it came from and the judge's verdict (null when none is current). */
export interface SelfInstructRecord extends JudgeFields {
  id: string;
  instruction: string;
  instances: Instance[];
  is_classification: boolean;
  provenance: { model: string; run: string; created: string };
}

/**
 * The accepted tasks as JSON Lines, one task per line, in the shape of the Self-Instruct seed
 * file plus provenance. Tasks left with no usable instance are not training data, so they are
 * left out, as the paper's final step does (research/self_instruct_anchor.md §1.4).
 */
export function* writeSelfInstructJsonl(rows: Iterable<ExportRow>): Generator<string> {
  yield* jsonLines(records(rows));
}

function* records(rows: Iterable<ExportRow>): Generator<SelfInstructRecord> {
  for (const row of rows) {
    if (row.instances.length > 0) yield toRecord(row);
  }
}

function toRecord({ task, instances, modelId, judge }: ExportRow): SelfInstructRecord {
  return {
    id: task.id,
    instruction: task.instruction,
    instances: instances.map(({ input, output }) => ({ input, output })),
    is_classification: task.isClassification ?? false,
    provenance: { model: modelId, run: task.runId, created: new Date(task.created).toISOString() },
    ...judgeFields(judge),
  };
}
