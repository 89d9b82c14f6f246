// A stand-in for the pool view worker (PoolViewApi) over an array of rows, for the UI's state tests:
// a search matches instructions containing every word, the status filter and newest-first order
// work, the other filters are ignored. Queries can be held to answer out of order.
import type { PoolQuery, PoolRow, RowStatus, RunInfo, ViewAnswer, ViewCounts } from '../../src/lib/pool-view';
import { judgeCountsOf } from '../../src/lib/pool-view/row-judgment';
import type { PoolViewPort } from '../../src/ui/pool/pool-view-state.svelte';
import type { ViewAddress } from '../../src/ui/pool/view-address';

export function poolRow(id: string, fields: Partial<PoolRow> = {}): PoolRow {
  return {
    id, status: 'accepted', instruction: `Instruction ${id}`, withInput: false, instances: 1, length: 20,
    strategy: 'self-instruct', runId: 'run-1', created: Number(id.replace(/\D/g, '')) || 0,
    overruled: false, edited: false, reviewed: false, judgment: { status: 'none' }, ...fields,
  };
}

/** Rows t1 … tN, accepted, t1 the oldest. */
export function poolRows(count: number, fields: Partial<PoolRow> = {}): PoolRow[] {
  return Array.from({ length: count }, (_, i) => poolRow(`t${i + 1}`, fields));
}

function matches(row: PoolRow, query: PoolQuery, ignoreStatus = false): boolean {
  const words = query.search.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.every((word) => row.instruction.toLowerCase().includes(word))) return false;
  if (query.figure && !query.figure.ids.includes(row.id)) return false;
  if (ignoreStatus) return true;
  return query.status === 'kept' ? row.status !== 'deleted' : row.status === query.status;
}

export interface FakePoolView extends PoolViewPort {
  /** The worker's rows: tests add, change and remove them as a run or an action would. */
  stored: PoolRow[];
  /** Rows `syncNewer` finds, as a run's next step would have stored them. */
  arriving: PoolRow[];
  runs: RunInfo[];
  calls: string[];
  /** Holds every query until the returned function is called. */
  hold(): () => void;
}

export function fakePoolView(stored: PoolRow[]): FakePoolView {
  const snapshots = new Map<number, { query: PoolQuery; ids: string[] }>();
  let nextToken = 1;
  let gate: Promise<void> | undefined;
  const fake: FakePoolView = {
    stored,
    arriving: [],
    calls: [],
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = undefined;
        release();
      };
    },
    runs: [{ id: 'run-1', started: 0, modelId: 'm', strategy: 'self-instruct' }],
    async open(projectId) {
      fake.calls.push(`open ${projectId}`);
      return { rows: fake.stored.length, runs: fake.runs };
    },
    async sync(taskIds) {
      fake.calls.push(`sync ${taskIds}`);
    },
    async judged(taskIds) {
      fake.calls.push(`judged ${taskIds}`);
    },
    async judgeCounts(projectId) {
      fake.calls.push(`judgeCounts ${projectId}`);
      return judgeCountsOf(fake.stored);
    },
    async syncNewer() {
      const came = fake.arriving.splice(0);
      fake.stored.push(...came);
      return came.length;
    },
    async query(query): Promise<ViewAnswer> {
      fake.calls.push(`query ${query.search}`);
      const waiting = gate;
      if (waiting) await waiting;
      const ids = fake.stored.filter((row) => matches(row, query)).sort((a, b) => b.created - a.created).map((row) => row.id);
      const token = nextToken++;
      snapshots.set(token, { query, ids });
      const status = Object.fromEntries(
        (['accepted', 'pending', 'rejected', 'deleted'] as RowStatus[]).map((s) => [s, fake.stored.filter((row) => matches(row, query, true) && row.status === s).length]),
      ) as Record<RowStatus, number>;
      const counts: ViewCounts = {
        matching: ids.length,
        status: { ...status, kept: status.accepted + status.pending + status.rejected },
        rule: {}, kind: { any: ids.length, classification: 0, generation: 0, 'with-input': 0, 'without-input': 0 },
        run: {}, edited: { yes: 0, no: ids.length }, reviewed: { yes: 0, no: ids.length },
        judged: { none: ids.length, judged: 0, unreadable: 0, stale: 0 }, score: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 },
        validInstruction: { yes: 0, no: 0 }, appropriateInput: { yes: 0, no: 0 }, acceptableOutput: { yes: 0, no: 0 },
      };
      return { token, counts, runs: fake.runs };
    },
    async rows(token, start, end) {
      fake.calls.push(`rows ${token} ${start}-${end}`);
      const ids = snapshots.get(token)!.ids.slice(start, end);
      return ids.map((id) => fake.stored.find((row) => row.id === id)!);
    },
    async ids(token) {
      return snapshots.get(token)!.ids;
    },
    async newSince(token) {
      const { query, ids } = snapshots.get(token)!;
      const known = new Set(ids);
      return fake.stored.filter((row) => matches(row, query) && !known.has(row.id)).length;
    },
  };
  return fake;
}

/** An address bar: its hash, the history entries pushed, and Back. */
export function fakeAddress(hash = '') {
  const entries = [hash];
  let listener: (() => void) | undefined;
  const address: ViewAddress & { entries: string[]; back(): void; type(hash: string): void } = {
    entries,
    read: () => entries.at(-1)!,
    replace: (next) => void (entries[entries.length - 1] = next),
    push: (next) => void entries.push(next),
    watch(onChange) {
      listener = onChange;
      return () => (listener = undefined);
    },
    back() {
      entries.pop();
      listener?.();
    },
    type(next) {
      entries.push(next);
      listener?.();
    },
  };
  return address;
}
