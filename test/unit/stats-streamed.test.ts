// The statistics worked on while the rows are read (StreamedStats and the counters it feeds):
// split into parts in any way, they give the very figures of the whole, and a project whose pages
// are out of creation order falls back to computing from the sorted rows.
import { expect, test } from 'vitest';
import { createRng } from '../../src/lib/method';
import { createStatsService, datasetStats, inThreadHelper } from '../../src/lib/stats';
import { CompressionCounter, compressionRatio } from '../../src/lib/stats/compression-ratio';
import { LengthCounter, lengthsOf } from '../../src/lib/stats/lengths';
import { ngramsOf, WordNumbering } from '../../src/lib/stats/ngrams';
import { StreamedStats } from '../../src/lib/stats/streamed-stats';
import { TokenIds, WordTokenIds } from '../../src/lib/stats/word-ids';
import { wordTokens } from '../../src/lib/stats/words';
import { openStudioDB } from '../../src/lib/store';
import type { ExportRow } from '../../src/lib/vocabulary';
import { callRow, taskRow } from '../fixtures/pool-rows';
import { finishedRow } from '../fixtures/stats-rows';
import { freshDatabase } from '../helpers/fresh-database';

const SEEDS = ['Name a spice.', 'Sort these numbers from smallest to largest.', 'Is this review positive or negative?'];
const VERBS = ['Name', 'Sort', 'Write', 'Explain', 'Is', 'List', 'Translate'];

/** Rows of seeded, varied text: some with inputs, some classification tasks. */
function rows(count: number, seed = 3): ExportRow[] {
  const rng = createRng(seed);
  const words = (n: number) => Array.from({ length: n }, () => `w${rng.int(40)}`).join(' ');
  return Array.from({ length: count }, (_, i) =>
    finishedRow(`${VERBS[rng.int(VERBS.length)]} ${words(3 + rng.int(12))}.`, [{ input: rng.next() < 0.5 ? '' : words(rng.int(20)), output: words(1 + rng.int(30)) }], { id: `t${i}`, created: i, isClassification: rng.next() < 0.2 }),
  );
}

/** `all` cut into parts of the given sizes, the last taking the rest. */
function split<T>(all: readonly T[], sizes: readonly number[]): T[][] {
  const parts: T[][] = [];
  let at = 0;
  for (const size of sizes) parts.push(all.slice(at, (at += size)));
  parts.push(all.slice(at));
  return parts;
}

test('the compression ratio of texts in parts is that of the whole, across the 1 MB pieces deflate is fed', () => {
  const texts = rows(30_000).map((row) => row.task.instruction);
  expect(new TextEncoder().encode(texts.join('\n')).length).toBeGreaterThan(1 << 20);
  const whole = compressionRatio(texts);
  for (const sizes of [[1], [7, 0, 13_000], [29_999]]) {
    const counter = new CompressionCounter();
    for (const part of split(texts, sizes)) counter.add(part);
    expect(counter.ratio()).toBe(whole);
  }
  // Parts that are empty texts still join with newlines, as in the whole.
  expect(new CompressionCounter().add(['a']).add(['']).add(['b']).ratio()).toBe(compressionRatio(['a', '', 'b']));
  expect(new CompressionCounter().add([]).add(['']).ratio()).toBeNull();
});

test('a finished compression ratio refuses more text, and says the same figure again', () => {
  const counter = new CompressionCounter().add(['Name a spice.']);
  const ratio = counter.ratio();
  expect(counter.ratio()).toBe(ratio);
  expect(() => counter.add(['more'])).toThrow(/already finished/);
});

test('words numbered in parts are numbered as in one go, n-grams numbered part by part too; lengths counted in parts are the lengths of the whole', () => {
  // Past the first sizes of the numbering's arrays: 4,096 texts, 65,536 words.
  const all = rows(9_000);
  const tokens = all.map((row) => wordTokens(row.task.instruction));
  const whole = ngramsOf(tokens);
  expect(whole.texts).toBeGreaterThan(1 << 12);
  expect(whole.starts[whole.texts]).toBeGreaterThan(1 << 16);
  for (const early of [[], [2, 4], [2]]) {
    const numbering = new WordNumbering(new WordTokenIds(), early);
    const lengths = new LengthCounter();
    for (const part of split(all, [1, 0, 200, 5_000])) {
      numbering.add(part.map((row) => row.task.instruction));
      lengths.add(part);
    }
    const inParts = numbering.ngrams();
    expect(inParts.starts).toEqual(whole.starts);
    // 3-grams are numbered when asked for, from the bigrams numbered early.
    for (const n of [1, 2, 3, 4]) {
      expect(inParts.ids(n)).toEqual(whole.ids(n));
      expect(inParts.distinct(n)).toBe(whole.distinct(n));
    }
    expect(lengths.lengths()).toEqual(lengthsOf(all));
  }
  // An n numbered early needs its halves numbered before it.
  expect(() => new WordNumbering(new TokenIds<string>(), [4]).add([['a', 'b', 'c', 'd']])).toThrow(/not numbered early/);
});

test('statistics streamed in parts through the helpers are the statistics of the whole, with each row scored to its nearest seed', async () => {
  const all = rows(1_200);
  const rejected = [taskRow({ id: 'r1', stage: 'rejected', created: 5, reason: { rule: 'too-short', detail: '2 words' } })];
  const streamed = new StreamedStats(Promise.resolve({ seedInstructions: SEEDS }), [inThreadHelper(), inThreadHelper()], 'test');
  for (const part of split(all, [100, 1, 500])) streamed.add(part);
  const figures = await streamed.finish(all, Promise.resolve(rejected), (_, work) => work());
  expect(figures?.stats).toEqual(await datasetStats({ rows: all, seedInstructions: SEEDS, rejected }));
  expect(figures?.seedScores).toHaveLength(all.length);
  expect(figures?.stats.seedSimilarity.count).toBe(all.length);
});

test('streamed statistics are not given for rows in another order than they came in', async () => {
  const all = rows(10);
  const streamed = new StreamedStats(Promise.resolve({ seedInstructions: SEEDS }), [inThreadHelper()], 'test');
  streamed.add(all);
  expect(await streamed.finish([...all].reverse(), Promise.resolve([]), (_, work) => work())).toBeUndefined();
});

test('abandoned when the rows could not all be read, the helper’s compression stream is ended', async () => {
  const ended: string[] = [];
  const helper = { ...inThreadHelper(), compressionEnd: async (stream: string) => (ended.push(stream), null) };
  const streamed = new StreamedStats(Promise.resolve({ seedInstructions: SEEDS }), [helper], 'abandoned');
  streamed.add(rows(5));
  streamed.abandon();
  await Promise.resolve();
  expect(ended).toEqual(['abandoned']);
});

test('a project whose pages hold tasks out of creation order gets the figures of its sorted rows', async () => {
  const { factory, pool, projects } = await freshDatabase();
  const project = await projects.create('Out of order');
  await pool.putSeeds(project.id, SEEDS.map((instruction, i) => ({ id: `seed-${i}`, name: `s${i}`, instruction, instances: [{ input: '', output: 'x' }], isClassification: false })));
  // Finished in the order 3, 1, 2: the pages hold them so, the store's result is sorted.
  for (const n of [3, 1, 2]) {
    const task = taskRow({ id: `task-${n}`, projectId: project.id, stage: 'done', instruction: `${VERBS[n]} the ${n} things here.`, instanceCount: 1, created: n });
    await pool.saveGeneration({ call: callRow(project.id, `gen-${n}`), candidates: [{ ...task, stage: 'instances' }], instances: [] });
    await pool.saveTaskStep({ call: callRow(project.id, `call-${n}`, 'instances'), task, instances: [{ id: `i-${n}`, projectId: project.id, taskId: task.id, callId: `call-${n}`, input: '', output: `Answer ${n}` }] });
  }
  const { stats, timings } = await createStatsService(() => openStudioDB(factory)).compute(project.id);
  // Computed again from the sorted rows, not from the parts as they came.
  expect(timings.map(({ part }) => part)).toContain('ROUGE-L to the seeds (helper)');
  const sorted = await pool.finishedTasks(project.id);
  expect(sorted.map((row) => row.task.id)).toEqual(['task-1', 'task-2', 'task-3']);
  expect(stats).toEqual(await datasetStats({ rows: sorted, seedInstructions: SEEDS, rejected: await pool.rejectedTasks(project.id) }));
});
