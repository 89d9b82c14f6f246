import { parquetMetadata, parquetReadObjects, parquetSchema, type Compressors, type FileMetaData } from 'hyparquet';
import { decompressLz4, decompressLz4Raw, decompressZstd, gunzip } from 'hyparquet-compressors';
import { INPUT_FIELDS, OUTPUT_FIELDS } from './example-row';
import type { ImportProblem, ParseProgress, RowsResult, SeedRow } from './import-result';
import { readRecord } from './read-record';

/**
 * The codecs hyparquet does not read itself, from hyparquet-compressors (its author's package):
 * ZSTD and GZIP are common in Hugging Face's and Spark's files. Snappy stays hyparquet's own, in
 * script: the package's is WebAssembly, which the workers would have to compile for no gain here.
 * Brotli is left out: its dictionary would double this chunk (82 → 172 KB) for a rare codec.
 */
const DECOMPRESSORS: Compressors = {
  GZIP: (input, length) => gunzip(input, new Uint8Array(length)),
  ZSTD: (input) => decompressZstd(input),
  LZ4: decompressLz4,
  LZ4_RAW: decompressLz4Raw,
};

/** The columns a seed task is read from; any other (our download's task_id and judge columns) is never decoded. */
const SEED_COLUMNS = new Set(['instruction', 'instances', ...INPUT_FIELDS, ...OUTPUT_FIELDS, 'is_classification', 'id', 'name']);

/**
 * Seed rows from a Parquet file (hyparquet, loaded only with this module): one row per example
 * with "instruction", "input" and "output" columns, as our own Parquet download and the Alpaca and
 * Dolly files on Hugging Face have them, or one row per task with "instances", a list of
 * {input, output}, as Self-Instruct's seed tasks. Each row is read as the JSON readers read a
 * record, so the same checks and messages apply; `line` is the row's 1-based number. The file is
 * decoded a row group at a time, for progress.
 */
export async function parseParquet(bytes: Uint8Array, onProgress: ParseProgress = () => {}): Promise<RowsResult> {
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(file);
  } catch (error) {
    return unreadable(error);
  }
  const names = parquetSchema(metadata).children.map((child) => child.element.name);
  if (!names.includes('instruction')) {
    return { ok: false, problem: `the Parquet file has no "instruction" column (its columns: ${names.join(', ') || 'none'}); seed tasks are read from "instruction", "input" and "output" columns, or "instruction" and "instances"` };
  }
  const columns = names.filter((name) => SEED_COLUMNS.has(name));
  const total = Number(metadata.num_rows);
  const rows: SeedRow[] = [];
  let rowStart = 0;
  try {
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      const records = await parquetReadObjects({ file, metadata, columns, rowStart, rowEnd, compressors: DECOMPRESSORS });
      for (const [offset, record] of records.entries()) {
        const line = rowStart + offset + 1;
        const fields = readRecord(withoutNulls(record));
        if (typeof fields === 'string') return { ok: false, line, problem: fields };
        rows.push({ line, ...fields });
      }
      rowStart = rowEnd;
      // A file of empty row groups has no rows to count by.
      onProgress(total === 0 ? 1 : rowStart / total);
    }
  } catch (error) {
    return unreadable(error);
  }
  return { ok: true, rows, notes: [] };
}

/** A Parquet null is a missing value, as an absent field is in JSON. */
function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== null && value !== undefined));
}

/** Why hyparquet could not decode the file: a compression it lacks (Brotli, LZO), or damaged bytes. */
function unreadable(error: unknown): ImportProblem {
  const message = error instanceof Error ? error.message : String(error);
  const codec = /unsupported compression codec: (\w+)/.exec(message)?.[1];
  if (codec) return { ok: false, problem: `the Parquet file is compressed with ${codec}, which is not read here; save it with Snappy, ZSTD or GZIP compression (or none), or as JSONL` };
  return { ok: false, problem: `the Parquet file is damaged or cut short (${message}); download or export it again` };
}
