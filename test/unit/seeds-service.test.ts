// The import worker's service, driven through ImportClient over a real comlink boundary (a
// MessageChannel in one realm): seeds are read and saved in the other realm with throttled
// progress, a refused import writes nothing, and a dead worker rejects the import in flight.
import { expose, type Endpoint } from 'comlink';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, expect, test, vi } from 'vitest';
import { connectWorker, ImportClient } from '../../src/lib/clients';
import { createImportService, type ImportApi, type ImportProgress } from '../../src/lib/seeds';
import { openStudioDB, PoolStore } from '../../src/lib/store';
import { releasingCallbacks } from '../../workers/releasing-callbacks';

const PROJECT = 'p1';
const channels: MessageChannel[] = [];
afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

/** The service as the worker serves it, its client on the page's side, and the database both see. */
async function connected(api?: ImportApi) {
  const factory = new IDBFactory();
  const channel = new MessageChannel();
  channels.push(channel);
  expose(releasingCallbacks(api ?? createImportService(() => openStudioDB(factory))), channel.port2 as unknown as Endpoint);
  const port = channel.port1;
  const client = new ImportClient(connectWorker<ImportApi>(port as unknown as Worker, 'import worker'));
  const crash = () => port.dispatchEvent(Object.assign(new Event('error'), { message: 'boom' }));
  return { client, crash, pool: new PoolStore(await openStudioDB(factory)) };
}

const lines = (count: number) => Array.from({ length: count }, (_, index) => `Describe item number ${index + 1} in one sentence.`).join('\n');

test('pasted text is read and saved in the other realm, with progress from reading to saving', async () => {
  const { client, pool } = await connected();
  const seen: ImportProgress[] = [];
  const result = await client.importText(PROJECT, lines(1_000), (progress) => seen.push(progress));

  expect(result).toMatchObject({ ok: true, format: 'text', summary: { count: 1_000, classification: 0, mostlyNonAscii: false } });
  const stored = await pool.seeds(PROJECT);
  expect(stored.map((seed) => seed.instruction)).toEqual(lines(1_000).split('\n'));
  // The page gets the first 200 to show, not all 1,000.
  expect(result.ok && result.summary.first).toEqual(stored.slice(0, 200));
  // Progress has its own message port, so the last reports may follow the result.
  await vi.waitFor(() => expect(seen.at(-1)).toEqual({ stage: 'saving', fraction: 1 }));
  expect(seen[0]).toEqual({ stage: 'reading', fraction: 0 });
  expect(seen).toContainEqual({ stage: 'reading', fraction: 1 });
  const stages = seen.map((progress) => progress.stage);
  expect(stages.lastIndexOf('reading')).toBeLessThan(stages.indexOf('saving'));
  for (const stage of ['reading', 'saving'] as const) {
    const fractions = seen.filter((progress) => progress.stage === stage).map((progress) => progress.fraction);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    // 1,000 lines and 1,000 writes, reported about every hundredth.
    expect(fractions.length).toBeGreaterThan(20);
    expect(fractions.length).toBeLessThanOrEqual(102);
  }
});

test('a file is read by name and content, and replaces the seeds stored before', async () => {
  const { client, pool } = await connected();
  await client.importText(PROJECT, 'Name a bird.\nName a fish.', () => {});
  const file = new Blob(['instruction,input,output\nTranslate the word into French.,cheese,fromage\n']);
  const result = await client.importFile(PROJECT, Object.assign(file, { name: 'words.csv' }) as File, () => {});
  expect(result).toMatchObject({ ok: true, format: 'csv', summary: { count: 1, first: [{ instruction: 'Translate the word into French.', instances: [{ input: 'cheese', output: 'fromage' }] }] } });
  expect((await pool.seeds(PROJECT)).map((seed) => seed.instruction)).toEqual(['Translate the word into French.']);
});

test('a refused import names the line, writes nothing and reports no saving', async () => {
  const { client, pool } = await connected();
  await client.importText(PROJECT, 'Name a bird.\nName a fish.', () => {});
  const seen: ImportProgress[] = [];
  const result = await client.importText(PROJECT, 'Name a whale.\n\u200B\u200B\nName a crab.', (progress) => seen.push(progress));
  expect(result).toMatchObject({ ok: false, line: 2, problem: expect.stringContaining('only invisible characters') });
  expect((await pool.seeds(PROJECT)).map((seed) => seed.instruction)).toEqual(['Name a bird.', 'Name a fish.']);
  expect(seen.filter((progress) => progress.stage === 'saving')).toEqual([]);
});

test('a file over 25 MB is refused by its size, without being read', async () => {
  const service = createImportService(() => openStudioDB(new IDBFactory()));
  const huge = Object.defineProperties(new Blob(['x']), {
    size: { value: 30_000_000 },
    arrayBuffer: { value: () => Promise.reject(new Error('the file was read')) },
  });
  expect(await service.importFile(PROJECT, huge, 'huge.jsonl', () => {})).toEqual({
    ok: false,
    problem: 'the file is 30 MB, over the 25 MB limit; split it into smaller files',
  });
});

test('a crashed import worker rejects the import in flight with WorkerCrashedError', async () => {
  const hanging: ImportApi = { importFile: () => new Promise(() => {}), importText: () => new Promise(() => {}) };
  const { client, crash } = await connected(hanging);
  const pending = client.importText(PROJECT, 'Name a bird.', () => {});
  crash();
  await expect(pending).rejects.toMatchObject({ name: 'WorkerCrashedError', message: expect.stringContaining('import worker') });
});
