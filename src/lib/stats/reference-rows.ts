import { importSeeds, sizeProblem } from '../seeds';
import type { ExportRow } from '../vocabulary';

/** A reference dataset's tasks as the statistics read them, or why the file cannot be read (a sentence saying what to do). */
export type ReferenceRows = { ok: true; rows: ExportRow[] } | { ok: false; problem: string };

/**
 * The tasks of a reference dataset file, read by the seeds' readers (Self-Instruct's data JSONL,
 * Alpaca JSON, ShareGPT JSON, OpenAI JSONL, CSV, Parquet, plain text): the same formats, checks and
 * messages as a seed import, so a malformed or oversized file is refused with its reason.
 * Nothing is stored.
 */
export async function referenceRows(file: Blob, fileName: string): Promise<ReferenceRows> {
  // Checked before reading, so a file of gigabytes is never loaded into memory.
  const refused = sizeProblem(file.size) ?? undefined;
  const read = refused ?? (await importSeeds(new Uint8Array(await file.arrayBuffer()), fileName));
  if (!read.ok) return { ok: false, problem: `${fileName} cannot be compared: ${read.problem}${read.line ? ` (line ${read.line})` : ''}.` };
  const rows = read.seeds.map(({ instruction, isClassification, instances }, index) => ({
    task: { id: `reference-${index}`, runId: 'reference', instruction, isClassification, created: index },
    instances,
    modelId: 'reference',
  }));
  return { ok: true, rows };
}
