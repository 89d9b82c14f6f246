import type { ParseProgress, RowsResult, SeedRow } from './import-result';
import { arrayItemLines } from './json-item-lines';
import { lineAt } from './lines';
import { readRecord } from './read-record';
import type { RecordReader } from './parse-json-lines';

/**
 * A JSON array of tasks: Alpaca's {instruction, input, output}, or Self-Instruct seed tasks (or,
 * with another `read`, ShareGPT conversations). JSON.parse reads the whole text at once, so
 * progress starts with the items it made.
 */
export function parseJsonArray(text: string, onProgress: ParseProgress = () => {}, read: RecordReader = readRecord): RowsResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `not valid JSON (${message})`, line: syntaxErrorLine(message, text) };
  }
  if (!Array.isArray(value)) return { ok: false, line: 1, problem: 'expected a JSON array of {"instruction", "input", "output"} objects' };
  const lines = arrayItemLines(text);
  const rows: SeedRow[] = [];
  for (const [index, item] of value.entries()) {
    onProgress(index / value.length);
    const fields = read(item);
    const line = lines[index] ?? 1;
    if (typeof fields === 'string') return { ok: false, line, problem: `item ${index + 1}: ${fields}` };
    rows.push({ line, ...fields });
  }
  return { ok: true, rows, notes: [] };
}

/**
 * Engines word JSON.parse errors differently: Firefox and newer V8 give "line 3 column 5", older
 * V8 "at position 42", Safari neither. Read whichever is there.
 */
function syntaxErrorLine(message: string, text: string): number | undefined {
  const line = /\bline (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /\bposition (\d+)/.exec(message);
  return position ? lineAt(text, Number(position[1])) : undefined;
}
