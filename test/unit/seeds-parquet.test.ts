// Parquet seed files, built here with hyparquet-writer: Alpaca-like columns, Self-Instruct's nested
// "instances", and the files that are refused (no usable columns, damaged bytes, another codec, too big).
// Our own Parquet download read back is in seeds-round-trip.test.ts.
import { gzipSync } from 'node:zlib';
import { parquetWriteBuffer, type ColumnSource } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { isParquet } from '../../src/lib/seeds/detect-format';
import { MAX_IMPORT_BYTES } from '../../src/lib/seeds/decode-text';
import type { ImportResult } from '../../src/lib/seeds/import-result';
import { importSeeds } from '../../src/lib/seeds/import-seeds';

const parquet = (columnData: ColumnSource[], options: Partial<Parameters<typeof parquetWriteBuffer>[0]> = {}) =>
  new Uint8Array(parquetWriteBuffer({ columnData, ...options }));
const text = (name: string, data: (string | null)[]): ColumnSource => ({ name, data, type: 'STRING' });

function imported(result: ImportResult) {
  if (!result.ok) throw new Error(`import failed: ${result.problem}`);
  return result;
}

function refused(result: ImportResult) {
  if (result.ok) throw new Error('the file was imported');
  // A clause: the page ends the sentence and adds "Nothing was changed."
  expect(result.problem).not.toMatch(/[.!?]$/);
  return result;
}

const ALPACA_LIKE = parquet([
  text('instruction', ['Name a bird.', 'Sort the words.', 'Sort the words.', 'Write a motto.']),
  text('input', ['', 'pear apple', 'b a', null]),
  text('output', ['Robin.', 'apple pear', 'a b', 'Measure twice.']),
  { name: 'is_classification', data: [false, true, true, false], type: 'BOOLEAN' },
  text('source', ['x', 'y', 'z', 'w']),
]);

describe('a Parquet file of examples', () => {
  it('is told by its magic bytes, whatever its name', async () => {
    expect(isParquet(ALPACA_LIKE)).toBe(true);
    expect(isParquet(new TextEncoder().encode('PAR'))).toBe(false);
    expect(imported(await importSeeds(ALPACA_LIKE, 'train-00000-of-00001')).format).toBe('parquet');
  });

  it('reads instruction, input and output, combines repeated instructions, keeps the classification mark, and a null input is empty', async () => {
    const result = imported(await importSeeds(ALPACA_LIKE, 'train.parquet'));
    expect(result.seeds.map(({ instruction, instances, isClassification }) => ({ instruction, instances, isClassification }))).toEqual([
      { instruction: 'Name a bird.', instances: [{ input: '', output: 'Robin.' }], isClassification: false },
      { instruction: 'Sort the words.', instances: [{ input: 'pear apple', output: 'apple pear' }, { input: 'b a', output: 'a b' }], isClassification: true },
      { instruction: 'Write a motto.', instances: [{ input: '', output: 'Measure twice.' }], isClassification: false },
    ]);
    expect(result.notes[0]).toContain('4 entries became 3 seed tasks');
  });

  it('reads Dolly’s "context" and "response" columns', async () => {
    const dolly = parquet([text('instruction', ['Summarize the passage.']), text('context', ['A long passage.']), text('response', ['A summary.']), text('category', ['summarization'])]);
    expect(imported(await importSeeds(dolly, 'dolly.parquet')).seeds[0]!.instances).toEqual([{ input: 'A long passage.', output: 'A summary.' }]);
  });

  it('reports progress up to the whole file, a row group at a time', async () => {
    const many = Array.from({ length: 2_500 }, (_, index) => `Task ${index}.`);
    const file = parquet([text('instruction', many)], { rowGroupSize: 1_000 });
    const fractions: number[] = [];
    expect(imported(await importSeeds(file, 'many.parquet', (fraction) => fractions.push(fraction))).seeds).toHaveLength(2_500);
    expect(fractions).toEqual([0.4, 0.8, 1]);
  });
});

describe('a Parquet file of Self-Instruct tasks', () => {
  it('reads "instances", a list of {input, output}, with ids, names and the classification mark', async () => {
    const file = parquet([
      { name: 'id', data: ['seed_task_0', 'seed_task_1'] },
      { name: 'name', data: ['breakfast_suggestion', 'antonym'] },
      { name: 'instruction', data: ['Suggest a breakfast.', 'Give the antonym.'] },
      { name: 'instances', data: [[{ input: '', output: 'Oatmeal.' }], [{ input: 'hot', output: 'cold' }, { input: 'up', output: 'down' }]] },
      { name: 'is_classification', data: [false, true] },
    ], {
      schema: [
        { name: 'root', num_children: 5 },
        { name: 'id', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
        { name: 'name', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
        { name: 'instruction', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
        { name: 'instances', repetition_type: 'OPTIONAL', converted_type: 'LIST', num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', repetition_type: 'OPTIONAL', num_children: 2 },
        { name: 'input', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
        { name: 'output', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
        { name: 'is_classification', type: 'BOOLEAN', repetition_type: 'REQUIRED' },
      ],
    });
    expect(imported(await importSeeds(file, 'seed_tasks.parquet')).seeds).toEqual([
      { id: 'seed_task_0', name: 'breakfast_suggestion', instruction: 'Suggest a breakfast.', instances: [{ input: '', output: 'Oatmeal.' }], isClassification: false },
      { id: 'seed_task_1', name: 'antonym', instruction: 'Give the antonym.', instances: [{ input: 'hot', output: 'cold' }, { input: 'up', output: 'down' }], isClassification: true },
    ]);
  });
});

describe('a Parquet file that is refused', () => {
  it('without an "instruction" column, naming the columns it has', async () => {
    const file = parquet([text('prompt', ['Name a bird.']), text('answer', ['Robin.'])]);
    expect(refused(await importSeeds(file, 'chat.parquet')).problem).toBe(
      'the Parquet file has no "instruction" column (its columns: prompt, answer); seed tasks are read from "instruction", "input" and "output" columns, or "instruction" and "instances"',
    );
  });

  it('with an empty instruction, naming its row', async () => {
    const file = parquet([text('instruction', ['Name a bird.', '  ']), text('output', ['Robin.', 'Trout.'])]);
    const result = refused(await importSeeds(file, 'data.parquet'));
    expect(result).toEqual({ ok: false, problem: 'row 2 of the table: "instruction" must be a non-empty string' });
  });

  it('with an input that is not text', async () => {
    const file = parquet([text('instruction', ['Add one.']), { name: 'input', data: [41], type: 'INT32' }, text('output', ['42'])]);
    expect(refused(await importSeeds(file, 'data.parquet')).problem).toBe('row 1 of the table: "input" must be text');
  });

  it('cut short', async () => {
    const result = refused(await importSeeds(ALPACA_LIKE.slice(0, ALPACA_LIKE.length - 10), 'train.parquet'));
    expect(result.problem).toMatch(/^the Parquet file is damaged or cut short \(.+\); download or export it again$/);
  });

  it('with damaged data pages', async () => {
    const damaged = ALPACA_LIKE.slice();
    // The column data follows the 4-byte magic; the footer, at the end, still reads.
    damaged.fill(0xff, 4, 80);
    expect(refused(await importSeeds(damaged, 'train.parquet')).problem).toContain('the Parquet file is damaged or cut short');
  });

  it('compressed with LZO, which nothing here reads, saying which and what to do', async () => {
    const file = parquet([text('instruction', ['Name a bird.'])], { codec: 'LZO', compressors: { LZO: (bytes: Uint8Array) => bytes } });
    expect(refused(await importSeeds(file, 'lzo.parquet')).problem).toBe(
      'the Parquet file is compressed with LZO, which is not read here; save it with Snappy, ZSTD or GZIP compression (or none), or as JSONL',
    );
  });

  it('named ".parquet" but not Parquet at all', async () => {
    const page = new TextEncoder().encode('<!doctype html><title>Not found</title>');
    expect(refused(await importSeeds(page, 'train.parquet')).problem).toBe('the file is named ".parquet" but is not a Parquet file (it does not start with "PAR1"); download or export it again');
    expect(await importSeeds(new Uint8Array(), 'empty.parquet')).toEqual({ ok: false, problem: 'the file is empty' });
  });

  it('over the size limit, before reading it', async () => {
    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1);
    huge.set(ALPACA_LIKE.subarray(0, 4));
    expect(await importSeeds(huge, 'huge.parquet')).toMatchObject({ ok: false, problem: expect.stringContaining('over the 25 MB limit') });
  });
});

/**
 * A Zstandard frame of raw (stored) blocks (RFC 8878 §3.1): what a ZSTD compressor may write for
 * data it cannot shrink, and enough to show the file's ZSTD pages reach the decompressor.
 */
function zstdStored(bytes: Uint8Array): Uint8Array {
  const BLOCK = 1 << 17;
  const blocks = Math.max(1, Math.ceil(bytes.length / BLOCK));
  const out = new Uint8Array(4 + 1 + 4 + blocks * 3 + bytes.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0xfd2fb528, true);
  // Frame header: a single segment, the content size in 4 bytes, no checksum, no dictionary.
  out[4] = 0xa0;
  view.setUint32(5, bytes.length, true);
  let at = 9;
  for (let block = 0; block < blocks; block++) {
    const part = bytes.subarray(block * BLOCK, (block + 1) * BLOCK);
    const header = (part.length << 3) | (0 << 1) | (block === blocks - 1 ? 1 : 0);
    out.set([header & 0xff, (header >> 8) & 0xff, (header >> 16) & 0xff], at);
    out.set(part, at + 3);
    at += 3 + part.length;
  }
  return out;
}

describe('a Parquet file compressed with GZIP or ZSTD, as many on Hugging Face and from Spark are', () => {
  const columns = () => [text('instruction', ['Name a bird.', 'Sort the words.']), text('input', ['', 'pear apple']), text('output', ['Robin.', 'apple pear'])];

  it.each([
    ['GZIP', (bytes: Uint8Array) => new Uint8Array(gzipSync(bytes))],
    ['ZSTD', zstdStored],
  ] as const)('%s: reads the same rows as an uncompressed file', async (codec, compress) => {
    const file = parquet(columns(), { codec, compressors: { [codec]: compress } });
    const plain = parquet(columns(), { codec: 'UNCOMPRESSED' });
    const read = imported(await importSeeds(file, `${codec}.parquet`));
    expect(read.seeds.map((task) => [task.instruction, task.instances])).toEqual(imported(await importSeeds(plain, 'plain.parquet')).seeds.map((task) => [task.instruction, task.instances]));
    expect(read.seeds.map((task) => task.instruction)).toEqual(['Name a bird.', 'Sort the words.']);
  });
});
