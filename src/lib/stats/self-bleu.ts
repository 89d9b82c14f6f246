import { createRng } from '../method';
import { gramsOf, MAX_N, sampleOf, textCount, type Ngrams } from './ngrams';

export interface SelfBleuOptions {
  /** Texts drawn from the pool; each is scored against the others drawn. */
  sampleSize: number;
  /** Seeds the draw, so the figure is the same for the same pool. */
  seed: number;
}

export const SELF_BLEU_SAMPLE: SelfBleuOptions = { sampleSize: 1_000, seed: 20_240_131 };

/** NLTK's SmoothingFunction().method1, which Texygen's Self-BLEU uses: a zero precision counts as 0.1 matches. */
const EPSILON = 0.1;

/**
 * Self-BLEU (Zhu et al. 2018, Texygen): the mean BLEU-4 of each sampled text against all the other
 * sampled texts as references, as NLTK's sentence_bleu with smoothing method1 computes it (closest
 * reference length, shorter on ties). Null with fewer than two texts.
 */
export function selfBleu(ngrams: Ngrams, { sampleSize, seed }: SelfBleuOptions = SELF_BLEU_SAMPLE): number | null {
  const all = Array.from({ length: textCount(ngrams) }, (_, text) => text);
  const sample = all.length <= sampleSize ? all : createRng(seed).sample(all, sampleSize);
  if (sample.length < 2) return null;
  // The sample's own n-grams: nothing else needs the pool's 3-grams, a pass over all its words.
  const grams = sampleOf(ngrams, sample);
  const logPrecisions = new Float64Array(sample.length);
  const noUnigramMatch = new Array<boolean>(sample.length).fill(false);
  for (let n = 1; n <= MAX_N; n++) {
    clippedMatches(sample.map((_, text) => gramsOf(grams, n, text)), grams.distinct(n)).forEach(({ matches, total }, text) => {
      if (n === 1 && matches === 0) noUnigramMatch[text] = true;
      logPrecisions[text]! += Math.log((matches === 0 ? EPSILON : matches) / Math.max(1, total)) / MAX_N;
    });
  }
  const lengths = sample.map((_, text) => gramsOf(grams, 1, text).length);
  let sum = 0;
  lengths.forEach((length, text) => {
    if (noUnigramMatch[text]) return;
    sum += brevityPenalty(length, closestOtherLength(lengths, text)) * Math.exp(logPrecisions[text]!);
  });
  return sum / sample.length;
}

/**
 * Each text's n-grams matched by the others, each clipped at its most frequent count in any one
 * other text. The two highest counts per n-gram give that maximum without pairing every text. The
 * texts' n-grams are numbered from 0 to `distinct`, the sample's own, so the tables are its size.
 */
function clippedMatches(texts: readonly Int32Array[], distinct: number): { matches: number; total: number }[] {
  const counted = texts.map(countsOf);
  const top = new Int32Array(distinct);
  const topText = new Int32Array(distinct).fill(-1);
  const second = new Int32Array(distinct);
  counted.forEach((counts, text) => {
    for (const [gram, count] of counts) {
      if (count > top[gram]!) {
        second[gram] = top[gram]!;
        top[gram] = count;
        topText[gram] = text;
      } else if (count > second[gram]!) second[gram] = count;
    }
  });
  return counted.map((counts, text) => {
    let matches = 0;
    for (const [gram, count] of counts) matches += Math.min(count, topText[gram] === text ? second[gram]! : top[gram]!);
    return { matches, total: texts[text]!.length };
  });
}

function countsOf(grams: Int32Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (const gram of grams) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return counts;
}

function closestOtherLength(lengths: readonly number[], text: number): number {
  const own = lengths[text]!;
  let best = -1;
  lengths.forEach((length, other) => {
    if (other === text) return;
    const distance = Math.abs(length - own);
    const bestDistance = Math.abs(best - own);
    if (best < 0 || distance < bestDistance || (distance === bestDistance && length < best)) best = length;
  });
  return best;
}

function brevityPenalty(hypothesisLength: number, referenceLength: number): number {
  if (hypothesisLength > referenceLength) return 1;
  return hypothesisLength === 0 ? 0 : Math.exp(1 - referenceLength / hypothesisLength);
}
