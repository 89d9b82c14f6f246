export { openStudioDB, type StudioDatabase } from './open-studio-db';
export { CurationStore, UNDO_STEPS_KEPT, type AppliedCuration } from './curation-store';
export { PoolStore, type TaskDetail } from './pool-store';
export { ProjectStore, type ProjectRows } from './project-store';
export { StorageError } from './storage-error';
export type { Project, StoredSeed } from './schema';
export { denseRange } from './dense-range';
export { projectTrash } from './trash';
export { readTaskStates, type ReadTaskStates } from './task-states';
