// The pool view worker's verbs over a real row table in memory (no IndexedDB): the UI's state tests
// get the worker's true filters, counts and orders, with tasks judged as a test says.
import { rowOf, rowTexts } from '../../src/lib/pool-view/pool-row';
import { judgeCountsOf } from '../../src/lib/pool-view/row-judgment';
import { RowTable } from '../../src/lib/pool-view/row-table';
import { runQuery } from '../../src/lib/pool-view/run-query';
import type { QualityScore, StoredInstance, StoredJudgment, TaskState } from '../../src/lib/vocabulary';
import type { PoolViewPort } from '../../src/ui/pool/pool-view-state.svelte';
import { judgmentOf, unreadableOf } from '../fixtures/judgments';
import { taskRow } from '../fixtures/pool-rows';

/** How a test task stands: finished and judged with a score, unreadably, or not; or rejected. */
export type JudgedKind = QualityScore | 'unreadable' | 'none' | 'rejected';

export interface TablePoolView extends PoolViewPort {
  /** Sends these tasks to the trash, as a delete action would. */
  trash(taskIds: readonly string[]): void;
}

/** Tasks t1 … tN made in that order, each as `kinds` says, behind the pool view's verbs. */
export function tablePoolView(kinds: readonly JudgedKind[]): TablePoolView {
  const table = new RowTable();
  const tasks = new Map<string, { state: TaskState; judgment?: StoredJudgment }>();
  kinds.forEach((kind, i) => {
    const id = `t${i + 1}`;
    const instances: StoredInstance[] = [{ id: `${id}-0`, projectId: 'p1', taskId: id, input: '', output: 'o' }];
    const state: TaskState = { task: taskRow({ id, created: i + 1, stage: kind === 'rejected' ? 'rejected' : 'done' }), instances };
    const about = { id, instruction: state.task.instruction, instances };
    const judgment = typeof kind === 'number' ? judgmentOf(about, kind) : kind === 'unreadable' ? unreadableOf(about) : undefined;
    tasks.set(id, { state, judgment });
    table.put(rowOf(state, 'self-instruct', judgment), rowTexts(state));
  });
  const snapshots = new Map<number, string[]>();
  return {
    async open() {
      return { rows: table.size, runs: [] };
    },
    async sync() {},
    async judged() {},
    async syncNewer() {
      return 0;
    },
    async query(query) {
      const { ids, counts } = runQuery(table, query);
      snapshots.set(snapshots.size + 1, ids);
      return { token: snapshots.size, counts, runs: [] };
    },
    async rows(token, start, end) {
      return snapshots.get(token)!.slice(start, end).map((id) => table.get(id)!);
    },
    async ids(token) {
      return snapshots.get(token)!;
    },
    async newSince() {
      return 0;
    },
    async judgeCounts() {
      return judgeCountsOf(table.rows());
    },
    trash(taskIds) {
      for (const id of taskIds) {
        const { state, judgment } = tasks.get(id)!;
        table.put(rowOf({ ...state, deleted: 1 }, 'self-instruct', judgment), rowTexts(state));
      }
    },
  };
}
