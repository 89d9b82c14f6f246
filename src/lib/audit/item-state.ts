import type { Audit, AuditItem, Instance } from '../vocabulary';

/** What the audit reads of a sampled task now: its text, its instances, and when a person last edited it. */
export interface AuditedTask {
  instruction: string;
  instances: readonly Instance[];
  edited?: number;
}

/**
 * What became of a sampled item since the sample was drawn. A deleted task, or one whose shown
 * instance no longer exists, cannot be rated and is skipped (its answer, if any, leaves the table).
 * An edited task is rated as it is now: the audit measures the dataset that would be exported.
 */
export type AuditItemState =
  | { kind: 'as-sampled'; task: AuditedTask; instance: Instance }
  | { kind: 'edited'; task: AuditedTask; instance: Instance }
  | { kind: 'gone'; why: 'deleted' | 'instance-removed' };

export function auditItemState(item: AuditItem, task: AuditedTask | undefined, audit: Pick<Audit, 'created'>): AuditItemState {
  if (!task) return { kind: 'gone', why: 'deleted' };
  const instance = task.instances[item.instance];
  if (!instance) return { kind: 'gone', why: 'instance-removed' };
  return task.edited !== undefined && task.edited > audit.created ? { kind: 'edited', task, instance } : { kind: 'as-sampled', task, instance };
}
