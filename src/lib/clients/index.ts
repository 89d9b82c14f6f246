export { connectWorker, WorkerCrashedError, type WorkerConnection } from './worker-connection';
export { GeneratorClient, type GeneratorApi } from './generator-client';
export { FilterClient, type FilterApi, type ReplayQuestion } from './filter-client';
export { DownloadClient } from './download-client';
