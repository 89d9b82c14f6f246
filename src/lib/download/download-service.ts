import { openStudioDB, PoolStore, ProjectStore, QualityStore, type StudioDatabase } from '../store';
import { prepareDownload, type DownloadRequest, type PreparedDownload } from './prepare-download';

/** The verbs the download worker serves (workers/download.worker.ts). */
export interface DownloadApi {
  prepare(request: DownloadRequest, onProgress: (fraction: number) => void): Promise<PreparedDownload>;
}

/** What the download worker serves: downloads prepared from its own connection to the database. */
export function createDownloadService(open: () => Promise<StudioDatabase> = () => openStudioDB()): DownloadApi {
  let db: Promise<StudioDatabase> | undefined;
  return {
    async prepare(request, onProgress) {
      db ??= open();
      const connection = await db;
      return prepareDownload({ pool: new PoolStore(connection), projects: new ProjectStore(connection), quality: new QualityStore(connection) }, request, onProgress);
    },
  };
}
