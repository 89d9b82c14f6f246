import type { DownloadClient } from '../lib/clients';
import type { DownloadRequest } from '../lib/download';
import type { ExportFormat } from '../lib/export';
import { downloadFile } from './download-file';
import { EVERYTHING_KEPT, type ScopeChoice } from './download-scope';
import { errorMessage } from './handle-error';
import type { QualityScore } from '../lib/vocabulary';

/** The download of a project's dataset: which formats, which rows, with what, and how far it has got. */
export class DownloadState {
  formats = $state<ExportFormat[]>(['self-instruct-jsonl']);
  includeRejected = $state(false);
  /** The chosen "Rows to download". */
  scope = $state<ScopeChoice['id']>('kept');
  /** The lowest judge's score of "Judged t or more only". */
  judgedFrom = $state<QualityScore>(4);
  #progress = $state<number | undefined>();
  #error = $state<string | undefined>();
  #notice = $state<string | undefined>();

  constructor(
    /** The download worker's client, started on the first download. */
    private readonly downloads: () => DownloadClient,
    private readonly projectId: string,
  ) {}

  /** 0..1 while a download is being prepared. */
  get progress() { return this.#progress; }
  get error() { return this.#error; }
  /** Why the last download saved no file, when it had nothing to hold. */
  get notice() { return this.#notice; }
  /** One format alone downloads as that file; anything more goes out as a zip with a dataset card. */
  get zipped() { return this.formats.length !== 1 || this.includeRejected; }

  /** Downloads the rows of `choice`, its ids read now; says so, and saves nothing, when it holds no finished task. */
  async download(choice: ScopeChoice = EVERYTHING_KEPT): Promise<void> {
    if (this.#progress !== undefined || this.formats.length === 0) return;
    this.#progress = 0;
    this.#error = undefined;
    this.#notice = undefined;
    try {
      const taskIds = await choice.resolve();
      if (taskIds?.length === 0) {
        this.#notice = `Nothing to download: “${choice.label}” holds no rows.`;
        return;
      }
      const request: DownloadRequest = {
        projectId: this.projectId,
        formats: $state.snapshot(this.formats),
        includeRejected: this.includeRejected,
        ...(taskIds ? { scope: { label: choice.label, taskIds } } : {}),
        ...(choice.judgedFrom === undefined ? {} : { judgedFrom: choice.judgedFrom }),
      };
      const { name, mimeType, blob, tasks } = await this.downloads().prepare(request, (fraction) => (this.#progress = fraction));
      if (tasks === 0) this.#notice = `Nothing to download: “${choice.label}” holds no finished task with instances.`;
      else downloadFile(name, [blob], mimeType);
    } catch (error) {
      this.#error = errorMessage(error);
    } finally {
      this.#progress = undefined;
    }
  }
}
