// Comparing a project's figures with a reference: a dataset file read by the seeds' readers (built
// here), another project of this browser, and files refused with their reason; nothing is stored.
import { parquetWriteBuffer } from 'hyparquet-writer';
import { expect, test } from 'vitest';
import { createStatsService } from '../../src/lib/stats';
import { openStudioDB } from '../../src/lib/store';
import { spiceStep } from '../fixtures/pool-rows';
import { freshDatabase } from '../helpers/fresh-database';

async function kitchen() {
  const { factory, projects, pool } = await freshDatabase();
  const project = await projects.create('Kitchen tasks');
  await pool.putSeeds(project.id, [{ id: 'seed-1', name: 'spice', instruction: 'Name a spice.', instances: [{ input: '', output: 'Salt' }], isClassification: false }]);
  return { factory, projects, pool, project, service: createStatsService(() => openStudioDB(factory)) };
}

const ALPACA = JSON.stringify([
  { instruction: 'Name a spice.', input: '', output: 'Pepper' },
  { instruction: 'Write a poem about the sea.', input: '', output: 'Waves come and go' },
  { instruction: 'Sort these numbers.', input: '3 1 2', output: '1 2 3' },
]);

test('an Alpaca JSON file gets the same figures, its ROUGE-L scored against the project’s seeds, and nothing is stored', async () => {
  const { service, project, pool } = await kitchen();
  const compared = await service.compare(project.id, { file: new Blob([ALPACA]), name: 'alpaca.json' });
  if (!compared.ok) throw new Error(compared.problem);
  expect(compared.stats.shares).toMatchObject({ tasks: 3, withInput: 1 / 3 });
  // The copy of the seed scores 1; the others share at most "a" with it.
  expect(compared.stats.seedSimilarity.histogram.counts[9]).toBe(1);
  expect(compared.stats.lengths.instructions.count).toBe(3);
  expect(compared.stats.acceptance).toMatchObject({ candidates: 3, rate: 1 });
  expect(compared.tree).toMatchObject({ instructions: 3, withStructure: 3 });
  expect(compared.tree.verbs.map(({ verb }) => verb)).toEqual(['name', 'sort', 'write']);
  expect(await pool.finishedTasks(project.id)).toEqual([]);
});

test('a Parquet file of the same rows gets the same figures, and a damaged one is refused saying so', async () => {
  const { service, project } = await kitchen();
  const rows = JSON.parse(ALPACA) as Record<string, string>[];
  const columnData = ['instruction', 'input', 'output'].map((name) => ({ name, data: rows.map((row) => row[name]!), type: 'STRING' as const }));
  const parquet = new Uint8Array(parquetWriteBuffer({ columnData }));
  const fromJson = await service.compare(project.id, { file: new Blob([ALPACA]), name: 'alpaca.json' });
  const fromParquet = await service.compare(project.id, { file: new Blob([parquet]), name: 'train.parquet' });
  expect(fromParquet.ok).toBe(true);
  expect(fromParquet).toEqual(fromJson);
  const damaged = await service.compare(project.id, { file: new Blob([parquet.subarray(0, 40)]), name: 'cut.parquet' });
  expect(damaged).toMatchObject({ ok: false, problem: expect.stringMatching(/^cut\.parquet cannot be compared: the Parquet file is damaged or cut short \(.+\); download or export it again\.$/) });
});

test('another project of this browser is compared with its finished tasks and its own acceptance', async () => {
  const { service, project, projects, pool } = await kitchen();
  const other = await projects.create('Other');
  await pool.saveGeneration(spiceStep(other.id));
  const compared = await service.compare(project.id, { projectId: other.id });
  if (!compared.ok) throw new Error(compared.problem);
  expect(compared.stats.shares.tasks).toBe(1);
  expect(compared.stats.acceptance).toMatchObject({ candidates: 2, accepted: 1 });
  expect(compared.tree.verbs[0]).toMatchObject({ verb: 'name', nouns: [{ noun: 'spice', count: 1 }] });
});

test('a malformed, an empty or an oversized file is refused with a message that says what to do', async () => {
  const { service, project } = await kitchen();
  const broken = await service.compare(project.id, { file: new Blob(['{"instruction": "a"}\n{oops']), name: 'data.jsonl' });
  expect(broken).toMatchObject({ ok: false, problem: expect.stringMatching(/^data\.jsonl cannot be compared: .+ \(line 2\)\.$/) });
  expect(await service.compare(project.id, { file: new Blob([]), name: 'empty.json' })).toEqual({ ok: false, problem: 'empty.json cannot be compared: the file is empty.' });
  // Only its size is read: a Blob that claims 30 MB is refused before anything is loaded.
  const huge = { size: 30_000_000, arrayBuffer: () => Promise.reject(new Error('read')) } as unknown as Blob;
  expect(await service.compare(project.id, { file: huge, name: 'huge.jsonl' })).toMatchObject({ ok: false, problem: expect.stringMatching(/30 MB, over the 25 MB limit; split it/) });
});
