// PoolSelection (src/ui/pool/pool-selection.svelte.ts): rows picked one by one or "all N matching"
// less the rows unpicked, what each status counts, and the ids a bulk action gets.
import { expect, test } from 'vitest';
import { PoolSelection, type SelectionSource } from '../../src/ui/pool/pool-selection.svelte';
import { DEFAULT_QUERY, type PoolQuery, type ViewCounts } from '../../src/lib/pool-view';
import { poolRow } from '../helpers/fake-pool-view';

function source(query: Partial<PoolQuery>, status: Partial<ViewCounts['status']>, matching: number): SelectionSource {
  return {
    query: { ...DEFAULT_QUERY, ...query },
    counts: { matching, status: { kept: 0, accepted: 0, pending: 0, rejected: 0, deleted: 0, ...status } } as ViewCounts,
    matchingIds: async () => ['t1', 't2', 't3', 't4', 't5'].slice(0, matching),
  };
}

test('rows picked one by one count by status, and a bulk action gets only those it fits', async () => {
  const selection = new PoolSelection(source({}, {}, 5));
  selection.toggle(poolRow('t1'));
  selection.toggle(poolRow('t2', { status: 'rejected' }));
  selection.toggle(poolRow('t3', { status: 'rejected' }));
  selection.toggle(poolRow('t3', { status: 'rejected' }));
  expect([selection.size, selection.has('t2'), selection.has('t3')]).toEqual([2, true, false]);
  expect(selection.byStatus).toEqual({ accepted: 1, pending: 0, rejected: 1, deleted: 0 });
  expect(await selection.ids(['rejected'])).toEqual(['t2']);
  expect(await selection.ids()).toEqual(['t1', 't2']);
});

test('"all matching" counts what the status facet counts, less the rows unpicked', async () => {
  const selection = new PoolSelection(source({}, { accepted: 3, rejected: 2 }, 5));
  selection.toggle(poolRow('t1'));
  selection.selectAllMatching();
  expect([selection.allMatching, selection.size, selection.has('t4')]).toEqual([true, 5, true]);
  selection.toggle(poolRow('t2', { status: 'rejected' }));
  expect([selection.size, selection.has('t2')]).toEqual([4, false]);
  expect(selection.byStatus).toEqual({ accepted: 3, pending: 0, rejected: 1, deleted: 0 });
  expect(await selection.ids(['rejected'])).toEqual(['t1', 't3', 't4', 't5']);
});

test('in the trash, "all matching" is all deleted; unpicking every row ends the selection', () => {
  const selection = new PoolSelection(source({ status: 'deleted' }, { deleted: 2 }, 2));
  selection.selectAllMatching();
  expect(selection.byStatus).toEqual({ accepted: 0, pending: 0, rejected: 0, deleted: 2 });
  selection.toggle(poolRow('t1', { status: 'deleted' }));
  selection.toggle(poolRow('t2', { status: 'deleted' }));
  expect([selection.allMatching, selection.size]).toEqual([false, 0]);
});
