import type { DownloadClient } from '../lib/clients';
import type { ExportFormat } from '../lib/export';
import { downloadFile } from './download-file';
import { errorMessage } from './handle-error';

/** The download of a project's dataset: which formats, with what, and how far it has got. */
export class DownloadState {
  formats = $state<ExportFormat[]>(['self-instruct-jsonl']);
  includeRejected = $state(false);
  #progress = $state<number | undefined>();
  #error = $state<string | undefined>();

  constructor(
    /** The download worker's client, started on the first download. */
    private readonly downloads: () => DownloadClient,
    private readonly projectId: string,
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
      const request = { projectId: this.projectId, formats: $state.snapshot(this.formats), includeRejected: this.includeRejected };
      const { name, mimeType, blob } = await this.downloads().prepare(request, (fraction) => (this.#progress = fraction));
      downloadFile(name, [blob], mimeType);
    } catch (error) {
      this.#error = errorMessage(error);
    } finally {
      this.#progress = undefined;
    }
  }
}
