import { EXPORT_FORMATS, exportFile, exportFiles, zipFiles, type Chunk, type ExportFile, type ExportFormat } from '../lib/export';
import { licenceOf } from '../lib/models';
import type { PoolStore } from '../lib/store';
import { downloadFile } from './download-file';
import { errorMessage } from './handle-error';
import { slug } from './slug';

/** Rows per chunk in every writer (src/lib/export/chunks.ts), for the progress estimate. */
const ROWS_PER_CHUNK = 500;

/** The download of a project's dataset: which formats, with what, and how far it has got. */
export class ExportState {
  formats = $state<ExportFormat[]>(['self-instruct-jsonl']);
  includeRejected = $state(false);
  #progress = $state<number | undefined>();
  #error = $state<string | undefined>();

  constructor(
    private readonly store: PoolStore,
    private readonly project: () => { id: string; name: string },
  ) {}

  /** 0..1 while a download is being prepared. */
  get progress() { return this.#progress; }
  get error() { return this.#error; }
  /** One format alone downloads as that file; anything more goes out as a zip with a dataset card. */
  get zipped() { return this.formats.length !== 1 || this.includeRejected; }

  async download(): Promise<void> {
    if (this.#progress !== undefined || this.formats.length === 0) return;
    this.#progress = 0;
    this.#error = undefined;
    try {
      const { id, name } = this.project();
      const [rows, seeds] = await Promise.all([this.store.finishedTasks(id), this.store.seeds(id)]);
      const rejected = this.includeRejected ? await this.store.rejectedTasks(id) : [];
      const expected = Math.max(1, Math.ceil(rows.length / ROWS_PER_CHUNK) * this.formats.length);
      let seen = 0;
      const counted = (file: ExportFile): ExportFile => ({ ...file, chunks: countChunks(file.chunks, () => (this.#progress = Math.min(0.99, ++seen / expected))) });
      if (!this.zipped) {
        const file = counted(exportFile(this.formats[0]!, rows));
        downloadFile(`${slug(name)}-${file.name}`, await drain(file.chunks), file.mimeType);
        return;
      }
      const card = {
        title: name,
        modelLicences: Object.fromEntries(rows.map(({ modelId }) => [modelId, licenceOf(modelId)])),
        settings: { 'ROUGE-L threshold': 0.7 },
        seedCount: seeds.length,
        created: new Date(),
      };
      const files = exportFiles(rows, rejected, { formats: this.formats, includeRejected: this.includeRejected, card }).map(counted);
      downloadFile(`${slug(name)}-dataset.zip`, await drain(zipFiles(files)), 'application/zip');
    } catch (error) {
      this.#error = errorMessage(error);
    } finally {
      this.#progress = undefined;
    }
  }
}

export const FORMAT_CHOICES = Object.entries(EXPORT_FORMATS).map(([id, info]) => ({ id: id as ExportFormat, label: info.label }));

/** Reads every chunk, giving the page a turn between chunks so a large export never freezes it. */
async function drain(chunks: Iterable<Chunk>): Promise<Chunk[]> {
  const parts: Chunk[] = [];
  for (const chunk of chunks) {
    parts.push(chunk);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return parts;
}

function* countChunks(chunks: Iterable<Chunk>, onChunk: () => void): Generator<Chunk> {
  for (const chunk of chunks) {
    onChunk();
    yield chunk;
  }
}
