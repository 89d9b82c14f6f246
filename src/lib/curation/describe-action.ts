import type { CurationAction } from '../vocabulary';

const VERBS: Record<CurationAction['kind'], string> = {
  edit: 'Edited',
  delete: 'Deleted',
  restore: 'Restored',
  accept: 'Accepted',
  review: 'Marked reviewed',
};

/** Longest instruction quoted in a label; the rest is elided. */
const QUOTED_LENGTH = 60;

/**
 * What an action did, in words, for its undo step: "Deleted 12 tasks", or the task itself when
 * there is one: "Edited “Write a haiku about…”"; a delete that names itself keeps its own label.
 */
export function describeAction(action: CurationAction, count: number, firstInstruction?: string): string {
  if (action.kind === 'delete' && action.label !== undefined) return action.label;
  const verb = action.kind === 'review' && !action.reviewed ? 'Marked not reviewed' : VERBS[action.kind];
  if (count === 1 && firstInstruction !== undefined) return `${verb} “${elide(firstInstruction)}”`;
  return `${verb} ${count.toLocaleString('en')} task${count === 1 ? '' : 's'}`;
}

function elide(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length <= QUOTED_LENGTH ? oneLine : `${oneLine.slice(0, QUOTED_LENGTH - 1).trimEnd()}…`;
}
