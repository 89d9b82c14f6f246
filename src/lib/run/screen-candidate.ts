import { screenInstruction } from '../method';
import type { HeuristicSettings, MethodSettings, Novelty, PoolEntry, RejectionReason } from '../vocabulary';

/** A candidate after the filters: its normalised text, its nearest instruction, and why it was rejected, if it was. */
export interface ScreenedCandidate {
  instruction: string;
  nearest?: { entry: PoolEntry; score: number };
  reason?: RejectionReason;
}

/**
 * The paper's filters in its order: the heuristics, then ROUGE-L against every instruction the
 * novelty index holds. Adding an accepted candidate to the index is the caller's choice.
 */
export async function screenCandidate(candidate: string, novelty: Pick<Novelty, 'check'>, heuristics: HeuristicSettings): Promise<ScreenedCandidate> {
  const screened = screenInstruction(candidate, heuristics);
  if (!screened.ok) return { instruction: candidate.trim(), reason: screened.reason };
  const verdict = await novelty.check(screened.instruction);
  const nearest = verdict.nearest ? { nearest: { entry: verdict.nearest, score: verdict.score } } : {};
  if (!verdict.novel && verdict.nearest) {
    return { instruction: screened.instruction, ...nearest, reason: { rule: 'rouge', score: verdict.score, nearest: verdict.nearest } };
  }
  return { instruction: screened.instruction, ...nearest };
}

/**
 * Loads every seed and accepted instruction of a project into the novelty index, at the settings'
 * threshold and tokenizer, named by the project's id so the project's edits can follow.
 */
export function loadScreeningPool(novelty: Pick<Novelty, 'loadPool'>, projectId: string, instructions: readonly PoolEntry[], settings: MethodSettings): Promise<void> {
  const entries = instructions.map(({ id, instruction }) => ({ id, instruction }));
  return novelty.loadPool(entries, { threshold: settings.rougeThreshold, tokenizer: settings.rougeTokenizer, poolId: projectId });
}
