import { assembleSeeds } from './assemble-seeds';
import { decodeText } from './decode-text';
import { detectFormat } from './detect-format';
import type { ImportResult, ParseProgress, RowsResult, SeedFormat } from './import-result';
import { parseCsv } from './parse-csv';
import { parseJsonArray } from './parse-json-array';
import { parseJsonLines } from './parse-json-lines';
import { parsePastedText } from './parse-pasted-text';

const PARSERS: Record<SeedFormat, (text: string, onProgress: ParseProgress) => RowsResult> = {
  'self-instruct-jsonl': parseJsonLines,
  jsonl: parseJsonLines,
  'alpaca-json': parseJsonArray,
  csv: parseCsv,
  text: parsePastedText,
};

/**
 * Seed tasks from an uploaded file: the Self-Instruct seed file, JSONL or a JSON array of
 * {instruction, input, output}, CSV with such a header, or plain text with one instruction per
 * line. The format comes from the content, with the file name's extension as a hint. All or
 * nothing: the first problem fails the import and names its line.
 */
export function importSeeds(bytes: Uint8Array, fileName: string, onProgress: ParseProgress = () => {}): ImportResult {
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const format = detectFormat(decoded.text, fileName);
  return finish(format, PARSERS[format](decoded.text, onProgress));
}

/** Seed tasks from pasted text, one instruction per line; they have no examples. */
export function importPastedText(text: string, onProgress: ParseProgress = () => {}): ImportResult {
  if (text.trim() === '') return { ok: false, problem: 'there is no text; paste one instruction per line' };
  return finish('text', parsePastedText(text, onProgress));
}

function finish(format: SeedFormat, parsed: RowsResult): ImportResult {
  if (!parsed.ok) return parsed;
  const assembled = assembleSeeds(parsed.rows);
  if (!assembled.ok) return assembled;
  return { ok: true, seeds: assembled.seeds, format, notes: [...parsed.notes, ...assembled.notes] };
}
