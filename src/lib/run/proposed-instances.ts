import { createRng, filterInstances, parseProposals } from '../method';
import type { CallRecord, Instance, RunConfig, Task } from '../vocabulary';
import { taskSeed } from './run-seeds';

/**
 * The instance that an Alpaca-style generation step proposed with a candidate the filters
 * rejected, as the run would have kept it had the candidate passed: read again from the step's
 * journaled answer (such a step stores no instance for a rejected candidate) and filtered with the
 * task's own seed. Accepting the candidate by hand then finishes it with the model's instance
 * instead of sending it to Self-Instruct's classify step, which Alpaca has not. None for a
 * Self-Instruct candidate (an instruction alone).
 */
export function proposedInstances(task: Task, call: CallRecord, { rngSeed, settings }: RunConfig): Instance[] {
  if (!task.origin) return [];
  const proposal = parseProposals(call.result, settings)[task.origin.candidate];
  if (!proposal?.instance) return [];
  return filterInstances([proposal.instance], createRng(taskSeed(rngSeed, task.origin)), settings.maxInstances);
}
