export { openStudioDB, type StudioDatabase } from './open-studio-db';
export { PoolStore, type TaskWithInstances } from './pool-store';
export { StorageError, toStorageError, type StorageProblem } from './storage-error';
export type { Project } from './schema';
