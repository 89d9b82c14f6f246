// Every statistic together, from an empty pool, a one-row pool and a small project read by the
// stats service from its own connection to the database and served to a client, as the stats worker is.
import { expect, test } from 'vitest';
import { defaultSettings } from '../../src/lib/method';
import { connectWorker, StatsClient } from '../../src/lib/clients';
import { createStatsHelperService, createStatsService, datasetStats, type StatsApi, type StatsHelper, type StatsHelperApi } from '../../src/lib/stats';
import { openStudioDB } from '../../src/lib/store';
import { runRow, spiceStep } from '../fixtures/pool-rows';
import { finishedRow } from '../fixtures/stats-rows';
import { useChannels } from '../helpers/comlink-channels';
import { freshDatabase } from '../helpers/fresh-database';

const serve = useChannels();

test('an empty pool has counts of zero and no figure where there is nothing to measure', async () => {
  const stats = await datasetStats({ rows: [], seedInstructions: ['Name a spice.'], rejected: [] });
  expect(stats.seedSimilarity).toMatchObject({ count: 0, mean: null, histogram: { counts: new Array(10).fill(0) } });
  expect(stats.lengths.instructions.count).toBe(0);
  expect(stats.shares).toMatchObject({ tasks: 0, classification: null, withInput: null });
  expect(stats.acceptance).toMatchObject({ candidates: 0, rate: null, windows: [] });
  expect(Object.values(stats.diversity).map((figure) => figure.value)).toEqual([null, null, null, null, null]);
});

test('a one-row pool: its seed copy scores 1, one instance, accepted one of two candidates', async () => {
  const row = finishedRow('Name a spice.', [{ input: '', output: 'Cumin' }], { created: 1 });
  const stats = await datasetStats({
    rows: [row],
    seedInstructions: ['Name a spice.', 'Sort these numbers.'],
    rejected: [{ id: 'rejected-1', reason: { rule: 'too-short' } }],
  });
  expect(stats.seedSimilarity).toMatchObject({ count: 1, mean: 1, histogram: { counts: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1] } });
  expect(stats.lengths).toMatchObject({ instructions: { mean: 3 }, inputs: { count: 0 }, outputs: { mean: 1 } });
  expect(stats.shares).toMatchObject({ tasks: 1, classification: 0, withInput: 0 });
  expect(stats.acceptance).toMatchObject({ candidates: 2, accepted: 1, rate: 0.5, rejectedByRule: { 'too-short': 1 } });
  // Three words, all distinct; "name a spice" has two bigrams; a compressed text this short is larger than itself.
  expect(stats.diversity).toMatchObject({ distinct1: { value: 1 }, distinct2: { value: 1 }, selfRepetition: { value: 0 }, selfBleu: { value: null } });
  expect(stats.diversity.compressionRatio.value).toBeLessThan(1);
});

test('the stats client gets the project read by the service from its own connection, with the reads and every statistic timed', async () => {
  const { factory, projects, pool } = await freshDatabase();
  const project = await projects.create('Kitchen tasks');
  await projects.saveSettings(project.id, defaultSettings('self-instruct'));
  await pool.putSeeds(project.id, [{ id: 'seed-1', name: 'spice', instruction: 'Name a spice.', instances: [{ input: '', output: 'Salt' }], isClassification: false }]);
  await pool.saveGeneration(spiceStep(project.id));
  await pool.saveRun(runRow({ id: 'run-1', projectId: project.id }));
  const client = new StatsClient(connectWorker<StatsApi>(serve(createStatsService(() => openStudioDB(factory))).worker, 'stats worker'));
  const { stats, timings } = await client.compute(project.id);
  expect(stats.seedSimilarity).toMatchObject({ count: 1, mean: 1 });
  expect(stats.acceptance).toMatchObject({ candidates: 2, accepted: 1, rejectedByRule: { 'too-short': 1 } });
  expect(timings.map(({ part }) => part)).toEqual([
    // Lengths, words and the helpers' parts are worked on as the rows are read (StreamedStats).
    'reads (seeds)',
    'reads (finished tasks), each part counted as it came',
    'shares',
    'n-grams',
    'self-repetition',
    'Self-BLEU',
    'ROUGE-L to the seeds (helper, as read)',
    'compression ratio (helper, as read)',
    'wait for the rejected candidates',
    'acceptance',
  ]);
  expect(timings.every(({ ms }) => ms >= 0)).toBe(true);
});

test('helpers served as the stats helper workers give the same figures as the stats worker computing alone', async () => {
  const { factory, projects, pool } = await freshDatabase();
  const project = await projects.create('Kitchen tasks');
  await pool.putSeeds(project.id, [{ id: 'seed-1', name: 'spice', instruction: 'Name a spice.', instances: [{ input: '', output: 'Salt' }], isClassification: false }]);
  await pool.saveGeneration(spiceStep(project.id));
  const helpers = [0, 1].map(() => {
    const { remote } = connectWorker<StatsHelperApi>(serve(createStatsHelperService()).worker, 'stats helper');
    return { seedScores: remote.seedScores, compressionRatio: remote.compressionRatio, compressionAdd: remote.compressionAdd, compressionEnd: remote.compressionEnd, verbNouns: remote.verbNouns } as StatsHelper;
  });
  const alone = await createStatsService(() => openStudioDB(factory)).compute(project.id);
  const helped = createStatsService(() => openStudioDB(factory), helpers);
  expect((await helped.compute(project.id)).stats).toEqual(alone.stats);
  expect(await helped.verbNounTree(project.id)).toMatchObject({ instructions: 1, withStructure: 1, verbs: [{ verb: 'name', nouns: [{ noun: 'spice', count: 1 }] }] });
});
