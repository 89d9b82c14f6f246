// rougeL against the reference's precision, recall and F, bit for bit, including the
// floating-point boundary where 2L/(m+n) would decide differently (self_instruct_anchor.md §3.4).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rougeL } from '../../src/lib/rouge';

const fixture = (name: string): string => readFileSync(fileURLToPath(new URL(`../fixtures/rouge/${name}`, import.meta.url)), 'utf8');

interface ScoreCase {
  a: string;
  b: string;
  p: number;
  r: number;
  f: number;
}

const cases: ScoreCase[] = fixture('score-cases.jsonl').trim().split('\n').map((line) => JSON.parse(line));

/** Two texts of m and n distinct tokens whose LCS is exactly `lcs`. */
function textsWith(lcs: number, m: number, n: number): [string, string] {
  const common = Array.from({ length: lcs }, (_, i) => `w${i}`);
  const target = [...common, ...Array.from({ length: m - lcs }, (_, i) => `t${i}`)];
  const prediction = [...Array.from({ length: n - lcs }, (_, i) => `p${i}`), ...common];
  return [target.join(' '), prediction.join(' ')];
}

describe('rougeL', () => {
  it(`equals the reference on all ${cases.length} fixture pairs, bit for bit`, () => {
    for (const { a, b, p, r, f } of cases) {
      expect(rougeL(a, b)).toEqual({ precision: p, recall: r, fmeasure: f });
    }
  });

  it('scores L=7, m=7, n=13 as 0.7000000000000001, above 0.7, where 2L/(m+n) gives 0.7', () => {
    const [target, prediction] = textsWith(7, 7, 13);
    expect(rougeL(target, prediction).fmeasure).toBe(0.7000000000000001);
    expect(rougeL(prediction, target).fmeasure).toBe(0.7000000000000001);
  });

  it('decides like the reference on every (L, m, n <= 60) where 2L/(m+n) would not', () => {
    const rows: { threshold: number; lcs: number; m: number; n: number; f: number }[] = JSON.parse(
      fixture('fmeasure-disagreements.json'),
    );
    expect(rows.length).toBeGreaterThan(100);
    for (const { lcs, m, n, f } of rows) {
      const [target, prediction] = textsWith(lcs, m, n);
      expect(rougeL(target, prediction).fmeasure).toBe(f);
    }
  });

  it('gives 0 for everything when either side has no tokens', () => {
    expect(rougeL('中文指令', '中文指令')).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
    expect(rougeL('', 'Describe a sunset.')).toEqual({ precision: 0, recall: 0, fmeasure: 0 });
  });

  it('scores Chinese duplicates 1 with the multilingual tokenizer', () => {
    expect(rougeL('把这段中文翻译成英文', '把这段中文翻译成英文', { tokenizer: 'multilingual' }).fmeasure).toBe(1);
  });
});
