export { createDownloadService, type DownloadApi } from './download-service';
export { FORMAT_LABELS, judgedScopeLabel, slug, type DownloadRequest, type PreparedDownload } from './prepare-download';
