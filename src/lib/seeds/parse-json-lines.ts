import type { RowFields } from './example-row';
import type { ImportProblem, ParseProgress, RowsResult, SeedRow } from './import-result';
import { splitLines } from './lines';
import { readRecord } from './read-record';

/** The task one parsed line holds, or what is wrong with it. */
export type RecordReader = (value: unknown) => RowFields | string;

/**
 * One JSON object per line, blank lines skipped, each read by `read`: by default the Self-Instruct
 * seed file, or JSONL of {instruction, input, output}. The first bad line fails the whole file,
 * named by its number.
 */
export function parseJsonLines(text: string, onProgress: ParseProgress = () => {}, read: RecordReader = readRecord): RowsResult {
  const rows: SeedRow[] = [];
  const lines = splitLines(text);
  for (const [index, line] of lines.entries()) {
    onProgress(index / lines.length);
    if (line.trim() === '') continue;
    const fields = readLine(line, read);
    if (typeof fields === 'string') return rows.length === 0 ? firstLineProblem(text, index + 1, fields) : { ok: false, line: index + 1, problem: fields };
    rows.push({ line: index + 1, ...fields });
  }
  return { ok: true, rows, notes: [] };
}

function readLine(line: string, read: RecordReader): RowFields | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return 'not valid JSON';
  }
  return read(value);
}

/** A pretty-printed JSON object fails on its first line; say what the file is instead. */
function firstLineProblem(text: string, line: number, problem: string): ImportProblem {
  if (problem === 'not valid JSON' && isJsonObject(text)) {
    return { ok: false, line, problem: 'the file is a single JSON object; expected one JSON object per line, or a JSON array of tasks' };
  }
  return { ok: false, line, problem };
}

function isJsonObject(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
