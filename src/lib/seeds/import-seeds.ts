import { assembleSeeds } from './assemble-seeds';
import { decodeText, sizeProblem } from './decode-text';
import { detectFormat, isParquet, SEED_FILE_EXTENSIONS } from './detect-format';
import type { ImportResult, ParseProgress, RowsResult, SeedFormat, TextSeedFormat } from './import-result';
import { parseCsv } from './parse-csv';
import { parseJsonArray } from './parse-json-array';
import { parseJsonLines } from './parse-json-lines';
import { parsePastedText } from './parse-pasted-text';
import { readChatRecord, readShareGptRecord } from './read-chat-record';
import { readPromptRecord } from './read-prompt-record';

const PARSERS: Record<TextSeedFormat, (text: string, onProgress: ParseProgress) => RowsResult> = {
  'self-instruct-jsonl': parseJsonLines,
  jsonl: parseJsonLines,
  'openai-jsonl': (text, onProgress) => parseJsonLines(text, onProgress, readChatRecord),
  'prompt-completion-jsonl': (text, onProgress) => parseJsonLines(text, onProgress, readPromptRecord),
  'alpaca-json': parseJsonArray,
  'sharegpt-json': (text, onProgress) => parseJsonArray(text, onProgress, readShareGptRecord),
  csv: parseCsv,
  text: parsePastedText,
};

/**
 * Seed tasks from an uploaded file: the Self-Instruct seed file, JSONL or a JSON array of
 * {instruction, input, output}, OpenAI chat or prompt/completion JSONL and ShareGPT JSON (as our
 * downloads write them), CSV with an "instruction" header, Parquet with "instruction", "input"
 * and "output" columns (or "instances"), or plain text with one instruction per line. The format
 * comes from the content, with the file name's extension as a hint; a file of another kind is
 * refused. All or nothing: the first problem fails the import and names its line (a Parquet
 * file's row, in the problem's words).
 */
export async function importSeeds(bytes: Uint8Array, fileName: string, onProgress: ParseProgress = () => {}): Promise<ImportResult> {
  if (isParquet(bytes)) return importParquet(bytes, onProgress);
  // Read as text, a web page saved under a ".parquet" name would be refused for its name's sake.
  if (/\.parquet$/i.test(fileName)) {
    return sizeProblem(bytes.length) ?? { ok: false, problem: 'the file is named ".parquet" but is not a Parquet file (it does not start with "PAR1"); download or export it again' };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return decoded;
  const format = detectFormat(decoded.text, fileName);
  if (!format) return { ok: false, problem: `this is not a kind of file that seed tasks are read from; import a ${listed(SEED_FILE_EXTENSIONS)} file, or paste the instructions` };
  return finish(format, PARSERS[format](decoded.text, onProgress));
}

/** Parquet's reader and hyparquet load only when a Parquet file comes, so no other import carries them. */
async function importParquet(bytes: Uint8Array, onProgress: ParseProgress): Promise<ImportResult> {
  const tooBig = sizeProblem(bytes.length);
  if (tooBig) return tooBig;
  const { parseParquet } = await import('./parse-parquet');
  const result = finish('parquet', await parseParquet(bytes, onProgress));
  // A table has rows, not lines: the row is named in the problem instead.
  if (result.ok || result.line === undefined) return result;
  return { ok: false, problem: `row ${result.line} of the table: ${result.problem}` };
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

/** "a, b or c" */
function listed(items: readonly string[]): string {
  return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
