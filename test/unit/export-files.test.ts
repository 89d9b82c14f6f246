// The files of an export and the zip: Parquet read back with hyparquet, the zip with fflate's
// unzipSync, the rejected candidates with their reasons, and a 100k-row export (timing printed).
import { strFromU8, unzipSync } from 'fflate';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { type DatasetCardInfo, EXPORT_FORMATS, exportFile, exportFiles, type ExportFormat, zipFiles } from '../../src/lib/export';
import type { ExportRow, Task } from '../../src/lib/vocabulary';
import { taskRow } from '../fixtures/pool-rows';

const ALL_FORMATS = Object.keys(EXPORT_FORMATS) as ExportFormat[];
const CARD: DatasetCardInfo = { title: 'Test set', modelLicences: { 'model-a': 'Apache-2.0' }, settings: { 'ROUGE-L threshold': 0.7 }, seedCount: 175, created: new Date(0) };

function task(id: string, instruction: string, extra: Partial<Task> = {}): Task {
  return taskRow({ id, instruction, isClassification: false, ...extra });
}

function rows(count: number): ExportRow[] {
  return Array.from({ length: count }, (_, index) => ({
    task: task(`t${index}`, `Instruction ${index}`, { isClassification: index % 4 === 0 }),
    instances: [{ input: index % 2 === 0 ? '' : `input "${index}", with a comma`, output: `=output ${index}\nline two` }],
    modelId: 'model-a',
  }));
}

const REJECTED: Task[] = [
  task('r1', 'Draw a map of the town.', { stage: 'rejected', reason: { rule: 'blacklisted-word', detail: 'map' } }),
  task('r2', 'Sort the words.', { stage: 'rejected', reason: { rule: 'rouge', score: 0.82, nearest: { id: 'seed_task_3', instruction: 'Sort these words.' } } }),
];

function concat(parts: Iterable<Uint8Array>): Uint8Array<ArrayBuffer> {
  const list = [...parts];
  const whole = new Uint8Array(list.reduce((size, part) => size + part.length, 0));
  let offset = 0;
  for (const part of list) {
    whole.set(part, offset);
    offset += part.length;
  }
  return whole;
}

function parquetBytes(source: ExportRow[]): Uint8Array<ArrayBuffer> {
  return concat(exportFile('parquet', source).chunks as Iterable<Uint8Array>);
}

describe('Parquet', () => {
  it('reads back with hyparquet, text and flags exact, across several row groups', async () => {
    const source = rows(12_000);
    const file = parquetBytes(source);
    const records = await parquetReadObjects({ file: file.buffer });
    expect(records).toHaveLength(12_000);
    expect(records[1]).toEqual({
      instruction: 'Instruction 1', input: 'input "1", with a comma', output: '=output 1\nline two', is_classification: false, task_id: 't1',
      judge_score: null, judge_valid_instruction: null, judge_appropriate_input: null, judge_acceptable_output: null, judge_reason: null, judge_model: null,
    });
    expect(records.filter((record) => record.is_classification)).toHaveLength(3_000);
  });

  it('keeps any text exact: accents, CJK, emoji, a lone surrogate made safe, empty strings', async () => {
    const texts = ['Résumé à Zürich', '把这句话翻译成英文', 'Rate it 👍🏽 or 👎', '', 'bad \ud800 half'];
    const source = texts.map((text, index) => ({ task: task(`t-${text}`, `Explain: ${text}`), instances: [{ input: text, output: text.repeat(index) }], modelId: 'm' }));
    const records = await parquetReadObjects({ file: parquetBytes(source).buffer });
    // A lone surrogate is not Unicode text: UTF-8 carries it as U+FFFD, as TextEncoder does.
    const safe = (text: string) => text.replaceAll('\ud800', '\ufffd');
    expect(records.map(({ input, output, instruction }) => [input, output, instruction])).toEqual(
      texts.map((text, index) => [safe(text), safe(text.repeat(index)), `Explain: ${safe(text)}`]),
    );
  });

  it('comes in one chunk per 2,000-row group, plus the footer', () => {
    expect([...exportFile('parquet', rows(12_000)).chunks]).toHaveLength(7);
  });

  it('with no rows is a valid file with no rows', async () => {
    expect(await parquetReadObjects({ file: parquetBytes([]).buffer })).toEqual([]);
  });
});

describe('exportFiles', () => {
  it('gives the chosen formats, then rejected.jsonl and README.md when asked for', () => {
    const files = exportFiles(rows(2), REJECTED, { formats: ['csv', 'parquet'], includeRejected: true, card: CARD });
    expect(files.map(({ name, mimeType }) => [name, mimeType])).toEqual([
      ['dataset.csv', 'text/csv'],
      ['dataset.parquet', 'application/vnd.apache.parquet'],
      ['rejected.jsonl', 'application/jsonl'],
      ['README.md', 'text/markdown'],
    ]);
  });

  it('gives the accepted data only when rejected candidates are not asked for and there is no card', () => {
    const files = exportFiles(rows(2), REJECTED, { formats: ['alpaca-json'], includeRejected: false });
    expect(files.map((file) => file.name)).toEqual(['alpaca.json']);
  });

  it('writes each rejected candidate with its rule and evidence', () => {
    const [file] = exportFiles([], REJECTED, { formats: [], includeRejected: true });
    const records = [...file!.chunks].join('').trimEnd().split('\n').map((line) => JSON.parse(line) as unknown);
    expect(records).toEqual([
      { id: 'r1', instruction: 'Draw a map of the town.', rule: 'blacklisted-word', detail: 'map', run: 'run-1', created: '1970-01-01T00:00:00.000Z' },
      { id: 'r2', instruction: 'Sort the words.', rule: 'rouge', score: 0.82, nearest: { id: 'seed_task_3', instruction: 'Sort these words.' }, run: 'run-1', created: '1970-01-01T00:00:00.000Z' },
    ]);
  });
});

describe('zipFiles', () => {
  it('holds every file byte for byte, read back with unzipSync', () => {
    const options = { formats: ALL_FORMATS, includeRejected: true, card: CARD };
    const expected = exportFiles(rows(700), REJECTED, options).map((file) => [file.name, concat([...file.chunks].map((chunk) => (typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk)))] as const);
    const unzipped = unzipSync(concat(zipFiles(exportFiles(rows(700), REJECTED, options))));
    expect(Object.keys(unzipped)).toEqual(expected.map(([name]) => name));
    // Buffer.equals: a deep toEqual over hundreds of kilobytes takes seconds.
    for (const [name, bytes] of expected) expect(Buffer.from(unzipped[name]!).equals(bytes), name).toBe(true);
  });

  it('makes a valid archive of an empty export', () => {
    const unzipped = unzipSync(concat(zipFiles(exportFiles([], [], { formats: ['openai-jsonl', 'alpaca-json'], includeRejected: true, card: CARD }))));
    expect(Object.fromEntries(Object.entries(unzipped).map(([name, bytes]) => [name, bytes.length > 0 ? 'some' : 'none']))).toEqual({
      'openai.jsonl': 'none',
      'alpaca.json': 'some',
      'rejected.jsonl': 'none',
      'README.md': 'some',
    });
  });
});

describe('100,000 rows', () => {
  it('exports to every format and zips the lot; the total time and the slowest step are printed, not asserted', () => {
    const source = rows(100_000);
    const started = performance.now();
    let slowest = 0;
    const parts: Uint8Array[] = [];
    let before = performance.now();
    for (const part of zipFiles(exportFiles(source, REJECTED, { formats: ALL_FORMATS, includeRejected: true, card: CARD }))) {
      slowest = Math.max(slowest, performance.now() - before);
      parts.push(part);
      before = performance.now();
    }
    const total = performance.now() - started;
    const zip = concat(parts);
    console.log(`100k rows, 7 formats + rejected + card, zipped: ${total.toFixed(0)} ms, ${(zip.length / 1e6).toFixed(1)} MB, slowest step between pieces ${slowest.toFixed(0)} ms`);
    const unzipped = unzipSync(zip);
    expect(strFromU8(unzipped['openai.jsonl']!).trimEnd().split('\n')).toHaveLength(100_000);
    expect(strFromU8(unzipped['README.md']!)).toContain('| Instances | 100,000 |');
    // A correctness check at scale, not a speed check: room for a loaded CI machine.
  }, 60_000);
});
