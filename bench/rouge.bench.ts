// ROUGE-L novelty benchmark on ../shared/data/corpus/instructions.txt (69,006 instructions):
// full dedup replays, per-check latency, index memory, and a naive all-pairs baseline. Every
// decision is compared with test/fixtures/rouge/corpus-decisions.json (made by
// scripts/make-rouge-fixtures.py corpus, checked against the reference); exits 1 on a mismatch.
//   npm run bench:rouge
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { NoveltyIndex, tokenize } from '../src/lib/rouge';

const CORPUS = fileURLToPath(new URL('../../shared/data/corpus/instructions.txt', import.meta.url));
const DECISIONS = fileURLToPath(new URL('../test/fixtures/rouge/corpus-decisions.json', import.meta.url));
const THRESHOLDS = [0.7, 0.5];
const POOL_SIZES = [10_000, 50_000];
const PROBES = 2_000;
const NAIVE_LINES = 3_000;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

interface Expected {
  sha256: string;
  lines: number;
  decisions: Record<string, { kept: number; bitsBase64: string }>;
}

function loadCorpus(expected: Expected): string[] {
  const bytes = readFileSync(CORPUS); // throws ENOENT when ../shared/data is missing
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== expected.sha256) throw new Error(`${CORPUS} changed (sha256 ${sha256}); rerun scripts/make-rouge-fixtures.py corpus`);
  const lines = bytes.toString('utf8').replace(/\n$/, '').split('\n');
  if (lines.length !== expected.lines) throw new Error(`expected ${expected.lines} lines, read ${lines.length}`);
  return lines;
}

function unpackBits(base64: string, count: number): boolean[] {
  const bytes = Buffer.from(base64, 'base64');
  return Array.from({ length: count }, (_, i) => ((bytes[i >> 3]! >> (7 - (i & 7))) & 1) === 1);
}

function countMismatches(actual: readonly boolean[], expected: readonly boolean[]): number {
  return actual.reduce((count, kept, i) => count + (kept === expected[i] ? 0 : 1), 0);
}

/** Live heap and typed-array bytes; V8 frees dead array buffers off-thread, so wait for it. */
async function heapBytes(): Promise<number> {
  for (let round = 0; round < 3; round++) {
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

const mb = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const ms = (millis: number): string => `${millis.toFixed(millis < 10 ? 3 : 0)} ms`;

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}

/** The dedup rule through the index: kept iff not above the threshold against every kept line. */
function replay(lines: readonly string[], threshold: number): { kept: boolean[]; millis: number; index: NoveltyIndex } {
  const index = new NoveltyIndex({ threshold });
  const started = performance.now();
  const kept = lines.map((line, i) => {
    const novel = index.isNovel(line);
    if (novel) index.add(String(i), line);
    return novel;
  });
  return { kept, millis: performance.now() - started, index };
}

async function benchReplay(lines: string[], threshold: number, expected: boolean[]): Promise<number> {
  const before = await heapBytes();
  const { kept, millis, index } = replay(lines, threshold);
  const memory = (await heapBytes()) - before;
  const mismatches = countMismatches(kept, expected);
  const keptCount = kept.filter(Boolean).length;
  console.log(
    `dedup ${threshold}: ${ms(millis)}, kept ${keptCount} of ${lines.length}, ` +
      `index ${mb(memory)} (pool ${index.size}), mismatches ${mismatches}`,
  );
  return mismatches;
}

/** Latency of isNovel and check for the lines after a pool of the first `poolSize` lines. */
function benchLatency(lines: string[], threshold: number, poolSize: number): void {
  const index = new NoveltyIndex({ threshold });
  lines.slice(0, poolSize).forEach((line, i) => index.add(String(i), line));
  const probes = lines.slice(poolSize, poolSize + PROBES);
  const time = (check: (text: string) => unknown): number[] =>
    probes.map((text) => {
      const started = performance.now();
      check(text);
      return performance.now() - started;
    });
  time((text) => index.check(text)); // warm-up
  const decision = time((text) => index.isNovel(text));
  const nearest = time((text) => index.check(text));
  console.log(
    `latency ${threshold}, pool = first ${poolSize} lines, next ${PROBES} checked: isNovel p50 ${ms(percentile(decision, 0.5))} p99 ${ms(percentile(decision, 0.99))}; ` +
      `check (with nearest) p50 ${ms(percentile(nearest, 0.5))} p99 ${ms(percentile(nearest, 0.99))}`,
  );
}

async function benchMemory(lines: string[]): Promise<void> {
  const before = await heapBytes();
  const index = new NoveltyIndex();
  lines.forEach((line, i) => index.add(String(i), line));
  console.log(`index of all ${index.size} lines: ${mb((await heapBytes()) - before)}`);
}

/** The reference's loop: every kept line, a full LCS table each, stopping above the threshold. */
function naiveDedup(lines: readonly string[], threshold: number): boolean[] {
  const kept: string[][] = [];
  return lines.map((line) => {
    const tokens = tokenize(line);
    let best = 0;
    for (const other of kept) {
      best = Math.max(best, naiveF(tokens, other));
      if (best > threshold) break;
    }
    if (best <= threshold) kept.push(tokens);
    return best <= threshold;
  });
}

function naiveF(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
    }
  }
  const lcs = table[a.length]![b.length]!;
  const precision = lcs / b.length;
  const recall = lcs / a.length;
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

function benchNaive(lines: string[], threshold: number, expected: boolean[]): number {
  const prefix = lines.slice(0, NAIVE_LINES);
  let started = performance.now();
  const naive = naiveDedup(prefix, threshold);
  const naiveMillis = performance.now() - started;
  started = performance.now();
  const { kept } = replay(prefix, threshold);
  const indexMillis = performance.now() - started;
  const mismatches = countMismatches(kept, naive) + countMismatches(naive, expected.slice(0, NAIVE_LINES));
  console.log(
    `naive all-pairs, first ${NAIVE_LINES} lines at ${threshold}: ${ms(naiveMillis)} vs index ${ms(indexMillis)} ` +
      `(${(naiveMillis / indexMillis).toFixed(0)}x), mismatches ${mismatches}`,
  );
  return mismatches;
}

async function main(): Promise<void> {
  const expected = JSON.parse(readFileSync(DECISIONS, 'utf8')) as Expected;
  const lines = loadCorpus(expected);
  const decisions = new Map(THRESHOLDS.map((t) => [t, unpackBits(expected.decisions[String(t)]!.bitsBase64, lines.length)]));
  console.log(`corpus: ${lines.length} lines; node ${process.version}, one thread`);
  let mismatches = 0;
  for (const threshold of THRESHOLDS) mismatches += await benchReplay(lines, threshold, decisions.get(threshold)!);
  for (const threshold of THRESHOLDS) for (const size of POOL_SIZES) benchLatency(lines, threshold, size);
  await benchMemory(lines);
  mismatches += benchNaive(lines, 0.7, decisions.get(0.7)!);
  console.log(mismatches === 0 ? 'decisions: all equal the reference' : `decisions: ${mismatches} MISMATCHES`);
  process.exitCode = mismatches === 0 ? 0 : 1;
}

await main();
