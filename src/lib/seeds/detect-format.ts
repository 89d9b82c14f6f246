import type { SeedFormat } from './import-result';
import { firstLine, firstNonBlankLine } from './lines';
import { csvDelimiter } from './parse-csv';

const JSON_EXTENSIONS = new Set(['json', 'jsonl', 'ndjson']);

/**
 * The file's format. A ".csv", ".tsv" or ".txt" extension decides; within the JSON family the
 * content does ("[" starts an array, anything else is read as JSON Lines), since JSONL is often
 * named ".json". Without a known extension: JSON by its first character, CSV by a header naming
 * an "instruction" column, otherwise plain text with one instruction per line.
 */
export function detectFormat(text: string, fileName: string): SeedFormat {
  const extension = /\.([^./\\]+)$/.exec(fileName.toLowerCase())?.[1] ?? '';
  if (extension === 'csv' || extension === 'tsv') return 'csv';
  if (extension === 'txt') return 'text';
  const first = /\S/.exec(text)?.[0];
  if (first === '[') return 'alpaca-json';
  if (first === '{' || JSON_EXTENSIONS.has(extension)) return firstLineHasInstances(text) ? 'self-instruct-jsonl' : 'jsonl';
  return csvDelimiter(firstLine(text)) === undefined ? 'text' : 'csv';
}

function firstLineHasInstances(text: string): boolean {
  try {
    const value: unknown = JSON.parse(firstNonBlankLine(text));
    return typeof value === 'object' && value !== null && 'instances' in value;
  } catch {
    return false;
  }
}
