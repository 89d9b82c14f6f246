// Parity with the reference on real instructions read from ../shared/data at test time (the
// fixture holds only hashes, decisions and scores). A missing data file fails the test.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { NoveltyIndex, refilter, rougeL } from '../../src/lib/rouge';

const dataDir = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const expected: {
  sources: Record<string, string>;
  instructionCount: number;
  pairScoresSha256: string;
  verdicts: Record<string, { novel: string; scores: number[]; nearest: (number | null)[] }>;
  corpusPrefix: { sha256: string; lines: number; decisions: Record<string, string> };
} = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/rouge/shared-expected.json', import.meta.url)), 'utf8'));

/** A shared data file, checked against the hash the fixture was made from. */
function readShared(name: string, sha256: string): string {
  const bytes = readFileSync(dataDir + name); // throws ENOENT when ../shared/data is missing
  expect(createHash('sha256').update(bytes).digest('hex'), `${name} changed: rerun scripts/make-rouge-fixtures.py shared`).toBe(sha256);
  return bytes.toString('utf8');
}

function instructions(): string[] {
  return Object.entries(expected.sources).flatMap(([name, sha256]) =>
    readShared(name, sha256)
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { instruction: string }).instruction),
  );
}

describe('parity on the shared seed and user-oriented instructions', () => {
  const texts = instructions();

  it('reads every instruction the fixture was made from', () => {
    expect(texts).toHaveLength(expected.instructionCount);
  });

  it('scores every pair with the reference precision, recall and F, bit for bit', () => {
    const hash = createHash('sha256');
    const triple = new Float64Array(3);
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const { precision, recall, fmeasure } = rougeL(texts[i]!, texts[j]!);
        triple.set([precision, recall, fmeasure]);
        hash.update(new Uint8Array(triple.buffer)); // little-endian, as the fixture's struct.pack('<3d')
      }
    }
    expect(hash.digest('hex')).toBe(expected.pairScoresSha256);
  });

  it.each(Object.keys(expected.verdicts))('replays them at %s with the reference decisions, scores and nearest', (threshold) => {
    const index = new NoveltyIndex({ threshold: Number(threshold) });
    const verdicts = texts.map((text, i) => {
      const verdict = index.check(text);
      if (verdict.novel) index.add(String(i), text);
      return verdict;
    });
    const want = expected.verdicts[threshold]!;
    expect(verdicts.map((v) => (v.novel ? '1' : '0')).join('')).toBe(want.novel);
    expect(verdicts.map((v) => v.score)).toEqual(want.scores);
    expect(verdicts.map((v) => v.nearestId)).toEqual(want.nearest.map((i) => (i === null ? null : String(i))));
  });
});

describe('parity on the first lines of the shared corpus', () => {
  const { sha256, lines, decisions } = expected.corpusPrefix;
  const prefix = readShared('corpus/instructions.txt', sha256).split('\n').slice(0, lines);

  it.each(Object.keys(decisions))(`dedups the first ${lines} lines at %s as the reference does`, (threshold) => {
    const kept = refilter(prefix, { threshold: Number(threshold) });
    expect(kept.map((k) => (k ? '1' : '0')).join('')).toBe(decisions[threshold]);
  });
});
