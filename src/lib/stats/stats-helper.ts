import type { TokenizerName } from '../rouge';
import { compressionRatio } from './compression-ratio';
import { seedScoresOf } from './seed-similarity';
import { verbNounOf, type VerbNoun } from './verb-noun';

/**
 * The statistics that read only the instructions, served by helper workers beside the stats
 * worker (workers/stats-helper.worker.ts): the stats worker hands them out and computes the others
 * meanwhile, so the seconds a 100k-task pool takes are spread over the machine's cores.
 */
export interface StatsHelperApi {
  /** Each instruction's ROUGE-L F to its most similar seed (Fig. 4). */
  seedScores(instructions: readonly string[], seedInstructions: readonly string[], tokenizer?: TokenizerName): Float64Array;
  compressionRatio(instructions: readonly string[]): number | null;
  /** Each instruction's verb–noun pair, null where it has none. */
  verbNouns(instructions: readonly string[]): (VerbNoun | null)[];
}

/** A helper as the stats worker calls it: in another worker (comlink's remote) or in this one. */
export type StatsHelper = { [Verb in keyof StatsHelperApi]: (...args: Parameters<StatsHelperApi[Verb]>) => Promise<ReturnType<StatsHelperApi[Verb]>> };

export function createStatsHelperService(): StatsHelperApi {
  return {
    seedScores: seedScoresOf,
    compressionRatio,
    verbNouns: (instructions) => instructions.map((instruction) => verbNounOf(instruction) ?? null),
  };
}

/** The helper's work done in the calling thread: for Node, tests, and where workers cannot start workers. */
export function inThreadHelper(): StatsHelper {
  const service = createStatsHelperService();
  return {
    seedScores: async (...args) => service.seedScores(...args),
    compressionRatio: async (...args) => service.compressionRatio(...args),
    verbNouns: async (...args) => service.verbNouns(...args),
  };
}
