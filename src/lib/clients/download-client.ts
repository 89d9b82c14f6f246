import { proxy } from 'comlink';
import type { DownloadApi, DownloadRequest, PreparedDownload } from '../download';
import type { WorkerConnection } from './worker-connection';

/** The page's side of the download worker. */
export class DownloadClient {
  constructor(private readonly connection: WorkerConnection<DownloadApi>) {}

  prepare(request: DownloadRequest, onProgress: (fraction: number) => void): Promise<PreparedDownload> {
    return this.connection.guard(this.connection.remote.prepare(request, proxy(onProgress)));
  }
}
