import { ByteWriter, ParquetWriter, type SchemaElement } from 'hyparquet-writer';
import { batches } from './chunks';
import { instanceRows, type InstanceRow } from './instance-rows';
import { TABLE_COLUMNS } from './table-columns';
import { judgeCells } from './judge-columns';
import type { ExportRow } from '../vocabulary';

/** Rows per row group and per chunk; each group is encoded in one synchronous call (~30 ms). */
const ROWS_PER_GROUP = 2_000;

const text = (name: string, repetition: 'REQUIRED' | 'OPTIONAL' = 'REQUIRED'): SchemaElement => ({ name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: repetition });
const flag = (name: string, repetition: 'REQUIRED' | 'OPTIONAL' = 'REQUIRED'): SchemaElement => ({ name, type: 'BOOLEAN', repetition_type: repetition });

const SCHEMA: SchemaElement[] = [
  { name: 'root', num_children: TABLE_COLUMNS.length },
  text('instruction'),
  text('input'),
  text('output'),
  flag('is_classification'),
  text('task_id'),
  // The judge's: null where no current verdict is.
  { name: 'judge_score', type: 'INT32', repetition_type: 'OPTIONAL' },
  flag('judge_valid_instruction', 'OPTIONAL'),
  flag('judge_appropriate_input', 'OPTIONAL'),
  flag('judge_acceptable_output', 'OPTIONAL'),
  text('judge_reason', 'OPTIONAL'),
  text('judge_model', 'OPTIONAL'),
];

/**
 * The flat table as Parquet (hyparquet-writer, Snappy), one row group per 2,000 instances. The
 * bytes are handed out after each group, so neither the whole table nor the whole file is held.
 */
export function* writeParquet(rows: Iterable<ExportRow>): Generator<Uint8Array<ArrayBuffer>> {
  const writer = new ByteWriter();
  // Min/max statistics of free text help no reader of a training set, and cost a sixth of the time.
  const parquet = new ParquetWriter({ writer, schema: SCHEMA, createdBy: 'Self-Instruct Studio', statistics: false });
  for (const batch of batches(instanceRows(rows), ROWS_PER_GROUP)) {
    parquet.write({ columnData: columns(batch), rowGroupSize: ROWS_PER_GROUP });
    yield takeBytes(writer);
  }
  parquet.finish();
  yield takeBytes(writer);
}

function columns(batch: readonly InstanceRow[]) {
  const judged = batch.map((row) => judgeCells(row.judge, row.index));
  const judgeColumn = <Cell>(i: number) => judged.map((cells) => cells[i] as Cell);
  return [
    // Instructions and task ids repeat across a task's instances, so the writer may pick a
    // dictionary for them; inputs and outputs are free text, where trying one only costs time.
    { name: 'instruction', data: utf8(batch.map((row) => row.instruction)) },
    { name: 'input', data: utf8(batch.map((row) => row.input)), encoding: 'PLAIN' as const },
    { name: 'output', data: utf8(batch.map((row) => row.output)), encoding: 'PLAIN' as const },
    { name: 'is_classification', data: batch.map((row) => row.isClassification) },
    { name: 'task_id', data: utf8(batch.map((row) => row.taskId)) },
    { name: 'judge_score', data: judgeColumn<number | null>(0) },
    { name: 'judge_valid_instruction', data: judgeColumn<boolean | null>(1) },
    { name: 'judge_appropriate_input', data: judgeColumn<boolean | null>(2) },
    { name: 'judge_acceptable_output', data: judgeColumn<boolean | null>(3) },
    { name: 'judge_reason', data: judgeColumn<string | null>(4) },
    { name: 'judge_model', data: judgeColumn<string | null>(5) },
  ];
}

const encoder = new TextEncoder();

/**
 * A column's strings as UTF-8, written one after another into one buffer. The writer would
 * otherwise encode each value into an array of its own: 700k small allocations for 170k rows.
 */
function utf8(values: readonly string[]): Uint8Array[] {
  // A UTF-16 code unit takes at most 3 bytes in UTF-8.
  const buffer = new Uint8Array(values.reduce((size, value) => size + value.length * 3, 0));
  let offset = 0;
  return values.map((value) => {
    const { written } = encoder.encodeInto(value, buffer.subarray(offset));
    return buffer.subarray(offset, (offset += written));
  });
}

/**
 * Hands over what the writer holds and rewinds it. The file's positions live in `offset`, which
 * keeps counting; the library's own file writer rewinds `index` the same way when it flushes
 * (hyparquet-writer src/node.js, `fileWriter`).
 */
function takeBytes(writer: ByteWriter): Uint8Array<ArrayBuffer> {
  const bytes = writer.getBytes().slice();
  writer.index = 0;
  return bytes;
}
