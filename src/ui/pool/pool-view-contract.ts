// TEMPORARY: the pool view worker's contract (design10.md), until src/lib/pool-view lands on main.
// Then this file goes and its importers import src/lib/pool-view.
import type { RejectionReason } from '../../lib/vocabulary';

export type RowStatus = 'accepted' | 'pending' | 'rejected' | 'deleted';
export interface PoolRow {
  id: string; status: RowStatus; instruction: string;
  isClassification?: boolean; withInput: boolean;
  instances: number; nearestScore?: number;
  length: number;
  strategy: 'self-instruct' | 'alpaca' | 'unknown';
  runId: string; created: number;
  rule?: RejectionReason['rule']; overruled: boolean; edited: boolean; reviewed: boolean;
}
export interface PoolQuery {
  search: string;
  status: RowStatus | 'kept';
  rule: RejectionReason['rule'] | 'any';
  kind: 'any' | 'classification' | 'generation' | 'with-input' | 'without-input';
  run: string;
  edited: 'any' | 'yes' | 'no';
  reviewed: 'any' | 'yes' | 'no';
  sort: 'created' | 'nearest' | 'length';
  order: 'asc' | 'desc';
}
export const DEFAULT_QUERY: PoolQuery = { search: '', status: 'kept', rule: 'any', kind: 'any', run: 'any', edited: 'any', reviewed: 'any', sort: 'created', order: 'desc' };
export interface ViewCounts {
  matching: number;
  status: Record<RowStatus | 'kept', number>;
  rule: Partial<Record<RejectionReason['rule'], number>>;
  kind: Record<PoolQuery['kind'], number>;
  run: Record<string, number>;
  edited: { yes: number; no: number };
  reviewed: { yes: number; no: number };
}
export interface RunInfo { id: string; started: number; modelId: string; strategy: PoolRow['strategy'] }
export interface ViewAnswer { token: number; counts: ViewCounts }
export interface PoolViewApi {
  open(projectId: string): Promise<{ rows: number; runs: RunInfo[] }>;
  sync(taskIds: string[]): Promise<void>;
  syncNewer(): Promise<number>;
  query(query: PoolQuery): Promise<ViewAnswer>;
  rows(token: number, start: number, end: number): Promise<PoolRow[]>;
  ids(token: number): Promise<string[]>;
  newSince(token: number): Promise<number>;
}

export function viewToHash(query: PoolQuery, openId?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== DEFAULT_QUERY[key as keyof PoolQuery]) params.set(key === 'search' ? 'q' : key, value);
  if (openId) params.set('open', openId);
  return params.size ? `#view?${params}` : '#view';
}

export function viewFromHash(hash: string): { query: PoolQuery; openId?: string } | undefined {
  if (!hash.startsWith('#view?') && hash !== '#view') return undefined;
  const params = new URLSearchParams(hash.slice('#view?'.length));
  const query = { ...DEFAULT_QUERY };
  for (const key of Object.keys(DEFAULT_QUERY) as (keyof PoolQuery)[]) {
    const value = params.get(key === 'search' ? 'q' : key);
    if (value !== null) (query as Record<string, string>)[key] = value;
  }
  return { query, openId: params.get('open') ?? undefined };
}
