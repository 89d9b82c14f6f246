import type { PoolRow } from './pool-row';
import type { PoolQuery, ViewCounts } from './pool-query';
import type { RowTable } from './row-table';

/** The ids a query shows, in its order, and the counts beside its filters. */
export interface QueryResult {
  ids: string[];
  counts: ViewCounts;
}

interface Facet {
  passes(row: PoolRow, query: PoolQuery): boolean;
  /** Adds the row to this facet's counts. */
  count(row: PoolRow, counts: ViewCounts): void;
}

const KINDS: Record<PoolQuery['kind'], (row: PoolRow) => boolean> = {
  any: () => true,
  classification: (row) => row.isClassification === true,
  generation: (row) => row.isClassification === false,
  'with-input': (row) => row.withInput,
  'without-input': (row) => !row.withInput,
};

const yesNo = (wanted: 'any' | 'yes' | 'no', value: boolean) => wanted === 'any' || (wanted === 'yes') === value;

// One entry per filter of PoolQuery: whether a row passes it, and how the row counts for it.
const FACETS: Facet[] = [
  {
    passes: (row, query) => (query.status === 'kept' ? row.status !== 'deleted' : row.status === query.status),
    count: (row, counts) => {
      counts.status[row.status]++;
      if (row.status !== 'deleted') counts.status.kept++;
    },
  },
  {
    passes: (row, query) => query.rule === 'any' || row.rule === query.rule,
    count: (row, counts) => {
      if (row.rule) counts.rule[row.rule] = (counts.rule[row.rule] ?? 0) + 1;
    },
  },
  {
    passes: (row, query) => KINDS[query.kind](row),
    count: (row, counts) => {
      for (const [kind, holds] of Object.entries(KINDS)) if (holds(row)) counts.kind[kind as PoolQuery['kind']]++;
    },
  },
  {
    passes: (row, query) => query.run === 'any' || row.runId === query.run,
    count: (row, counts) => {
      counts.run[row.runId] = (counts.run[row.runId] ?? 0) + 1;
    },
  },
  {
    passes: (row, query) => yesNo(query.edited, row.edited),
    count: (row, counts) => counts.edited[row.edited ? 'yes' : 'no']++,
  },
  {
    passes: (row, query) => yesNo(query.reviewed, row.reviewed),
    count: (row, counts) => counts.reviewed[row.reviewed ? 'yes' : 'no']++,
  },
];

/**
 * Runs a query over the table in one pass: the rows that match the search and pass every filter,
 * in the query's order, and the counts. A row that fails exactly one filter still counts for that
 * filter's facet, so each facet is counted with every other filter applied (counts follow filters).
 */
export function runQuery(table: RowTable, query: PoolQuery): QueryResult {
  const matches = table.match(query.search);
  const counts = emptyCounts();
  const ids: string[] = [];
  table.visit(query.sort, query.order, (row, doc) => {
    if (matches && matches[doc] !== 1) return;
    let failed: Facet | undefined;
    for (const facet of FACETS) {
      if (facet.passes(row, query)) continue;
      if (failed) return;
      failed = facet;
    }
    if (failed) {
      failed.count(row, counts);
      return;
    }
    ids.push(row.id);
    for (const facet of FACETS) facet.count(row, counts);
  });
  counts.matching = ids.length;
  return { ids, counts };
}

function emptyCounts(): ViewCounts {
  return {
    matching: 0,
    status: { kept: 0, accepted: 0, pending: 0, rejected: 0, deleted: 0 },
    rule: {},
    kind: { any: 0, classification: 0, generation: 0, 'with-input': 0, 'without-input': 0 },
    run: {},
    edited: { yes: 0, no: 0 },
    reviewed: { yes: 0, no: 0 },
  };
}
