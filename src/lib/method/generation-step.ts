// One generation step of either strategy, as the loop and "Try one step" both make it: the
// request from the seeds and the pool, and what the answer proposes.
import type { CompletionRequest, CompletionResult, Instance, MethodSettings, SeedTask } from '../vocabulary';
import { alpacaRequest } from './alpaca-prompt';
import { parseAlpacaTasks } from './alpaca-parser';
import { parseInstructions } from './instruction-parser';
import { instructionRequest } from './instruction-prompt';
import { createRng } from './rng';
import { sampleInContext } from './sampling';

/** A new instruction the model proposed; Alpaca's arrive whole, with their one instance. */
export interface Proposal {
  instruction: string;
  instance?: Instance;
}

/**
 * The step's request, its in-context examples drawn with the step's `seed`: Self-Instruct shows
 * seed and machine instructions, Alpaca seed tasks only (anchor §1.1, §2.2).
 */
export function generationRequest(seeds: readonly SeedTask[], machine: readonly string[], seed: number, settings: MethodSettings): CompletionRequest {
  const rng = createRng(seed);
  if (settings.strategy === 'alpaca') return alpacaRequest(sampleInContext(seeds, [], rng, settings), seed, settings);
  return instructionRequest(sampleInContext(seeds.map((task) => task.instruction), machine, rng, settings), seed, settings);
}

/** What the answer proposes, in its order. */
export function parseProposals(result: CompletionResult, settings: MethodSettings): Proposal[] {
  if (settings.strategy !== 'alpaca') return parseInstructions(result, settings).map((instruction) => ({ instruction }));
  return parseAlpacaTasks(result, settings).map(({ instruction, input, output }) => ({ instruction, instance: { input, output } }));
}
