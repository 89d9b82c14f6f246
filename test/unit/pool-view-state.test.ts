// PoolViewState (src/ui/pool/pool-view-state.svelte.ts) on a stand-in pool view worker and address
// bar: the query and its hash, snapshots and their blocks of rows, stale answers, "N new".
import { expect, test } from 'vitest';
import { BLOCK_ROWS, PoolViewState } from '../../src/ui/pool/pool-view-state.svelte';
import { fakeAddress, fakePoolView, poolRow, poolRows } from '../helpers/fake-pool-view';
import { observe } from '../helpers/observe.svelte';

const PROJECT = 'p1';

async function loadedView(rows = poolRows(5), hash = '') {
  const port = fakePoolView(rows);
  const address = fakeAddress(hash);
  const view = new PoolViewState(port, PROJECT, address);
  await view.load();
  return { view, port, address };
}

function shownIds(view: PoolViewState, count = view.matching): (string | undefined)[] {
  return Array.from({ length: count }, (_, i) => view.rowAt(i)?.id);
}

test('loading opens the project and shows its rows newest first, with their counts', async () => {
  const { view, port } = await loadedView();
  expect(port.calls.slice(0, 2)).toEqual([`open ${PROJECT}`, 'query ']);
  expect([view.ready, view.matching, view.total]).toEqual([true, 5, 5]);
  expect(shownIds(view)).toEqual(['t5', 't4', 't3', 't2', 't1']);
  expect(view.filtered).toBe(false);
});

test('the view comes from the address: its query and its open row', async () => {
  const rows = [poolRow('t1', { instruction: 'Name a spice' }), poolRow('t2', { status: 'rejected', instruction: 'Name a spice plant' }), poolRow('t3')];
  const { view } = await loadedView(rows, '#view?q=spice&status=rejected&open=t2');
  expect(view.query).toMatchObject({ search: 'spice', status: 'rejected' });
  expect(view.openId).toBe('t2');
  expect(shownIds(view)).toEqual(['t2']);
  expect(view.filtered).toBe(true);
});

test('typing rewrites the address, a filter adds a history entry, and Back returns to the view before', async () => {
  const { view, address } = await loadedView([poolRow('t1', { instruction: 'Name a spice' }), poolRow('t2', { status: 'rejected', instruction: 'Spice it up' })]);
  await view.search('s');
  await view.search('spice');
  expect(address.entries).toEqual(['#view?q=spice']);
  await view.filter('status', 'rejected');
  expect(address.entries).toEqual(['#view?q=spice', '#view?q=spice&status=rejected']);
  expect(shownIds(view)).toEqual(['t2']);

  address.back();
  await expect.poll(() => view.matching).toBe(2);
  expect(view.query.status).toBe('kept');
  // A skip link's hash is no view: the table keeps what it shows.
  address.type('#pool');
  expect(view.query.search).toBe('spice');
  await view.reset();
  expect(address.entries.at(-1)).toBe('#view');
});

test('a figure’s rows show alone, the other filters cleared, until the figure is cleared; the address keeps no ids', async () => {
  const { view, address } = await loadedView([poolRow('t1'), poolRow('t2'), poolRow('t3', { status: 'rejected' })]);
  await view.filter('status', 'accepted');
  await view.showOnly({ figure: { label: 'write · poem', ids: ['t1', 't3'] } });
  expect(shownIds(view)).toEqual(['t3', 't1']);
  expect(view.query).toMatchObject({ status: 'kept', figure: { label: 'write · poem' } });
  expect(view.filtered).toBe(true);
  expect(address.entries.at(-1)).toBe('#view');
  await view.clearFigure();
  expect(shownIds(view)).toEqual(['t3', 't2', 't1']);
  expect(view.query.figure).toBeUndefined();
  await view.showOnly({ status: 'rejected', rule: 'rouge' });
  expect(address.entries.at(-1)).toBe('#view?status=rejected&rule=rouge');
});

test('an answer to a query asked before the latest is dropped', async () => {
  const { view, port } = await loadedView([poolRow('t1', { instruction: 'alpha' }), poolRow('t2', { instruction: 'alpha beta' })]);
  const shown = observe(() => view.matching);
  const release = port.hold();
  const first = view.search('alpha');
  release();
  const second = view.search('alpha beta');
  await Promise.all([first, second]);
  expect(view.query.search).toBe('alpha beta');
  expect(shownIds(view)).toEqual(['t2']);
  // The table never showed the first search's two rows after the second was asked.
  expect(shown()).toEqual([2, 1]);
});

test('a new snapshot is shown with its rows in view already fetched, so the table never blinks empty', async () => {
  const { view } = await loadedView(poolRows(3));
  const firstRow = observe(() => view.rowAt(0)?.id);
  await view.search('Instruction t1');
  expect(firstRow()).toEqual(['t3', 't1']);
});

test('scrolling fetches each block of rows once, and a block of an older snapshot is dropped', async () => {
  const { view, port } = await loadedView(poolRows(3 * BLOCK_ROWS));
  expect(view.rowAt(BLOCK_ROWS)).toBeUndefined();
  view.show(BLOCK_ROWS - 5, BLOCK_ROWS + 20);
  view.show(BLOCK_ROWS - 4, BLOCK_ROWS + 21);
  await expect.poll(() => view.rowAt(BLOCK_ROWS)?.id).toBe(`t${2 * BLOCK_ROWS}`);
  expect(port.calls.filter((call) => call.endsWith(`${BLOCK_ROWS}-${2 * BLOCK_ROWS}`))).toHaveLength(1);

  view.show(2 * BLOCK_ROWS, 2 * BLOCK_ROWS + 10);
  // The query answers before the block of the old snapshot does: that block must not show.
  await view.search('Instruction t1');
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(view.matching).toBeLessThan(2 * BLOCK_ROWS);
  expect(view.rowAt(2 * BLOCK_ROWS)).toBeUndefined();
});

test("a run's new rows wait behind “N new” until asked for; an empty table shows them at once", async () => {
  const { view, port } = await loadedView(poolRows(2));
  // The new rows come from a run started after the project was opened: the next answer names it.
  port.runs = [...port.runs, { id: 'run-2', started: 1, modelId: 'm', strategy: 'alpaca' }];
  port.arriving.push(poolRow('t3', { runId: 'run-2' }), poolRow('t4', { runId: 'run-2' }));
  await view.checkNew();
  expect([view.newRows, view.matching, view.total]).toEqual([2, 2, 4]);
  expect(view.rowAt(0)?.id).toBe('t2');
  expect(view.runs.map((run) => run.id)).toEqual(['run-1']);
  await view.refresh();
  expect([view.newRows, view.matching, view.rowAt(0)?.id]).toEqual([0, 4, 't4']);
  expect(view.runs.map((run) => run.id)).toEqual(['run-1', 'run-2']);

  // A row the run finished meanwhile shows it, in its place.
  port.stored[0] = { ...port.stored[0]!, status: 'pending' };
  await view.refresh();
  expect(view.rowAt(3)?.status).toBe('pending');
  port.stored[0] = { ...port.stored[0]!, status: 'accepted' };
  port.arriving.push(poolRow('t5'));
  await view.checkNew();
  expect([view.newRows, view.rowAt(3)?.id, view.rowAt(3)?.status]).toEqual([1, 't1', 'accepted']);

  const empty = await loadedView([]);
  empty.port.arriving.push(poolRow('t1'));
  await empty.view.checkNew();
  expect([empty.view.newRows, empty.view.matching]).toEqual([0, 1]);
});

test('after an action the table asks again: a row deleted leaves it, and the selection stays', async () => {
  const { view, port } = await loadedView(poolRows(3));
  view.selection.toggle(view.rowAt(0)!);
  port.stored[2] = { ...port.stored[2]!, status: 'deleted' };
  await view.refresh();
  expect(shownIds(view)).toEqual(['t2', 't1']);
  expect(view.selection.size).toBe(1);
  // A new query is another set of rows: the selection made in the old one goes.
  await view.search('t1');
  expect(view.selection.size).toBe(0);
});

test('the focused row stays within the snapshot, and the open row is kept in the address', async () => {
  const { view, address } = await loadedView(poolRows(3));
  view.focus(10);
  expect(view.focused).toBe(2);
  view.focus(-1);
  expect(view.focused).toBe(0);
  view.focus(2);
  await view.search('t1');
  expect(view.focused).toBe(0);

  view.open('t1');
  expect(address.entries).toEqual(['#view?q=t1&open=t1']);
  view.close();
  expect([view.openId, address.entries]).toEqual([undefined, ['#view?q=t1']]);
});

test('a failed query says why, and the next one that works clears it', async () => {
  const { view, port } = await loadedView(poolRows(1));
  const query = port.query;
  port.query = () => Promise.reject(new Error('The pool view worker stopped.'));
  await view.search('x');
  expect(view.error).toBe('The pool view worker stopped.');
  port.query = query;
  await view.search('');
  expect(view.error).toBeUndefined();
});

test('new judgments show on the rows where they are; the snapshot and its order stay', async () => {
  const { view, port } = await loadedView(poolRows(3));
  const before = shownIds(view);
  port.stored[1] = { ...port.stored[1]!, judgment: { status: 'judged', score: 5, answers: { instruction: true, input: true, output: true } } };
  await view.judged(['t2']);
  expect(port.calls).toContain('judged t2');
  expect(shownIds(view)).toEqual(before);
  expect(view.rowAt(1)?.judgment).toMatchObject({ status: 'judged', score: 5 });
  expect(port.calls.filter((call) => call.startsWith('query'))).toHaveLength(1);
});

test('the judge panel’s counts are asked for after the judgments the worker was told of', async () => {
  const { view, port } = await loadedView(poolRows(3));
  port.stored[0] = { ...port.stored[0]!, judgment: { status: 'unreadable' } };
  // Asked for in the same turn: the worker must hear of the judgment first.
  const told = view.judged(['t1']);
  const counts = view.judgeCounts();
  await told;
  expect(await counts).toEqual({ finished: 3, judged: 0, unreadable: 1, stale: 0, none: 2 });
  const order = port.calls.filter((call) => call.startsWith('judged') || call.startsWith('judgeCounts'));
  expect(order).toEqual(['judged t1', `judgeCounts ${PROJECT}`]);
});

test('an empty table asks again when judgments come: a filter on judged rows fills up', async () => {
  // The stand-in filters by search only: a row that comes to match stands for one the judge scored.
  const empty = await loadedView(poolRows(2), '#view?q=nothing');
  expect(empty.view.matching).toBe(0);
  empty.port.stored[1] = { ...empty.port.stored[1]!, instruction: 'nothing judged yet' };
  await empty.view.judged(['t2']);
  expect(shownIds(empty.view)).toEqual(['t2']);
});
