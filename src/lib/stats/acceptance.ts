import type { ExportRow, RejectionReason, Task } from '../vocabulary';

export type RejectionRule = RejectionReason['rule'];

/** Candidates per point of the acceptance curve. */
export const ACCEPTANCE_WINDOW = 100;

/** A rejected candidate as the curve reads it: when, and by which rule (a rejected task always has its reason). */
export type RejectedCandidate = Pick<Task, 'id' | 'created' | 'reason'>;

/** One point of the curve: `size` consecutive candidates from candidate `first` (0-based). */
export interface AcceptanceWindow {
  first: number;
  size: number;
  accepted: number;
  /** Rejections in the window by rule; rules that rejected none are absent. */
  rejected: Partial<Record<RejectionRule, number>>;
}

/**
 * How many candidates became tasks, over the run: saturation shows as a falling curve. The
 * candidates are the finished tasks and the rejected ones, in creation order; a task still waiting
 * for its instances is not counted yet.
 */
export interface Acceptance {
  candidates: number;
  accepted: number;
  /** accepted / candidates; null without candidates. */
  rate: number | null;
  rejectedByRule: Partial<Record<RejectionRule, number>>;
  windows: AcceptanceWindow[];
}

export function acceptanceOf(rows: readonly ExportRow[], rejected: readonly RejectedCandidate[]): Acceptance {
  const candidates = [
    ...rows.map(({ task }) => ({ id: task.id, created: task.created, rule: null as RejectionRule | null })),
    ...rejected.flatMap(({ id, created, reason }) => (reason ? [{ id, created, rule: reason.rule }] : [])),
  ].sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const windows: AcceptanceWindow[] = [];
  const rejectedByRule: Partial<Record<RejectionRule, number>> = {};
  for (let first = 0; first < candidates.length; first += ACCEPTANCE_WINDOW) {
    const window: AcceptanceWindow = { first, size: 0, accepted: 0, rejected: {} };
    for (const { rule } of candidates.slice(first, first + ACCEPTANCE_WINDOW)) {
      window.size++;
      if (rule === null) window.accepted++;
      else {
        window.rejected[rule] = (window.rejected[rule] ?? 0) + 1;
        rejectedByRule[rule] = (rejectedByRule[rule] ?? 0) + 1;
      }
    }
    windows.push(window);
  }
  const accepted = windows.reduce((total, window) => total + window.accepted, 0);
  return { candidates: candidates.length, accepted, rate: candidates.length === 0 ? null : accepted / candidates.length, rejectedByRule, windows };
}
