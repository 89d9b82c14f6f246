import { byCreation } from '../ids';
import type { ExportRow, RejectedCandidate, RejectionReason } from '../vocabulary';

export type RejectionRule = RejectionReason['rule'];

/** Candidates per point of the acceptance curve. */
export const ACCEPTANCE_WINDOW = 100;

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
  // In creation order: ids sort so (src/lib/ids), as the dataset's rows already are.
  const candidates = [
    ...rows.map(({ task }) => ({ id: task.id, rule: null as RejectionRule | null })),
    ...rejected.flatMap(({ id, reason }) => (reason ? [{ id, rule: reason.rule }] : [])),
  ].sort(byCreation);
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
