// The paper's figures on small pools worked out by hand: ROUGE-L to the nearest seed (Fig. 4),
// lengths in words (Fig. 5), and the shares of classification tasks, inputs and instances.
import { expect, test } from 'vitest';
import { histogramOf } from '../../src/lib/stats/histogram';
import { lengthsOf } from '../../src/lib/stats/lengths';
import { seedScoresOf, seedSimilarityOf } from '../../src/lib/stats/seed-similarity';
import { sharesOf } from '../../src/lib/stats/shares';
import { wordCount, wordTokens } from '../../src/lib/stats/words';
import { finishedRow } from '../fixtures/stats-rows';

test('a value on a bin edge falls in the bin it starts, and values past the last bin fall in it', () => {
  expect(histogramOf([0, 0.1, 0.7, 0.6999, 1, 1.5, -0], 0.1, 10).counts).toEqual([2, 1, 0, 0, 0, 0, 1, 1, 0, 2]);
  expect(histogramOf([], 2, 3)).toEqual({ width: 2, counts: [0, 0, 0] });
});

test('lengths count runs between white space; diversity words are lowercased letters and digits', () => {
  expect(wordCount('  Sort these  numbers:\n3, 1, 2 ')).toBe(6);
  expect(wordCount('   ')).toBe(0);
  expect(wordTokens('Café au lait, 2 cups!')).toEqual(['café', 'au', 'lait', '2', 'cups']);
});

test('a word ends at every code unit JavaScript’s \\s matches, and at no other', () => {
  const separating = (code: number) => wordCount(`a${String.fromCharCode(code)}b`) === 2;
  const codes = Array.from({ length: 0x10000 }, (_, code) => code);
  expect(codes.filter(separating)).toEqual(codes.filter((code) => /\s/.test(String.fromCharCode(code))));
});

const SEEDS = ['write a poem about the sea', 'classify the sentiment of the review'];
const similarityOf = (instructions: string[], seeds: string[]) => seedSimilarityOf(seedScoresOf(instructions, seeds));

test('each instruction scores its most similar seed: 5/6, 2/3, 2/9 and an exact copy at 1', () => {
  const similarity = similarityOf(['write a poem about the sky', 'classify the review', 'name a color', 'Write a poem about the sea.'], SEEDS);
  // LCS 5 of 6 and 6; LCS 3 of 3 and 6 (F = 2/3); "a" alone, 1 of 3 and 6 (F = 2/9); the seed itself.
  expect(similarity.histogram.counts).toEqual([0, 0, 1, 0, 0, 0, 1, 0, 1, 1]);
  expect(similarity.mean).toBeCloseTo((5 / 6 + 2 / 3 + 2 / 9 + 1) / 4, 12);
  expect(similarity.median).toBeCloseTo((2 / 3 + 5 / 6) / 2, 12);
  expect(similarity.max).toBe(1);
});

test('an instruction sharing no word with any seed scores 0, and without seeds every one does', () => {
  expect(similarityOf(['list three fruits'], SEEDS).histogram.counts[0]).toBe(1);
  expect(similarityOf(['write a poem about the sea'], []).mean).toBe(0);
  expect(similarityOf([], SEEDS)).toMatchObject({ count: 0, mean: null, median: null, max: null });
});

const ROWS = [
  finishedRow('Name a spice.', [{ input: '', output: 'Cumin' }]),
  finishedRow('Sort these numbers in ascending order.', [
    { input: '3, 1, 2', output: '1, 2, 3' },
    { input: '  ', output: 'nothing to sort' },
  ]),
  finishedRow('Is this review positive?', [{ input: 'Great food.', output: 'Yes' }], { isClassification: true }),
];

test('Fig. 5 lengths: instructions of 3, 6 and 4 words, the two non-empty inputs, every output', () => {
  const { instructions, inputs, outputs } = lengthsOf(ROWS);
  expect(instructions).toMatchObject({ count: 3, mean: 13 / 3, median: 4, max: 6 });
  expect(instructions.histogram.counts.slice(0, 4)).toEqual([0, 1, 1, 1]);
  expect(inputs).toMatchObject({ count: 2, mean: 2.5, median: 2.5, max: 3 });
  expect(inputs.histogram.counts[0]).toBe(2);
  expect(outputs).toMatchObject({ count: 4, mean: 2, median: 2, max: 3 });
  expect(outputs.histogram.counts[0]).toBe(4);
});

test('an instruction past the last length bin is counted in it', () => {
  const long = finishedRow(Array.from({ length: 100 }, () => 'word').join(' '), []);
  expect(lengthsOf([long]).instructions.histogram.counts[29]).toBe(1);
});

test('shares: one classification task of three, two with an input, tasks by their number of instances', () => {
  const withoutInstances = finishedRow('Say hello.', []);
  const shares = sharesOf([...ROWS, withoutInstances]);
  expect(shares).toMatchObject({ tasks: 4, classification: 1 / 4, withInput: 2 / 4 });
  expect(shares.instancesPerTask).toEqual([1, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
  const many = finishedRow('Count.', Array.from({ length: 14 }, (_, i) => ({ input: '', output: String(i) })));
  expect(sharesOf([many]).instancesPerTask[10]).toBe(1);
});

test('an empty pool has no shares and empty length figures', () => {
  expect(sharesOf([])).toMatchObject({ tasks: 0, classification: null, withInput: null });
  expect(lengthsOf([]).outputs).toMatchObject({ count: 0, mean: null });
});
