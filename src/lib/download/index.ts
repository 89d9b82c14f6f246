export { createDownloadService, type DownloadApi } from './download-service';
export { describeSettings, FORMAT_LABELS, prepareDownload, slug, type DownloadRequest, type PreparedDownload } from './prepare-download';
