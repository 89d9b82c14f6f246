// A task's row in the pool view, and queries over a table of rows: filters, counts that follow the
// other filters, and the sort orders (rows without a nearest score last, ties by creation).
import { describe, expect, test } from 'vitest';
import { DEFAULT_QUERY, type PoolQuery } from '../../src/lib/pool-view';
import { rowOf, rowTexts } from '../../src/lib/pool-view/pool-row';
import { RowTable } from '../../src/lib/pool-view/row-table';
import { runQuery } from '../../src/lib/pool-view/run-query';
import type { StoredInstance, TaskState } from '../../src/lib/vocabulary';
import { taskRow } from '../fixtures/pool-rows';

function instance(taskId: string, input: string, output: string): StoredInstance {
  return { id: `${taskId}-${input}-${output}`, projectId: 'p1', taskId, input, output };
}

describe('rowOf', () => {
  test('reads status, kind, instances, score, length and marks from the task and its instances', () => {
    const state: TaskState = {
      task: taskRow({ id: 't1', instruction: 'Sort these.', stage: 'done', isClassification: false, nearest: { entry: { id: 's', instruction: 'x' }, score: 0.4 }, edited: 5 }),
      instances: [instance('t1', '', 'a'), instance('t1', '3 1 2', '1 2 3')],
    };
    expect(rowOf(state, 'alpaca')).toEqual({
      id: 't1',
      status: 'accepted',
      instruction: 'Sort these.',
      isClassification: false,
      withInput: true,
      instances: 2,
      nearestScore: 0.4,
      length: 'Sort these.'.length + 1 + 5 + 5,
      strategy: 'alpaca',
      runId: 'run-1',
      created: 0,
      rule: undefined,
      overruled: false,
      edited: true,
      reviewed: false,
      judgment: { status: 'none' },
    });
    expect(rowTexts(state)).toEqual(['Sort these.', '', 'a', '3 1 2', '1 2 3']);
  });

  test('a rejection gives the rule and, for ROUGE-L, the score; an overruled one keeps its rule', () => {
    const rouge = { rule: 'rouge' as const, score: 0.8, nearest: { id: 's', instruction: 'x' } };
    expect(rowOf({ task: taskRow({ id: 't', stage: 'rejected', reason: rouge }), instances: [] }, 'self-instruct')).toMatchObject({ status: 'rejected', rule: 'rouge', nearestScore: 0.8, withInput: false });
    expect(rowOf({ task: taskRow({ id: 't', stage: 'classify', overruled: rouge }), instances: [] }, 'self-instruct')).toMatchObject({ status: 'pending', rule: 'rouge', overruled: true });
    expect(rowOf({ task: taskRow({ id: 't', stage: 'done', reviewed: 1 }), instances: [], deleted: 9 }, 'unknown')).toMatchObject({ status: 'deleted', reviewed: true, strategy: 'unknown' });
  });
});

/** A table of rows made from task fields, each with one instance holding `text`. */
function tableOf(...tasks: (Parameters<typeof taskRow>[0] & { text?: string; input?: string })[]): RowTable {
  const table = new RowTable();
  for (const { text = '', input = '', ...fields } of tasks) {
    const state = { task: taskRow(fields), instances: text || input ? [instance(fields.id, input, text)] : [] };
    table.put(rowOf(state, 'self-instruct'), rowTexts(state));
  }
  return table;
}

const q = (fields: Partial<PoolQuery>): PoolQuery => ({ ...DEFAULT_QUERY, ...fields });
const ids = (table: RowTable, query: Partial<PoolQuery>) => runQuery(table, q(query)).ids;

describe('runQuery', () => {
  const rouge = { rule: 'rouge' as const, score: 0.9, nearest: { id: 's', instruction: 'x' } };
  const short = { rule: 'too-short' as const, detail: '2 words' };
  const table = tableOf(
    { id: 'a', created: 1, stage: 'done', isClassification: true, text: 'Positive', runId: 'r1', nearest: { entry: { id: 's', instruction: 'x' }, score: 0.3 } },
    { id: 'b', created: 2, stage: 'done', isClassification: false, input: 'Paris', text: 'France', runId: 'r1', edited: 3, nearest: { entry: { id: 's', instruction: 'x' }, score: 0.5 } },
    { id: 'c', created: 3, stage: 'rejected', reason: rouge, nearest: { entry: { id: 's', instruction: 'x' }, score: 0.9 }, runId: 'r2' },
    { id: 'd', created: 4, stage: 'rejected', reason: short, runId: 'r2', instruction: 'Name it.' },
    { id: 'e', created: 5, stage: 'classify', runId: 'r2', reviewed: 6 },
  );
  table.put({ ...table.get('b')!, id: 'x', status: 'deleted', created: 0 }, ['Deleted Paris']);

  test('the default shows every kept row, newest first', () => {
    expect(ids(table, {})).toEqual(['e', 'd', 'c', 'b', 'a']);
  });

  test('each filter keeps only its rows', () => {
    expect(ids(table, { status: 'accepted' })).toEqual(['b', 'a']);
    expect(ids(table, { status: 'pending' })).toEqual(['e']);
    expect(ids(table, { status: 'deleted' })).toEqual(['x']);
    expect(ids(table, { rule: 'rouge' })).toEqual(['c']);
    expect(ids(table, { kind: 'classification' })).toEqual(['a']);
    expect(ids(table, { kind: 'generation' })).toEqual(['b']);
    expect(ids(table, { kind: 'with-input' })).toEqual(['b']);
    expect(ids(table, { kind: 'without-input' })).toEqual(['e', 'd', 'c', 'a']);
    expect(ids(table, { run: 'r1' })).toEqual(['b', 'a']);
    expect(ids(table, { edited: 'yes' })).toEqual(['b']);
    expect(ids(table, { edited: 'no' })).toEqual(['e', 'd', 'c', 'a']);
    expect(ids(table, { reviewed: 'yes' })).toEqual(['e']);
    expect(ids(table, { search: 'pari', status: 'kept' })).toEqual(['b']);
    expect(ids(table, { search: 'pari', status: 'deleted' })).toEqual(['x']);
    expect(ids(table, { run: 'r2', status: 'rejected', search: 'name' })).toEqual(['d']);
  });

  test('each facet is counted with the search and every other filter applied, not its own', () => {
    const { counts } = runQuery(table, q({ status: 'rejected', run: 'r2' }));
    expect(counts.matching).toBe(2);
    // Run r2 without the status filter: c, d, e (kept); none deleted.
    expect(counts.status).toEqual({ kept: 3, accepted: 0, pending: 1, rejected: 2, deleted: 0 });
    // Rejected rows without the run filter: c and d.
    expect(counts.run).toEqual({ r2: 2 });
    expect(counts.rule).toEqual({ rouge: 1, 'too-short': 1 });
    expect(counts.kind).toEqual({ any: 2, classification: 0, generation: 0, 'with-input': 0, 'without-input': 2 });
    expect(counts.edited).toEqual({ yes: 0, no: 2 });
    expect(counts.reviewed).toEqual({ yes: 0, no: 2 });
    const searched = runQuery(table, q({ search: 'paris', status: 'accepted' })).counts;
    expect(searched).toMatchObject({ matching: 1, status: { kept: 1, accepted: 1, deleted: 1, rejected: 0 }, run: { r1: 1 } });
  });

  test('sorts by nearest score with unscored rows last either way, by length, ties by creation', () => {
    expect(ids(table, { sort: 'nearest', order: 'desc' })).toEqual(['c', 'b', 'a', 'e', 'd']);
    expect(ids(table, { sort: 'nearest', order: 'asc' })).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(ids(table, { sort: 'created', order: 'asc' })).toEqual(['a', 'b', 'c', 'd', 'e']);
    // Lengths: a 'Instruction a' + 'Positive' = 21, b 13 + 5 + 6 = 24, c 13, d 8, e 13.
    expect(ids(table, { sort: 'length', order: 'asc' })).toEqual(['d', 'c', 'e', 'a', 'b']);
    expect(ids(table, { sort: 'length', order: 'desc' })).toEqual(['b', 'a', 'e', 'c', 'd']);
  });

  test('a replaced row moves to its new place in every order, and a removed one is gone', () => {
    const changing = tableOf({ id: 'a', created: 1, text: 'one' }, { id: 'b', created: 2, text: 'two' }, { id: 'c', created: 3, text: 'three' });
    expect(ids(changing, { sort: 'length' })).toEqual(['c', 'b', 'a']);
    changing.put({ ...changing.get('a')!, length: 100, instruction: 'Longer now' }, ['Longer now']);
    changing.remove('c');
    expect(ids(changing, { sort: 'length' })).toEqual(['a', 'b']);
    expect(ids(changing, {})).toEqual(['b', 'a']);
    expect(ids(changing, { search: 'one' })).toEqual([]);
    expect(ids(changing, { search: 'longer' })).toEqual(['a']);
    expect(changing.size).toBe(2);
  });
});
