export { connectWorker, WorkerCrashedError, type WorkerConnection } from './worker-connection';
export { GeneratorClient } from './generator-client';
export { FilterClient } from './filter-client';
export { DownloadClient } from './download-client';
export { ImportClient } from './import-client';
export { PoolViewClient } from './pool-view-client';
export { StatsClient } from './stats-client';
export { ModelRouter } from './model-router';
