// The export worker reads a project from IndexedDB and writes its dataset files, so a download of
// 100k rows never holds up the page.
import { expose } from 'comlink';
import { createDownloadService, type DownloadApi } from '../src/lib/download';
import { releaseCallback } from './release-callback';

const service = createDownloadService();

const api: DownloadApi = {
  prepare: (request, onProgress) => service.prepare(request, onProgress).finally(() => releaseCallback(onProgress)),
};

expose(api);
