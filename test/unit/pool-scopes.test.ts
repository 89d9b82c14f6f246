// The download's "Rows to download" as the pool table stands (src/ui/pool/pool-scopes.ts): the
// judged-only choice names its threshold, counts the rows judged that well, and leaves the picking
// to the download worker.
import { expect, test } from 'vitest';
import { PoolViewState } from '../../src/ui/pool/pool-view-state.svelte';
import { poolScopes } from '../../src/ui/pool/pool-scopes';
import { fakeAddress } from '../helpers/fake-pool-view';
import { tablePoolView } from '../helpers/table-pool-view';

test('"Judged t or more only" counts the rows with a current score of t or more, and is picked by the worker', async () => {
  const view = new PoolViewState(tablePoolView([5, 4, 'none', 3, 'unreadable', 4, 'rejected']), 'p1', fakeAddress(''));
  await view.load();
  const judged = poolScopes(view, 4).find((scope) => scope.id === 'judged')!;
  expect(judged).toMatchObject({ label: 'Judged 4 or more only', count: 3, judgedFrom: 4 });
  expect(await judged.resolve()).toBeUndefined();
  expect(poolScopes(view, 5).find((scope) => scope.id === 'judged')).toMatchObject({ label: 'Judged 5 or more only', count: 1 });
});

test('with a filter set, the judged count is not known from the table’s counts', async () => {
  const view = new PoolViewState(tablePoolView([5, 4]), 'p1', fakeAddress('#view?q=nothing'));
  await view.load();
  expect(poolScopes(view, 4).find((scope) => scope.id === 'judged')?.count).toBeUndefined();
});
