import { createRng } from '../method';
import type { AuditItem } from '../vocabulary';

/** The paper's audit size: Table 2 of Self-Instruct rates 200 tasks. */
export const DEFAULT_AUDIT_SIZE = 200;
/** Below this, the 95% intervals are too wide to tell the paper's figures from anything else. */
export const MIN_AUDIT_SIZE = 30;

/** A judgeable task (finished, in the pool) as the sample draws it: its id and how many instances it has. */
export interface AuditableTask {
  taskId: string;
  instanceCount: number;
}

/** A drawn sample, and when the pool held fewer tasks than asked, by how much. */
export interface AuditSample {
  items: AuditItem[];
  /** Set when the pool had fewer tasks with an instance than the size asked for: all of them were taken. */
  short?: { asked: number; available: number };
}

/**
 * A seeded sample of `size` tasks (at least MIN_AUDIT_SIZE), each shown with one of its instances
 * drawn by the same seed, as the paper rated one instance of each of 200 tasks (§4.2, Table 2).
 * Tasks without an instance have nothing to rate and are left out. The same seed and the same
 * tasks, in the same order, give the same sample.
 */
export function sampleAudit(tasks: readonly AuditableTask[], seed: number, size: number = DEFAULT_AUDIT_SIZE): AuditSample {
  const asked = Math.max(MIN_AUDIT_SIZE, Math.floor(size));
  const rateable = tasks.filter((task) => task.instanceCount > 0);
  const rng = createRng(seed);
  const chosen = rng.sample(rateable, Math.min(asked, rateable.length));
  const items = chosen.map((task) => ({ taskId: task.taskId, instance: rng.int(task.instanceCount) }));
  return rateable.length < asked ? { items, short: { asked, available: rateable.length } } : { items };
}

/** A fresh seed to show and edit: a whole number a person can type back. */
export function newAuditSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 1_000_000);
}
