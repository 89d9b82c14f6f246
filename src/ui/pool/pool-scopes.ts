import { EVERYTHING_KEPT, SCOPE_LABELS, type ScopeChoice } from '../download-scope';
import type { PoolViewState } from './pool-view-state.svelte';

/**
 * What a download may hold, as the table stands: everything kept, the rows the current filter
 * shows (when one is set), the selection (when there is one), or the reviewed rows. The download
 * worker keeps the finished tasks among them.
 */
export function poolScopes(view: PoolViewState): ScopeChoice[] {
  const scopes: ScopeChoice[] = [EVERYTHING_KEPT];
  if (view.filtered) scopes.push({ id: 'filter', label: SCOPE_LABELS.filter, count: view.matching, resolve: () => view.matchingIds() });
  if (view.selection.size > 0) scopes.push({ id: 'selection', label: SCOPE_LABELS.selection, count: view.selection.size, resolve: () => view.selection.ids() });
  // Unfiltered, the reviewed facet counts every kept row that is reviewed.
  const reviewed = view.filtered ? undefined : view.counts?.reviewed.yes;
  scopes.push({ id: 'reviewed', label: SCOPE_LABELS.reviewed, count: reviewed, resolve: () => view.idsWhere({ reviewed: 'yes' }) });
  return scopes;
}
