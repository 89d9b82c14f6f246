// bestScores: each text's best ROUGE-L F against fixed references, the same number as
// NoveltyIndex.check and as a scan with rougeL, however the bounds prune.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { bestScores, NoveltyIndex, rougeL, type TokenizerName } from '../../src/lib/rouge';

const { streams }: { streams: Record<string, string[]> } = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/rouge/dedup-cases.json', import.meta.url)), 'utf8'));
const texts = Object.values(streams).flat();
/** Long enough for the LCS to span several machine words. */
const long = Array.from({ length: 40 }, (_, i) => `word${i % 13} the`).join(' ');

function indexScores(references: readonly string[], queries: readonly string[], tokenizer: TokenizerName): number[] {
  const index = new NoveltyIndex({ tokenizer });
  references.forEach((reference, i) => index.add(String(i), reference));
  return queries.map((query) => index.check(query).score);
}

test.each(['default', 'multilingual'] as const)('with the %s tokenizer, every score equals the index’s and the plain scan’s', (tokenizer) => {
  const references = texts.filter((_, i) => i % 5 === 0);
  const queries = [...texts.filter((_, i) => i % 5 !== 0), long, `${long} more`, '', '!!!'];
  const scores = Array.from(bestScores([...references, long], queries, tokenizer));
  expect(scores).toEqual(indexScores([...references, long], queries, tokenizer));
  // The plain scan tokenizes every pair: a sample of the queries, with the long ones and the empty.
  const sample = queries.filter((_, i) => i % 8 === 0 || i >= queries.length - 4);
  const scanned = sample.map((query) => Math.max(0, ...[...references, long].map((reference) => rougeL(query, reference, { tokenizer }).fmeasure)));
  expect(sample.map((query) => scores[queries.indexOf(query)])).toEqual(scanned);
});

test('no references, or none sharing a token, score 0', () => {
  expect(Array.from(bestScores([], ['Name a spice.']))).toEqual([0]);
  expect(Array.from(bestScores(['', 'Sort numbers.'], ['Name a spice.']))).toEqual([0]);
});
