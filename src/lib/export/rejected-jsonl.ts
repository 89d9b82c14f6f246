import type { RejectionReason, Task } from '../vocabulary';
import { jsonLines } from './chunks';

/**
 * The rejected candidates, one JSON line each: the instruction, the rule that rejected it, and
 * the rule's evidence (the heuristic's detail, or the ROUGE-L score and the nearest instruction).
 * A file of their own, since they have no instances and no other format has room for a reason.
 */
export function* writeRejectedJsonl(rejected: Iterable<Task>): Generator<string> {
  yield* jsonLines(records(rejected));
}

function* records(rejected: Iterable<Task>): Generator<Record<string, unknown>> {
  for (const task of rejected) {
    yield { id: task.id, instruction: task.instruction, ...evidence(task.reason), run: task.runId, created: new Date(task.created).toISOString() };
  }
}

function evidence(reason: RejectionReason | undefined): Record<string, unknown> {
  if (reason === undefined) return {};
  if (reason.rule === 'rouge') return { rule: 'rouge', score: reason.score, nearest: { id: reason.nearest.id, instruction: reason.nearest.instruction } };
  return { rule: reason.rule, detail: reason.detail };
}
