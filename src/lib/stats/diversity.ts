import { compressionRatio } from './compression-ratio';
import { distinctN } from './distinct-n';
import { MAX_N, wordNgramsOf, type Ngrams } from './ngrams';
import { SELF_BLEU_SAMPLE, selfBleu, type SelfBleuOptions } from './self-bleu';
import { selfRepetition } from './self-repetition';
import { untimed, type Timer } from './timer';

/** A diversity figure and what it says; value is null when the pool is too small to have one. */
export interface DiversityFigure {
  value: number | null;
  explanation: string;
}

/** The figures Shaib et al. 2024 recommend reporting together (they correlate little), plus distinct-1 and -2. */
export interface Diversity {
  compressionRatio: DiversityFigure;
  selfRepetition: DiversityFigure;
  selfBleu: DiversityFigure;
  distinct1: DiversityFigure;
  distinct2: DiversityFigure;
}

export const DIVERSITY_EXPLANATIONS: Record<keyof Diversity, string> = {
  compressionRatio: 'raw size over gzip size of all instructions: higher means more repeated text, lower more varied.',
  selfRepetition: 'how often instructions share 4-word phrases with other instructions (log scale): higher means more repetition.',
  selfBleu: 'BLEU-4 of each sampled instruction against the other sampled ones: higher means instructions look more alike.',
  distinct1: 'distinct words over all words: higher means a richer vocabulary (lower for longer pools).',
  distinct2: 'distinct word pairs over all word pairs: higher means more varied phrasing (lower for longer pools).',
};

export interface DiversityOptions {
  sample?: SelfBleuOptions;
  time?: Timer;
  /** The compression ratio computed elsewhere (a helper worker): the n-gram figures are computed before it is awaited. */
  compressed?: Promise<number | null> | number | null;
  /** The instructions' words (wordTokens), numbered already as they were read (StreamedStats). */
  words?: Ngrams;
}

/** The diversity of the instructions, each figure with its explanation. */
export async function diversityOf(instructions: readonly string[], { sample = SELF_BLEU_SAMPLE, time = untimed, compressed, words }: DiversityOptions = {}): Promise<Diversity> {
  const ngrams = time('n-grams', () => {
    const grams = words ?? wordNgramsOf(instructions);
    // Numbered here, where the timer sees them: the bigrams (distinct-2) on the way to the 4-grams.
    grams.ids(MAX_N);
    return grams;
  });
  const figure = (key: keyof Diversity, value: number | null): DiversityFigure => ({ value, explanation: DIVERSITY_EXPLANATIONS[key] });
  const selfRepetitionValue = time('self-repetition', () => selfRepetition(ngrams));
  const selfBleuValue = time('Self-BLEU', () => selfBleu(ngrams, sample));
  return {
    compressionRatio: figure('compressionRatio', compressed === undefined ? compressionRatio(instructions) : await compressed),
    selfRepetition: figure('selfRepetition', selfRepetitionValue),
    selfBleu: figure('selfBleu', selfBleuValue),
    distinct1: figure('distinct1', distinctN(ngrams, 1)),
    distinct2: figure('distinct2', distinctN(ngrams, 2)),
  };
}
