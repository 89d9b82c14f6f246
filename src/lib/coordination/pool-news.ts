import type { NoveltyChanges } from '../vocabulary';

/**
 * What a tab tells the others after a person changed a project's pool (an action or its undo):
 * each holds its own table and ROUGE-L index, and one of them may be running the loop, which must
 * stop comparing new candidates with a task deleted here.
 */
export interface PoolNews {
  projectId: string;
  taskIds: string[];
  novelty: NoveltyChanges;
}

export const POOL_NEWS = 'self-instruct-studio:pool';
