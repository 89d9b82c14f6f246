import { EXPORT_FORMATS, exportFile, exportFiles, zipFiles, type Chunk, type ExportFile, type ExportFormat } from '../export';
import { licenceOf } from '../models';
import type { ExportRow, MethodSettings, QualityScore } from '../vocabulary';
import type { PoolStore, ProjectStore, QualityStore } from '../store';
import { cardAudit } from './card-audit';
import { withJudgments } from './judged-rows';

export interface DownloadRequest {
  projectId: string;
  formats: ExportFormat[];
  /** Adds rejected.jsonl, every rejected candidate, whatever the scope. */
  includeRejected: boolean;
  /** Only these tasks, those of them that are finished; absent: every finished task. */
  scope?: { label: string; taskIds: string[] };
  /** Only the tasks (of the scope) with a current verdict of this score or more: "judged ≥ t only". */
  judgedFrom?: QualityScore;
}

export interface PreparedDownload {
  /** The file name, from the project's name: "My-dataset-alpaca.json", "My-dataset-dataset.zip". */
  name: string;
  mimeType: string;
  blob: Blob;
  /** The tasks the dataset files hold (finished, with an instance): 0 means they are empty. */
  tasks: number;
}

/** Rows per chunk in every writer (src/lib/export/chunks.ts), for the progress estimate. */
const ROWS_PER_CHUNK = 500;

/**
 * A project's dataset as one downloadable file, read from the store and written chunk by chunk.
 * One format alone is that format's file; more go out as a zip with the dataset card. A scope
 * keeps its finished tasks, in the dataset's order. Runs in the download worker, so reading and
 * writing 100k rows never holds up the page.
 */
export async function prepareDownload(
  stores: { pool: PoolStore; projects: ProjectStore; quality: QualityStore },
  { projectId, formats, includeRejected, scope, judgedFrom }: DownloadRequest,
  onProgress: (fraction: number) => void,
): Promise<PreparedDownload> {
  const [project, unjudged, judgments, seeds, rejected] = await Promise.all([
    stores.projects.get(projectId),
    stores.pool.finishedTasks(projectId),
    stores.quality.judgments(projectId),
    stores.pool.seeds(projectId),
    // The card's acceptance figure reads them too.
    formats.length > 1 || includeRejected ? stores.pool.rejectedTasks(projectId) : Promise.resolve([]),
  ]);
  const finished = withJudgments(unjudged, judgments);
  const scoped = scope ? rowsIn(finished, scope.taskIds) : finished;
  const rows = judgedFrom === undefined ? scoped : scoped.filter((row) => (row.judge?.verdict.score ?? 0) >= judgedFrom);
  const scopeLabel = judgedFrom === undefined ? scope?.label : [scope?.label, judgedScopeLabel(judgedFrom)].filter(Boolean).join(', ');
  const tasks = rows.reduce((count, row) => count + (row.instances.length > 0 ? 1 : 0), 0);
  const title = project?.name ?? 'dataset';
  const expected = Math.max(1, Math.ceil(rows.length / ROWS_PER_CHUNK) * formats.length);
  let seen = 0;
  let reported = 0;
  // Whole percents only: each report crosses to the page, and a zip has thousands of chunks.
  const step = () => {
    const percent = Math.min(99, Math.floor((++seen / expected) * 100));
    if (percent > reported) onProgress((reported = percent) / 100);
  };
  const counted = (file: ExportFile): ExportFile => ({ ...file, chunks: countChunks(file.chunks, step) });
  if (formats.length === 1 && !includeRejected) {
    const file = counted(exportFile(formats[0]!, rows));
    return { name: `${slug(title)}-${file.name}`, mimeType: file.mimeType, blob: toBlob(file.chunks, file.mimeType), tasks };
  }
  const audit = await cardAudit(stores.quality, projectId, judgments);
  const card = {
    title,
    modelLicences: Object.fromEntries(rows.map(({ modelId }) => [modelId, licenceOf(modelId)])),
    settings: project?.settings ? describeSettings(project.settings) : {},
    seedCount: seeds.length,
    created: new Date(),
    ...(scopeLabel ? { scope: { label: scopeLabel, count: rows.length, total: finished.length } } : {}),
    ...(audit ? { audit } : {}),
    // Loaded here, not imported: the page imports this area for FORMAT_LABELS and slug, and the
    // figures bring the statistics and wink-nlp's model (megabytes) that only this worker needs.
    figures: await (await import('./card-figures')).cardFigures(rows, { seedInstructions: seeds.map((seed) => seed.instruction), rejected, ...(project?.settings ? { tokenizer: project.settings.rougeTokenizer } : {}) }),
  };
  const files = exportFiles(rows, includeRejected ? rejected : [], { formats, includeRejected, card }).map(counted);
  return { name: `${slug(title)}-dataset.zip`, mimeType: 'application/zip', blob: toBlob(zipFiles(files), 'application/zip'), tasks };
}

/** The "judged ≥ t only" rows' name, in the download list and the dataset card. */
export function judgedScopeLabel(judgedFrom: QualityScore): string {
  return `Judged ${judgedFrom} or more only`;
}

function rowsIn(rows: readonly ExportRow[], taskIds: readonly string[]): ExportRow[] {
  const wanted = new Set(taskIds);
  return rows.filter((row) => wanted.has(row.task.id));
}

/** The settings a dataset card reports, in words. */
export function describeSettings(settings: MethodSettings): Record<string, string | number | boolean> {
  return {
    Strategy: settings.strategy === 'alpaca' ? 'Alpaca one-shot tasks' : 'Self-Instruct (instructions, classification, instances)',
    Prompts: settings.promptStyle === 'chat' ? 'chat messages' : 'raw completion',
    Answers: settings.outputMode === 'json' ? 'JSON constrained by a schema' : 'free text',
    'ROUGE-L threshold (reject above)': settings.rougeThreshold,
    'ROUGE-L tokenizer': settings.rougeTokenizer,
    'Instances per task, at most': settings.maxInstances,
  };
}

export const FORMAT_LABELS = Object.entries(EXPORT_FORMATS).map(([id, info]) => ({ id: id as ExportFormat, label: info.label }));

/**
 * About this many bytes to a Blob part. The page's createObjectURL takes time per part: a 95 MB
 * zip of 3,000 chunk-sized parts held the page for 50-80 ms. Joining chunks into parts of a few
 * MB costs a few milliseconds each, here in the worker.
 */
const PART_SIZE = 4 * 2 ** 20;

function toBlob(chunks: Iterable<Chunk>, type: string): Blob {
  const parts: Chunk[] = [];
  let pending: Chunk[] = [];
  let size = 0;
  for (const chunk of chunks) {
    pending.push(chunk);
    size += typeof chunk === 'string' ? chunk.length : chunk.byteLength;
    if (size >= PART_SIZE) {
      parts.push(joinChunks(pending));
      pending = [];
      size = 0;
    }
  }
  if (pending.length > 0) parts.push(joinChunks(pending));
  return new Blob(parts, { type });
}

/** One chunk of the same kind as `chunks` (a file's writer gives text or bytes, never both). */
function joinChunks(chunks: readonly Chunk[]): Chunk {
  if (chunks.every((chunk) => typeof chunk === 'string')) return chunks.join('');
  const bytes = chunks.map((chunk) => (typeof chunk === 'string' ? encoder.encode(chunk) : chunk));
  const joined = new Uint8Array(bytes.reduce((total, part) => total + part.byteLength, 0));
  let offset = 0;
  for (const part of bytes) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
}

const encoder = new TextEncoder();

function* countChunks(chunks: Iterable<Chunk>, onChunk: () => void): Generator<Chunk> {
  for (const chunk of chunks) {
    onChunk();
    yield chunk;
  }
}

/** A project name as a file-name part: letters and digits joined by dashes, e.g. "My-dataset". */
export function slug(name: string): string {
  return name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'dataset';
}
