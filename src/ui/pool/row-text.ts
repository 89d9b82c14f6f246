import type { PoolRow, RowStatus, RunInfo } from '../../lib/pool-view';

/** Each status as a badge and a filter name it. */
export const STATUS_NAMES: Record<RowStatus, string> = {
  accepted: 'accepted',
  pending: 'waiting',
  rejected: 'rejected',
  deleted: 'in the trash',
};

export const STRATEGY_NAMES: Record<PoolRow['strategy'], string> = {
  'self-instruct': 'Self-Instruct',
  alpaca: 'Alpaca',
  unknown: '—',
};

/** The kind of task, short enough for a column: unknown until the classify step has run. */
export function kindText(row: Pick<PoolRow, 'isClassification' | 'withInput' | 'status'>): string {
  if (row.isClassification === undefined) return row.withInput ? 'input' : '—';
  return `${row.isClassification ? 'class.' : 'gen.'}${row.withInput ? ', input' : ''}`;
}

/** Runs are named by their order: "Run 1" is the project's first. */
export function runName(runs: readonly RunInfo[], runId: string): string {
  const index = runs.findIndex((run) => run.id === runId);
  return index < 0 ? 'run ?' : `run ${index + 1}`;
}

// Made once: a table row formats its date every time it scrolls into view, and making a
// formatter costs far more than using one.
const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });
const DAY_AND_YEAR = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: '2-digit' });

/** A date short enough for a column: the time today, the day and month otherwise (and the year when not this one). */
export function shortDate(time: number, now = Date.now()): string {
  const date = new Date(time);
  const today = new Date(now);
  if (date.toDateString() === today.toDateString()) return TIME.format(date);
  return (date.getFullYear() === today.getFullYear() ? DAY : DAY_AND_YEAR).format(date);
}

/** "1 task", "12 tasks". */
export function tasks(count: number): string {
  return `${count.toLocaleString()} task${count === 1 ? '' : 's'}`;
}
