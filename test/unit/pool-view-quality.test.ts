// The judge's verdicts in the pool view: a row's judgment (none, judged, unreadable, stale), the
// quality filters with counts that follow the other filters, the sort by score and its tie rule,
// the view hash, and the worker reading new judgments and a person's edit.
import { describe, expect, test } from 'vitest';
import { createPoolViewService, DEFAULT_QUERY, viewFromHash, viewToHash, type PoolQuery } from '../../src/lib/pool-view';
import { rowOf, rowTexts } from '../../src/lib/pool-view/pool-row';
import { RowTable } from '../../src/lib/pool-view/row-table';
import { runQuery } from '../../src/lib/pool-view/run-query';
import { openStudioDB } from '../../src/lib/store';
import type { StoredInstance, StoredJudgment, TaskState } from '../../src/lib/vocabulary';
import { judgmentOf, unreadableOf } from '../fixtures/judgments';
import { callRow, runRow, taskRow } from '../fixtures/pool-rows';
import { freshDatabase } from '../helpers/fresh-database';

const q = (fields: Partial<PoolQuery>): PoolQuery => ({ ...DEFAULT_QUERY, ...fields });

function stateOf(id: string, created: number, outputs: string[] = ['out']): TaskState {
  const instances: StoredInstance[] = outputs.map((output, i) => ({ id: `${id}-i${i}`, projectId: 'p1', taskId: id, input: '', output }));
  return { task: taskRow({ id, created, instruction: `Instruction ${id}.` }), instances };
}

const judged = (state: TaskState) => ({ id: state.task.id, instruction: state.task.instruction, instances: state.instances });

describe('a row’s judgment', () => {
  test('none without a judgment; judged with the score and the answers, outputs folded to all acceptable', () => {
    const state = stateOf('t1', 1, ['a', 'b']);
    expect(rowOf(state, 'self-instruct').judgment).toEqual({ status: 'none' });
    expect(rowOf(state, 'self-instruct', judgmentOf(judged(state), 4)).judgment).toEqual({ status: 'judged', score: 4, answers: { instruction: true, input: true, output: true } });
    const oneBad = judgmentOf(judged(state), 2, { appropriateInput: false, acceptableOutputs: [true, false] });
    expect(rowOf(state, 'self-instruct', oneBad).judgment).toEqual({ status: 'judged', score: 2, answers: { instruction: true, input: false, output: false } });
    expect(rowOf(state, 'self-instruct', unreadableOf(judged(state))).judgment).toEqual({ status: 'unreadable' });
  });

  test('stale once the task’s instruction or an output differs from what was judged, judged or unreadable', () => {
    const state = stateOf('t1', 1, ['a']);
    const edited: TaskState = { ...state, instances: [{ ...state.instances[0]!, output: 'a!' }] };
    expect(rowOf(edited, 'self-instruct', judgmentOf(judged(state), 5)).judgment).toEqual({ status: 'stale' });
    const renamed: TaskState = { ...state, task: { ...state.task, instruction: 'Another.' } };
    expect(rowOf(renamed, 'self-instruct', unreadableOf(judged(state))).judgment).toEqual({ status: 'stale' });
  });
});

/** t1 … t6, made in that order: t1 score 5, t2 score 3 with a bad input, t3 score 5, t4 score 1 with a bad output, t5 unreadable, t6 not judged. */
function judgedTable(): RowTable {
  const table = new RowTable();
  const states = [1, 2, 3, 4, 5, 6].map((n) => stateOf(`t${n}`, n));
  const judgments: (StoredJudgment | undefined)[] = [
    judgmentOf(judged(states[0]!), 5),
    judgmentOf(judged(states[1]!), 3, { appropriateInput: false }),
    judgmentOf(judged(states[2]!), 5),
    judgmentOf(judged(states[3]!), 1, { acceptableOutputs: [false] }),
    unreadableOf(judged(states[4]!)),
    undefined,
  ];
  states.forEach((state, i) => table.put(rowOf(state, 'self-instruct', judgments[i]), rowTexts(state)));
  return table;
}

describe('quality filters', () => {
  test('a score range keeps current verdicts within it; the full range keeps every row', () => {
    const table = judgedTable();
    expect(runQuery(table, q({ scoreFrom: 3 })).ids).toEqual(['t3', 't2', 't1']);
    expect(runQuery(table, q({ scoreFrom: 2, scoreTo: 4 })).ids).toEqual(['t2']);
    expect(runQuery(table, q({ scoreFrom: 1, scoreTo: 5 })).ids).toHaveLength(6);
  });

  test('each question’s verdict and the judgment status filter; a verdict asked for needs a current one', () => {
    const table = judgedTable();
    expect(runQuery(table, q({ appropriateInput: 'no' })).ids).toEqual(['t2']);
    expect(runQuery(table, q({ acceptableOutput: 'yes' })).ids).toEqual(['t3', 't2', 't1']);
    expect(runQuery(table, q({ validInstruction: 'yes', acceptableOutput: 'no' })).ids).toEqual(['t4']);
    expect(runQuery(table, q({ judged: 'unreadable' })).ids).toEqual(['t5']);
    expect(runQuery(table, q({ judged: 'none' })).ids).toEqual(['t6']);
  });

  test('counts: each quality facet counted with every other filter applied, scores as a histogram', () => {
    const table = judgedTable();
    const { counts } = runQuery(table, q({ scoreFrom: 5, acceptableOutput: 'yes' }));
    expect(counts.matching).toBe(2);
    // The score facet ignores the score filter: t1, t2, t3 have acceptable outputs.
    expect(counts.score).toEqual({ 1: 0, 2: 0, 3: 1, 4: 0, 5: 2 });
    // The output facet ignores the output filter: of the score-5 rows, both acceptable.
    expect(counts.acceptableOutput).toEqual({ yes: 2, no: 0 });
    expect(counts.judged).toEqual({ none: 0, judged: 2, unreadable: 0, stale: 0 });
    expect(runQuery(table, q({})).counts.judged).toEqual({ none: 1, judged: 4, unreadable: 1, stale: 0 });
    expect(runQuery(table, q({ status: 'rejected' })).counts.score).toEqual({ 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 });
  });

  test('sort by score: highest first, equal scores the earlier-made first, rows without a current score last', () => {
    const table = judgedTable();
    expect(runQuery(table, q({ sort: 'score', order: 'desc' })).ids).toEqual(['t1', 't3', 't2', 't4', 't6', 't5']);
    expect(runQuery(table, q({ sort: 'score', order: 'asc' })).ids).toEqual(['t4', 't2', 't3', 't1', 't5', 't6']);
  });
});

describe('the view hash', () => {
  test('carries the quality filters and the score sort, and reads them back', () => {
    const query = q({ judged: 'judged', scoreFrom: 4, scoreTo: 5, validInstruction: 'yes', appropriateInput: 'no', acceptableOutput: 'yes', sort: 'score' });
    expect(viewToHash(query)).toBe('#view?judged=judged&scoreFrom=4&validInstruction=yes&appropriateInput=no&acceptableOutput=yes&sort=score');
    expect(viewFromHash(viewToHash(query))).toEqual({ query });
  });

  test('a score that is not a whole number from 1 to 5 falls back to the full range', () => {
    expect(viewFromHash('#view?scoreFrom=0&scoreTo=9&judged=maybe')).toEqual({ query: DEFAULT_QUERY });
    expect(viewFromHash('#view?scoreFrom=2.5&scoreTo=3')).toEqual({ query: q({ scoreTo: 3 }) });
  });
});

describe('the pool view worker and judgments', () => {
  async function judgedProject() {
    const fresh = await freshDatabase();
    await fresh.pool.saveRun(runRow({ id: 'run-1', projectId: 'p1', started: 1 }));
    const states = [stateOf('task-1', 1), stateOf('task-2', 2)];
    await fresh.pool.saveGeneration({
      call: callRow('p1', 'call-1'),
      candidates: states.map((state) => ({ ...state.task, instanceCount: 1 })),
      instances: states.flatMap((state) => state.instances),
    });
    await fresh.db.put('judgments', judgmentOf(judged(states[0]!), 4));
    const view = createPoolViewService(() => openStudioDB(fresh.factory));
    await view.open('p1');
    return { fresh, view, states };
  }

  const judgmentsShown = async (view: ReturnType<typeof createPoolViewService>) => {
    const { token } = await view.query(q({ order: 'asc' }));
    return (await view.rows(token, 0, 10)).map((row) => [row.id, row.judgment.status]);
  };

  test('open reads the project’s judgments; judged(taskIds) reads new ones', async () => {
    const { fresh, view, states } = await judgedProject();
    expect(await judgmentsShown(view)).toEqual([['task-1', 'judged'], ['task-2', 'none']]);
    await fresh.db.put('judgments', unreadableOf(judged(states[1]!)));
    expect(await judgmentsShown(view)).toEqual([['task-1', 'judged'], ['task-2', 'none']]);
    await view.judged(['task-2']);
    expect(await judgmentsShown(view)).toEqual([['task-1', 'judged'], ['task-2', 'unreadable']]);
    await fresh.db.delete('judgments', ['p1', 'task-2']);
    await view.judged(['task-2']);
    expect(await judgmentsShown(view)).toEqual([['task-1', 'judged'], ['task-2', 'none']]);
  });

  test('a person’s edit leaves the judgment stale, and its undo makes it current again', async () => {
    const { view } = await judgedProject();
    const edit = { instruction: 'Instruction task-1, edited.', isClassification: false, instances: [{ input: '', output: 'out' }] };
    await view.apply('p1', { kind: 'edit', taskId: 'task-1', edit });
    expect(await judgmentsShown(view)).toEqual([['task-1', 'stale'], ['task-2', 'none']]);
    await view.undo('p1');
    expect(await judgmentsShown(view)).toEqual([['task-1', 'judged'], ['task-2', 'none']]);
  });
});
