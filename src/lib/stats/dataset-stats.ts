import type { TokenizerName } from '../rouge';
import type { ExportRow, RejectedCandidate } from '../vocabulary';
import { acceptanceOf, type Acceptance } from './acceptance';
import { compressionRatio } from './compression-ratio';
import { diversityOf, type Diversity } from './diversity';
import { lengthsOf, type Lengths } from './lengths';
import type { Ngrams } from './ngrams';
import { SELF_BLEU_SAMPLE, type SelfBleuOptions } from './self-bleu';
import { seedScoresOf, seedSimilarityOf } from './seed-similarity';
import { sharesOf, type Shares } from './shares';
import type { Distribution } from './summary';
import { untimed, type Timer } from './timer';

/** What the statistics read of a project. */
export interface StatsInput {
  /** The finished tasks, as the exports read them. */
  rows: readonly ExportRow[];
  seedInstructions: readonly string[];
  /** Awaited last, after every other statistic, so a caller can still be reading them. */
  rejected: readonly RejectedCandidate[] | Promise<readonly RejectedCandidate[]>;
  /** The project's ROUGE-L tokenizer, so Fig. 4 scores as the filter did. */
  tokenizer?: TokenizerName;
  selfBleuSample?: SelfBleuOptions;
  /** What a helper worker computes meanwhile (each row's score to its nearest seed, the compression ratio); computed here when absent. */
  elsewhere?: { seedScores: Promise<Float64Array>; compressionRatio: Promise<number | null> };
  /** What was counted as the rows were read (StreamedStats): Fig. 5's lengths and the instructions' numbered words. */
  counted?: { lengths: Lengths; words: Ngrams };
}

/** The paper's analyses of a dataset and the diversity figures, all computed from scratch. */
export interface DatasetStats {
  /** Fig. 4: each instruction's ROUGE-L F to its most similar seed. */
  seedSimilarity: Distribution;
  /** Fig. 5. */
  lengths: Lengths;
  shares: Shares;
  acceptance: Acceptance;
  diversity: Diversity;
}

/** Every statistic of the dataset; `time` sees each part (the bench prints them). */
export async function datasetStats(input: StatsInput, time: Timer = untimed): Promise<DatasetStats> {
  const instructions = input.rows.map((row) => row.task.instruction);
  const { seedScores, compressionRatio: compressed } = input.elsewhere ?? {
    seedScores: time('ROUGE-L to the seeds', async () => seedScoresOf(instructions, input.seedInstructions, input.tokenizer)),
    compressionRatio: time('compression ratio', async () => compressionRatio(instructions)),
  };
  const lengths = input.counted?.lengths ?? time('lengths', () => lengthsOf(input.rows));
  const shares = time('shares', () => sharesOf(input.rows));
  const diversity = await diversityOf(instructions, { sample: input.selfBleuSample ?? SELF_BLEU_SAMPLE, time, compressed, ...(input.counted ? { words: input.counted.words } : {}) });
  const seedSimilarity = seedSimilarityOf(await seedScores);
  const rejected = await time('wait for the rejected candidates', () => Promise.resolve(input.rejected));
  const acceptance = time('acceptance', () => acceptanceOf(input.rows, rejected));
  return { seedSimilarity, lengths, shares, acceptance, diversity };
}
