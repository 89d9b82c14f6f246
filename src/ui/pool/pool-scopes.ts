import { EVERYTHING_KEPT, SCOPE_LABELS, type ScopeChoice } from '../download-scope';
import type { PoolViewState } from './pool-view-state.svelte';
import { judgedScopeLabel } from '../../lib/download';
import type { QualityScore } from '../../lib/vocabulary';

/**
 * What a download may hold, as the table stands: everything kept, the rows the current filter
 * shows (when one is set), the selection (when there is one), the reviewed rows, or the rows the
 * judge scored `judgedFrom` or more. The download worker keeps the finished tasks among them.
 */
export function poolScopes(view: PoolViewState, judgedFrom: QualityScore): ScopeChoice[] {
  const scopes: ScopeChoice[] = [EVERYTHING_KEPT];
  if (view.filtered) scopes.push({ id: 'filter', label: SCOPE_LABELS.filter, count: view.matching, resolve: () => view.matchingIds() });
  if (view.selection.size > 0) scopes.push({ id: 'selection', label: SCOPE_LABELS.selection, count: view.selection.size, resolve: () => view.selection.ids() });
  // Unfiltered, the reviewed facet counts every kept row that is reviewed.
  const reviewed = view.filtered ? undefined : view.counts?.reviewed.yes;
  scopes.push({ id: 'reviewed', label: SCOPE_LABELS.reviewed, count: reviewed, resolve: () => view.idsWhere({ reviewed: 'yes' }) });
  // Unfiltered, the score facet counts every kept row with a current verdict, by score.
  const judged = view.filtered || !view.counts ? undefined : ([1, 2, 3, 4, 5] as const).filter((score) => score >= judgedFrom).reduce((sum, score) => sum + view.counts!.score[score], 0);
  scopes.push({ id: 'judged', label: judgedScopeLabel(judgedFrom), count: judged, judgedFrom, resolve: async () => undefined });
  return scopes;
}
