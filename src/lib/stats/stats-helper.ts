import type { TokenizerName } from '../rouge';
import { CompressionCounter } from './compression-ratio';
import { splitTexts, type JoinedTexts } from './joined-texts';
import { seedScoresOf } from './seed-similarity';
import { verbNounFinder, type VerbNoun } from './verb-noun';

/**
 * The statistics that read only the instructions, served by helper workers beside the stats
 * worker (workers/stats-helper.worker.ts): the stats worker hands them out and computes the others
 * meanwhile, so the seconds a 100k-task pool takes are spread over the machine's cores.
 */
export interface StatsHelperApi {
  /** Each instruction's ROUGE-L F to its most similar seed (Fig. 4). */
  seedScores(instructions: JoinedTexts, seedInstructions: readonly string[], tokenizer?: TokenizerName): Float64Array;
  compressionRatio(instructions: JoinedTexts): number | null;
  /** Adds instructions to the compression ratio under `stream`, started by its first part (StreamedStats). */
  compressionAdd(stream: string, instructions: JoinedTexts): void;
  /** The ratio of every part added under `stream`, which ends it; null without text. */
  compressionEnd(stream: string): number | null;
  /** Each instruction's verb–noun pair, null where it has none. */
  verbNouns(instructions: readonly string[]): Promise<(VerbNoun | null)[]>;
}

/** A helper as the stats worker calls it: in another worker (comlink's remote) or in this one. */
export type StatsHelper = { [Verb in keyof StatsHelperApi]: (...args: Parameters<StatsHelperApi[Verb]>) => Promise<Awaited<ReturnType<StatsHelperApi[Verb]>>> };

export function createStatsHelperService(): StatsHelperApi {
  const streams = new Map<string, CompressionCounter>();
  const stream = (id: string): CompressionCounter => {
    let counter = streams.get(id);
    if (!counter) streams.set(id, (counter = new CompressionCounter()));
    return counter;
  };
  return {
    seedScores: (instructions, ...seeds) => seedScoresOf(splitTexts(instructions), ...seeds),
    compressionRatio: (instructions) => new CompressionCounter().addJoined(instructions).ratio(),
    compressionAdd: (id, instructions) => void stream(id).addJoined(instructions),
    compressionEnd: (id) => {
      const ratio = stream(id).ratio();
      streams.delete(id);
      return ratio;
    },
    verbNouns: async (instructions) => {
      const find = await verbNounFinder();
      return instructions.map((instruction) => find(instruction) ?? null);
    },
  };
}

/** The helper's work done in the calling thread: for Node, tests, and where workers cannot start workers. */
export function inThreadHelper(): StatsHelper {
  const service = createStatsHelperService();
  return {
    seedScores: async (...args) => service.seedScores(...args),
    compressionRatio: async (...args) => service.compressionRatio(...args),
    compressionAdd: async (...args) => service.compressionAdd(...args),
    compressionEnd: async (...args) => service.compressionEnd(...args),
    verbNouns: (...args) => service.verbNouns(...args),
  };
}
