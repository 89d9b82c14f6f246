export { openStudioDB, type StudioDatabase } from './open-studio-db';
export { PoolStore } from './pool-store';
export { ProjectStore, renumber, type ProjectRows } from './project-store';
export { StorageError, toStorageError } from './storage-error';
export type { Project, StoredSeed } from './schema';
