// The diversity figures on texts small enough to work out by hand: distinct-n, self-repetition,
// Self-BLEU as NLTK's sentence_bleu with smoothing method1 gives it, and the compression ratio.
import { gzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { createRng } from '../../src/lib/method';
import { compressionRatio } from '../../src/lib/stats/compression-ratio';
import { distinctN } from '../../src/lib/stats/distinct-n';
import { diversityOf } from '../../src/lib/stats/diversity';
import { ngramsOf } from '../../src/lib/stats/ngrams';
import { selfBleu } from '../../src/lib/stats/self-bleu';
import { selfRepetition } from '../../src/lib/stats/self-repetition';

const words = (text: string) => text.split(' ');
/** The n-grams of texts whose words are split by single spaces. */
const grams = (...texts: string[]) => ngramsOf(texts.map(words));

test('distinct-n: distinct n-grams over all n-grams of every text', () => {
  const texts = grams('a b a', 'b c');
  expect(distinctN(texts, 1)).toBe(3 / 5);
  expect(distinctN(texts, 2)).toBe(3 / 3);
  expect(distinctN(grams('a b a b'), 2)).toBe(2 / 3);
  expect(distinctN(grams('a b c d e', 'b c d e f'), 4)).toBe(3 / 4);
  expect(distinctN(grams('a'), 2)).toBeNull();
  expect(distinctN(grams(), 1)).toBeNull();
});

test('self-repetition: ln(1 + other texts sharing each distinct n-gram), averaged over the texts', () => {
  // Bigrams: "a b" is in two texts, every other bigram in one.
  expect(selfRepetition(grams('a b c', 'a b d', 'x y'), 2)).toBeCloseTo((2 * Math.log(2)) / 3, 12);
  // "a b" twice in the first text still counts one other text.
  expect(selfRepetition(grams('a b a b', 'a b'), 2)).toBeCloseTo(Math.log(2), 12);
  // 4-grams by default: "b c d e" is in the first two texts, so each of them has ln 2.
  expect(selfRepetition(grams('a b c d e', 'b c d e f', 'b c d'))).toBeCloseTo((2 * Math.log(2)) / 3, 12);
  expect(selfRepetition(grams('no repeated phrase here at all'))).toBe(0);
  expect(selfRepetition(grams())).toBeNull();
});

const all = { sampleSize: 1_000, seed: 1 };

test('Self-BLEU of two sentences differing in one word: the fourth root of 5/6 · 3/5 · 2/4 · 1/3', () => {
  expect(selfBleu(grams('the cat sat on the mat', 'the cat sat on a mat'), all)).toBeCloseTo((1 / 12) ** 0.25, 12);
});

test('Self-BLEU smooths a precision with no match as 0.1 matches, and has a brevity penalty', () => {
  expect(selfBleu(grams('a b c', 'a b d'), all)).toBeCloseTo((2 / 3 / 2 / 100) ** 0.25, 12);
  // "a b" against "a b c d": every n-gram it has matches, but it is half as long; the long one has no penalty.
  const short = Math.exp(1 - 4 / 2) * (1 * 1 * 0.1 * 0.1) ** 0.25;
  const long = ((2 / 4) * (1 / 3) * (0.1 / 2) * 0.1) ** 0.25;
  expect(selfBleu(grams('a b', 'a b c d'), all)).toBeCloseTo((short + long) / 2, 12);
});

test('Self-BLEU is 0 for texts sharing no word, and has no figure under two texts', () => {
  expect(selfBleu(grams('x', 'y'), all)).toBe(0);
  expect(selfBleu(grams('a b c'), all)).toBeNull();
  expect(selfBleu(grams(), all)).toBeNull();
});

test('Self-BLEU on a sample scores the texts the seeded generator draws, the same each time', () => {
  const texts = ['a b c d', 'a b c e', 'x y z w', 'a x b y', 'c d e f'];
  const sample = { sampleSize: 3, seed: 7 };
  expect(selfBleu(grams(...texts), sample)).toBe(selfBleu(grams(...createRng(7).sample(texts, 3)), all));
  expect(selfBleu(grams(...texts), sample)).toBe(selfBleu(grams(...texts), sample));
  // The mean of NLTK's sentence_bleu(others, text, smoothing_function=method1) over the five, computed with NLTK.
  expect(selfBleu(grams(...texts), all)).toBeCloseTo(0.2594708362838657, 12);
});

test('compression ratio: UTF-8 size of the texts joined by newlines over their gzip size at level 9, as the diversity package reports it', () => {
  const bytes = new TextEncoder().encode('café\nthé');
  expect(bytes.length).toBe(10);
  expect(compressionRatio(['café', 'thé'])).toBe(10 / gzipSync(bytes, { level: 9 }).length);
  const repeated = compressionRatio(Array.from({ length: 200 }, () => 'Write a poem about the sea.'));
  const varied = compressionRatio(Array.from({ length: 200 }, (_, i) => `Task ${i * 7919}: ${createRng(i).next().toString(36)}`));
  expect(repeated!).toBeGreaterThan(varied!);
  expect(compressionRatio([])).toBeNull();
  expect(compressionRatio([''])).toBeNull();
});

test('each diversity figure carries a one-line explanation of what higher or lower means', async () => {
  const diversity = await diversityOf(['Name a spice.']);
  for (const figure of Object.values(diversity)) expect(figure.explanation).toMatch(/^[^\n]*(higher|lower)[^\n]*$/);
  expect(diversity).toMatchObject({ selfBleu: { value: null }, distinct1: { value: 1 }, distinct2: { value: 1 }, selfRepetition: { value: 0 } });
});
