import type { NoveltyChanges, TaskState } from '../vocabulary';

/** Whether a task's instruction is one new candidates must differ from: accepted, and not in the trash. */
export function inNoveltyPool(state: TaskState): boolean {
  return state.deleted === undefined && state.task.stage !== 'rejected';
}

/**
 * What the novelty pool must forget and learn when tasks go from `before` to `after` (pairs by
 * position): a deleted or un-accepted task leaves it, a restored or accepted one joins it, and an
 * edited instruction replaces the old one.
 */
export function noveltyChanges(before: readonly TaskState[], after: readonly TaskState[]): NoveltyChanges {
  const changes: NoveltyChanges = { remove: [], add: [] };
  before.forEach((old, i) => {
    const next = after[i]!;
    const [was, is] = [inNoveltyPool(old), inNoveltyPool(next)];
    if (was && (!is || old.task.instruction !== next.task.instruction)) changes.remove.push(old.task.id);
    if (is && (!was || old.task.instruction !== next.task.instruction)) changes.add.push({ id: next.task.id, instruction: next.task.instruction });
  });
  return changes;
}
