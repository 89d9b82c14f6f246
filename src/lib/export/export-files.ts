import type { ExportRow, Task } from '../vocabulary';
import { writeAlpacaJson } from './alpaca-json';
import { countDataset } from './count-dataset';
import { writeCsv } from './csv';
import { datasetCard, type CardFile } from './dataset-card';
import { EXPORT_FORMATS, type ExportFormat } from './formats';
import { writeOpenAiJsonl } from './openai-jsonl';
import { writeParquet } from './parquet';
import { writePromptCompletionJsonl } from './prompt-completion-jsonl';
import { writeRejectedJsonl } from './rejected-jsonl';
import { writeSelfInstructJsonl } from './self-instruct-jsonl';
import { writeShareGptJson } from './sharegpt-json';
import type { Chunk, DatasetCardInfo, ExportFile } from './types';

export interface FormatOptions {
  /** The system message of the OpenAI format; none when empty. */
  systemPrompt?: string;
}

export interface ExportOptions extends FormatOptions {
  formats: readonly ExportFormat[];
  /** Adds rejected.jsonl: every rejected candidate with its rule and evidence. */
  includeRejected: boolean;
  /** Adds README.md, the dataset card. */
  card?: DatasetCardInfo;
}

const REJECTED: CardFile = {
  name: 'rejected.jsonl',
  about: 'the rejected candidates, one per line: instruction, rule, and the rule’s detail or the ROUGE-L score and nearest instruction.',
};

const README: CardFile = { name: 'README.md', about: 'this card.' };

/** One format on its own, e.g. for a download without a zip. */
export function exportFile(format: ExportFormat, rows: Iterable<ExportRow>, options: FormatOptions = {}): ExportFile {
  const { fileName, mimeType } = EXPORT_FORMATS[format];
  return { name: fileName, mimeType, chunks: write(format, rows, options) };
}

/**
 * The files of one export: each chosen format, then rejected.jsonl when asked for, then the card.
 * `rows` and `rejected` are arrays because each file reads them afresh. Nothing is written until a
 * file's chunks are read, except the card, which needs only counts.
 */
export function exportFiles(rows: readonly ExportRow[], rejected: readonly Task[], options: ExportOptions): ExportFile[] {
  const files = options.formats.map((format) => exportFile(format, rows, options));
  if (options.includeRejected) files.push({ name: REJECTED.name, mimeType: 'application/jsonl', chunks: writeRejectedJsonl(rejected) });
  if (options.card) {
    const charts = options.card.figures?.charts ?? [];
    for (const { name, svg } of charts) files.push({ name, mimeType: 'image/svg+xml', chunks: [svg] });
    const listed = [...options.formats.map(cardEntry), ...(options.includeRejected ? [REJECTED] : []), ...charts, README];
    files.push({ name: README.name, mimeType: 'text/markdown', chunks: [datasetCard(options.card, countDataset(rows, rejected), listed)] });
  }
  return files;
}

function cardEntry(format: ExportFormat): CardFile {
  return { name: EXPORT_FORMATS[format].fileName, about: EXPORT_FORMATS[format].about };
}

function write(format: ExportFormat, rows: Iterable<ExportRow>, { systemPrompt }: FormatOptions): Iterable<Chunk> {
  switch (format) {
    case 'self-instruct-jsonl':
      return writeSelfInstructJsonl(rows);
    case 'alpaca-json':
      return writeAlpacaJson(rows);
    case 'sharegpt-json':
      return writeShareGptJson(rows);
    case 'openai-jsonl':
      return writeOpenAiJsonl(rows, systemPrompt);
    case 'csv':
      return writeCsv(rows);
    case 'parquet':
      return writeParquet(rows);
    case 'prompt-completion-jsonl':
      return writePromptCompletionJsonl(rows);
  }
}
