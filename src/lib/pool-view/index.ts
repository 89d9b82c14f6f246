// The pool view: one project's tasks held in the pool view worker, searched (word prefixes, any
// case or accent), filtered, counted and sorted there; and the view's place in the URL hash.
export type { PoolRow, RowStatus } from './pool-row';
export type { JudgeStatus, QualityAnswers, RowJudgment } from './row-judgment';
export { DEFAULT_QUERY, type PoolQuery, type RunInfo, type ViewCounts } from './pool-query';
export { viewToHash, viewFromHash, type HashView } from './view-hash';
export { createPoolViewService, type PoolViewApi, type ViewAnswer } from './pool-view-service';
