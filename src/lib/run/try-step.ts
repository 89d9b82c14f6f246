import { failureOf } from '../failure';
import { generationRequest, parseProposals } from '../method';
import type { CompleteOptions, CompletionRequest, CompletionResult, Failure, Generator, MethodSettings, Novelty, TaskStore } from '../vocabulary';
import { stepSeed } from './run-seeds';
import { loadScreeningPool, screenCandidate, type ScreenedCandidate } from './screen-candidate';

/** What one generation step would make now, and what the filters would do with it. */
export interface TriedStep {
  request: CompletionRequest;
  result: CompletionResult;
  candidates: ScreenedCandidate[];
}

export type TryOutcome = { ok: true; step: TriedStep } | { ok: false; failure: Failure } | { ok: false; aborted: true };

export interface TryPorts {
  generator: Generator;
  novelty: Pick<Novelty, 'loadPool' | 'check'>;
  store: Pick<TaskStore, 'seeds' | 'acceptedTasks' | 'counts'>;
}

/**
 * The project's next generation step on `settings`, run without touching the pool: the same
 * request the loop would send next with `rngSeed` (its step number is the generation calls stored
 * so far), and each proposal screened by the heuristics and ROUGE-L against the stored pool.
 * Nothing is written; the proposals are not checked against each other, since none is added.
 */
export async function tryGenerationStep(ports: TryPorts, projectId: string, settings: MethodSettings, rngSeed: number, options: CompleteOptions = {}): Promise<TryOutcome> {
  try {
    const [seeds, accepted, counts] = await Promise.all([ports.store.seeds(projectId), ports.store.acceptedTasks(projectId), ports.store.counts(projectId)]);
    await loadScreeningPool(ports.novelty, projectId, [...seeds, ...accepted], settings);
    const machine = accepted.map((task) => task.instruction);
    const request = generationRequest(seeds, machine, stepSeed(rngSeed, counts.generationCalls), settings);
    if (options.signal?.aborted) return { ok: false, aborted: true };
    const result = await ports.generator.complete(request, options);
    if (result.finishReason === 'abort' || options.signal?.aborted) return { ok: false, aborted: true };
    const candidates: ScreenedCandidate[] = [];
    for (const proposal of parseProposals(result, settings)) candidates.push(await screenCandidate(proposal.instruction, ports.novelty, settings.heuristics));
    return { ok: true, step: { request, result, candidates } };
  } catch (error) {
    return { ok: false, failure: failureOf(error) };
  }
}
