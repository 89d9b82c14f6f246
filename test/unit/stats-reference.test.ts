// The fast statistics against slow, obvious implementations kept here only: on a seeded random pool
// of a few thousand instructions (shared phrases, mixed case, punctuation, non-ASCII letters and
// spaces), every diversity figure and word count must be exactly the same number.
import { expect, test } from 'vitest';
import { createRng, type Rng } from '../../src/lib/method';
import { distinctN } from '../../src/lib/stats/distinct-n';
import { ngramsOf } from '../../src/lib/stats/ngrams';
import { SELF_BLEU_SAMPLE, selfBleu } from '../../src/lib/stats/self-bleu';
import { selfRepetition } from '../../src/lib/stats/self-repetition';
import { wordCount, wordTokens } from '../../src/lib/stats/words';

const VOCABULARY = ['Write', 'a', 'the', 'poem', 'list', 'of', 'five', 'Café', 'naïve', 'données', '3', '42', 'about', 'Explain', 'why', 'how', 'sky', 'is', 'blue', 'résumé'];
const PHRASES = ['give me an example of', 'write a short story about', 'explain in simple terms', 'list three reasons why'];
const SEPARATORS = [' ', ' ', ' ', '  ', ', ', '. ', '\n', '\t', '\u00a0', '\u3000', ' - ', '!? '];

function instruction(rng: Rng): string {
  const parts: string[] = [];
  const length = 1 + rng.int(24);
  for (let i = 0; i < length; i++) parts.push(rng.next() < 0.1 ? PHRASES[rng.int(PHRASES.length)]! : VOCABULARY[rng.int(VOCABULARY.length)]!);
  return parts.map((part, i) => (i === 0 ? part : SEPARATORS[rng.int(SEPARATORS.length)]! + part)).join('') + (rng.next() < 0.5 ? '.' : '');
}

const rng = createRng(20_261_130);
const texts = Array.from({ length: 3_000 }, () => instruction(rng));
const tokens = texts.map((text) => text.toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) ?? []);

/** Each text's n-grams as strings. */
const stringGrams = (words: readonly string[], n: number): string[] => Array.from({ length: Math.max(0, words.length - n + 1) }, (_, i) => words.slice(i, i + n).join(' '));

function referenceDistinct(n: number): number | null {
  const all = tokens.flatMap((words) => stringGrams(words, n));
  return all.length === 0 ? null : new Set(all).size / all.length;
}

function referenceSelfRepetition(n: number): number {
  const distinct = tokens.map((words) => new Set(stringGrams(words, n)));
  const textsWith = new Map<string, number>();
  for (const grams of distinct) for (const gram of grams) textsWith.set(gram, (textsWith.get(gram) ?? 0) + 1);
  let total = 0;
  for (const grams of distinct) total += Math.log1p([...grams].reduce((sum, gram) => sum + textsWith.get(gram)! - 1, 0));
  return total / texts.length;
}

/** NLTK's sentence_bleu with method1 smoothing, each sampled text against all the others, by brute force. */
function referenceSelfBleu(sampleSize: number): number {
  const sample = createRng(SELF_BLEU_SAMPLE.seed).sample(tokens, sampleSize);
  const counts = (words: readonly string[], n: number) => {
    const map = new Map<string, number>();
    for (const gram of stringGrams(words, n)) map.set(gram, (map.get(gram) ?? 0) + 1);
    return map;
  };
  const countsByN = [1, 2, 3, 4].map((n) => sample.map((words) => counts(words, n)));
  let sum = 0;
  sample.forEach((words, text) => {
    let logPrecision = 0;
    for (let n = 1; n <= 4; n++) {
      let matches = 0;
      for (const [gram, count] of countsByN[n - 1]![text]!) {
        let most = 0;
        countsByN[n - 1]!.forEach((other, o) => o !== text && (most = Math.max(most, other.get(gram) ?? 0)));
        matches += Math.min(count, most);
      }
      if (n === 1 && matches === 0) return;
      logPrecision += Math.log((matches === 0 ? 0.1 : matches) / Math.max(1, stringGrams(words, n).length)) / 4;
    }
    const others = sample.filter((_, o) => o !== text).map((other) => other.length);
    const closest = others.reduce((best, length) => {
      const distance = Math.abs(length - words.length);
      const bestDistance = Math.abs(best - words.length);
      return distance < bestDistance || (distance === bestDistance && length < best) ? length : best;
    });
    const penalty = words.length > closest ? 1 : words.length === 0 ? 0 : Math.exp(1 - closest / words.length);
    sum += penalty * Math.exp(logPrecision);
  });
  return sum / sample.length;
}

test('word counts and word tokens are those of the regular expressions they replace', () => {
  expect(texts.map(wordCount)).toEqual(texts.map((text) => text.match(/\S+/g)?.length ?? 0));
  expect(texts.map(wordTokens)).toEqual(tokens);
});

test('distinct-n and self-repetition are those of n-grams as strings', () => {
  const ngrams = ngramsOf(texts.map(wordTokens));
  for (const n of [1, 2, 3, 4]) {
    expect(distinctN(ngrams, n)).toBe(referenceDistinct(n));
    expect(selfRepetition(ngrams, n)).toBeCloseTo(referenceSelfRepetition(n), 12);
  }
});

test('Self-BLEU is brute-force NLTK sentence_bleu over the same sample', () => {
  const sample = { ...SELF_BLEU_SAMPLE, sampleSize: 300 };
  expect(selfBleu(ngramsOf(texts.map(wordTokens)), sample)).toBeCloseTo(referenceSelfBleu(sample.sampleSize), 12);
});
