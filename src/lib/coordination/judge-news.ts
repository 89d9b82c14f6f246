import type { JudgeProgress } from '../run';

/**
 * What a tab that judges tells the others: the tasks it judged, so their tables and counts show
 * the judgments; and, from a judge run, where the run stands, so they show that another tab is
 * judging until it stops. A judgment made while generating comes without `run`.
 */
export interface JudgeNews {
  projectId: string;
  taskIds: string[];
  run?: { status: 'running' | 'paused' | 'finished' | 'failed'; progress: JudgeProgress };
}

export const JUDGE_NEWS = 'self-instruct-studio:judge';
