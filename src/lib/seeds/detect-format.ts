import type { TextSeedFormat } from './import-result';
import { firstLine, firstNonBlankLine } from './lines';
import { csvDelimiter } from './parse-csv';
import { isRecord } from './read-record';

const JSON_EXTENSIONS = new Set(['json', 'jsonl', 'ndjson']);
/** ShareGPT's array opens with its first conversation, as our download and most others write it. */
const SHAREGPT_START = /^\s*\[\s*\{\s*"conversations"\s*:/;

/** The kinds of file a seed import reads, for the file picker and for the message that refuses another. */
export const SEED_FILE_EXTENSIONS = ['.jsonl', '.ndjson', '.json', '.csv', '.tsv', '.txt', '.parquet'] as const;

/** "PAR1", with which every Parquet file starts (and ends). */
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31];

/**
 * Whether the bytes are a Parquet file, told by its opening magic bytes whatever the file's name:
 * a Parquet file is binary, so it is told apart before any text decoding would refuse it. One
 * whose end is missing or damaged is still Parquet, and is refused as damaged.
 */
export function isParquet(bytes: Uint8Array): boolean {
  return PARQUET_MAGIC.every((byte, index) => bytes[index] === byte);
}

/**
 * The file's format, or undefined for a file we do not read. A ".csv", ".tsv" or ".txt" extension
 * decides; within the JSON family the content does ("[" starts an array, anything else is read as
 * JSON Lines, whose first record tells which kind), since JSONL is often named ".json". Any other
 * name is read only when its content is unmistakably JSON, or CSV with an "instruction" column:
 * read as plain text, a Markdown file or a program would silently become seed tasks.
 */
export function detectFormat(text: string, fileName: string): TextSeedFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  if (extension === 'csv' || extension === 'tsv') return 'csv';
  if (extension === 'txt') return 'text';
  const first = /\S/.exec(text)?.[0];
  if (first === '[') return SHAREGPT_START.test(text) ? 'sharegpt-json' : 'alpaca-json';
  if (first === '{' || JSON_EXTENSIONS.has(extension)) return jsonLinesFormat(text);
  return csvDelimiter(firstLine(text)) === undefined ? undefined : 'csv';
}

/** Which of the JSON Lines layouts the first record has: a seed task, a chat, a prompt and completion, or an example. */
function jsonLinesFormat(text: string): TextSeedFormat {
  const record = firstRecord(text);
  if (record && 'instances' in record) return 'self-instruct-jsonl';
  if (record && 'instruction' in record) return 'jsonl';
  if (record && 'messages' in record) return 'openai-jsonl';
  if (record && 'prompt' in record) return 'prompt-completion-jsonl';
  return 'jsonl';
}

function firstRecord(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(firstNonBlankLine(text));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
