import type { PoolQuery, PoolRow, PoolViewApi, RunInfo, ViewAnswer } from '../pool-view';
import type { JudgeCounts } from '../store';
import type { CurationAction, CurationResult, UndoSummary } from '../vocabulary';
import type { WorkerConnection } from './worker-connection';

/** The page's side of the pool view worker: the table asks it for counts and windows of rows. */
export class PoolViewClient implements PoolViewApi {
  constructor(private readonly connection: WorkerConnection<PoolViewApi>) {}

  open(projectId: string): Promise<{ rows: number; runs: RunInfo[] }> {
    return this.connection.guard(this.connection.remote.open(projectId));
  }

  sync(taskIds: string[]): Promise<void> {
    return this.connection.guard(this.connection.remote.sync(taskIds));
  }

  judged(taskIds: string[]): Promise<void> {
    return this.connection.guard(this.connection.remote.judged(taskIds));
  }

  syncNewer(): Promise<number> {
    return this.connection.guard(this.connection.remote.syncNewer());
  }

  query(query: PoolQuery): Promise<ViewAnswer> {
    return this.connection.guard(this.connection.remote.query(query));
  }

  rows(token: number, start: number, end: number): Promise<PoolRow[]> {
    return this.connection.guard(this.connection.remote.rows(token, start, end));
  }

  ids(token: number): Promise<string[]> {
    return this.connection.guard(this.connection.remote.ids(token));
  }

  newSince(token: number): Promise<number> {
    return this.connection.guard(this.connection.remote.newSince(token));
  }

  apply(projectId: string, action: CurationAction): Promise<CurationResult | undefined> {
    return this.connection.guard(this.connection.remote.apply(projectId, action));
  }

  undo(projectId: string): Promise<CurationResult | undefined> {
    return this.connection.guard(this.connection.remote.undo(projectId));
  }

  history(projectId: string): Promise<UndoSummary[]> {
    return this.connection.guard(this.connection.remote.history(projectId));
  }

  judgeCounts(projectId: string): Promise<JudgeCounts> {
    return this.connection.guard(this.connection.remote.judgeCounts(projectId));
  }
}
