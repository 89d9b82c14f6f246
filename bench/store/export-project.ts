// Downloads of the bench project through the product's download worker, as DownloadState makes
// them: each format alone, and the zip of everything, timed and checked, with the page's longest
// task meanwhile; and where the read of the rows goes.
import { parquetMetadata } from 'hyparquet';
import { connectWorker, DownloadClient } from '../../src/lib/clients';
import type { DownloadApi } from '../../src/lib/download';
import type { ExportFormat } from '../../src/lib/export';
import type { PoolStore, StudioDatabase } from '../../src/lib/store';
import { readFinished } from '../../src/lib/store/dataset-pages';
import { PartTimer, type LongTasks } from './measure';
import type { ExportReport, TimedPart } from './protocol';

/** The reopened project the exports read. */
export interface OpenedProject {
  db: StudioDatabase;
  pool: PoolStore;
  projectId: string;
  projectName: string;
}

/** The card's charts in the zip's figures/ (src/lib/download/card-figures.ts): Fig. 3, 4, three of Fig. 5, instances per task. */
const CARD_CHARTS = 6;

/** One format, or the zip of every format with rejected.jsonl and the card, through the real download worker. */
export async function exportViaWorker(project: OpenedProject, formats: ExportFormat[], longTasks: LongTasks): Promise<ExportReport> {
  const zipped = formats.length > 1;
  const start = performance.now();
  const prepared = await downloads().prepare({ projectId: project.projectId, formats, includeRejected: zipped }, () => {});
  // downloadFile's only work on the page: a URL for the Blob the worker made.
  URL.revokeObjectURL(URL.createObjectURL(prepared.blob));
  const end = performance.now();
  await longTasks.settle();
  const label = zipped ? `zip of all ${formats.length} + rejected + card` : formats[0]!;
  const check = zipped ? await checkZip(prepared.blob, formats.length + 2 + CARD_CHARTS) : await checkFile(formats[0]!, prepared.blob, ...(await counts(project)));
  return { label, totalMs: end - start, longestTaskMs: longTasks.longestIn(start, end), bytes: prepared.blob.size, check };
}

let client: DownloadClient | undefined;

/** The download worker, started once as the page starts it on the first download. */
function downloads(): DownloadClient {
  client ??= new DownloadClient(connectWorker<DownloadApi>(new Worker(new URL('../../workers/download.worker.ts', import.meta.url), { type: 'module', name: 'download' }), 'download worker'));
  return client;
}

async function counts({ pool, projectId }: OpenedProject): Promise<[tasks: number, instances: number]> {
  const { accepted, instances } = await pool.counts(projectId);
  return [accepted, instances];
}

/**
 * Where an export's read goes: the dataset pages PoolStore.finishedTasks reads, and for comparison
 * the same rows read one record each from the tasks and instances stores.
 */
export async function readBreakdown({ db, projectId }: OpenedProject, longTasks: LongTasks): Promise<TimedPart[]> {
  const timer = new PartTimer(longTasks);
  const part = <T>(name: string, work: () => Promise<T> | T) => timer.time(name, work);
  await part('dataset pages getAll', () => readFinished(db.transaction('datasetPages').store, projectId, (row) => row));
  await part('per record: tasks by-project-stage getAll', () => db.transaction('tasks').store.index('by-project-stage').getAll([projectId, 'done']));
  await part('per record: instances by-project getAll', () => db.transaction('instances').store.index('by-project').getAll(projectId));
  return timer.parts();
}

/** Counts what the file holds against the rows, so a fast but wrong writer fails the bench. */
async function checkFile(format: ExportFormat, blob: Blob, tasks: number, instances: number): Promise<string> {
  if (format === 'parquet') {
    const rows = Number(parquetMetadata(await blob.arrayBuffer()).num_rows);
    return expect(rows === instances, `PAR1, ${rows.toLocaleString('en')} rows`, `${instances} rows expected`);
  }
  // Blob.text() decodes as UTF-8 and drops a byte order mark.
  const text = await blob.text();
  if (format === 'csv') {
    const bom = new Uint8Array(await blob.slice(0, 3).arrayBuffer()).join() === '239,187,191';
    const lines = text.split('\r\n').length - 1;
    return expect(bom && text.startsWith('instruction,') && lines === instances + 1, `${lines.toLocaleString('en')} CRLF lines`, `BOM, header + ${instances} lines expected`);
  }
  const lines = text.split('\n').length - 1;
  const expected = format === 'self-instruct-jsonl' ? tasks : format === 'alpaca-json' || format === 'sharegpt-json' ? instances + 2 : instances;
  return expect(lines === expected, `${lines.toLocaleString('en')} lines`, `${expected} lines expected`);
}

async function checkZip(blob: Blob, files: number): Promise<string> {
  const tail = new DataView(await blob.slice(blob.size - 22).arrayBuffer());
  const entries = tail.getUint32(0, true) === 0x06054b50 ? tail.getUint16(10, true) : -1;
  return expect(entries === files, `${entries} entries`, `${files} entries expected`);
}

function expect(ok: boolean, found: string, wanted: string): string {
  if (!ok) throw new Error(`Export check failed: ${found}, ${wanted}.`);
  return found;
}
