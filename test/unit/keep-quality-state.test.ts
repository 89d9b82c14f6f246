// "Keep by quality" (src/ui/pool/keep-quality-state.svelte.ts) over a real row table: what a rule
// keeps and deletes before it is applied, the tie rule of the best k, tasks without a current score
// left alone, and one delete action named for the rule.
import { describe, expect, test } from 'vitest';
import type { CurationAction } from '../../src/lib/vocabulary';
import { KeepQualityState, keepLabel, previewOf, type KeepQualityPort } from '../../src/ui/pool/keep-quality-state.svelte';
import { tablePoolView, type JudgedKind } from '../helpers/table-pool-view';

/** The pool view over tasks t1 … tN judged as `kinds` says, and a curation that records its actions and trashes what they delete. */
function pool(kinds: JudgedKind[]) {
  const port = tablePoolView(kinds);
  const actions: CurationAction[] = [];
  const curation = {
    async perform(action: CurationAction) {
      actions.push(action);
      if (action.kind === 'delete') port.trash(action.taskIds);
      return true;
    },
  };
  return { port, actions, curation };
}

describe('previewOf', () => {
  const scores = { 1: 2, 2: 0, 3: 5, 4: 3, 5: 1 } as const;

  test('a threshold keeps every score from it up, and deletes the other judged tasks', () => {
    const preview = previewOf({ kind: 'threshold', threshold: 4 }, scores, 7);
    expect(preview).toMatchObject({ keep: 4, remove: 7, untouched: 7 });
    expect(preview.bars).toEqual([
      { score: 5, rows: 1, kept: 1 },
      { score: 4, rows: 3, kept: 3 },
      { score: 3, rows: 5, kept: 0 },
      { score: 2, rows: 0, kept: 0 },
      { score: 1, rows: 2, kept: 0 },
    ]);
  });

  test('the best k take the higher scores first, splitting the score where k falls; k past the judged keeps them all', () => {
    expect(previewOf({ kind: 'best', count: 6 }, scores, 0).bars.map((bar) => bar.kept)).toEqual([1, 3, 2, 0, 0]);
    expect(previewOf({ kind: 'best', count: 50 }, scores, 0)).toMatchObject({ keep: 11, remove: 0 });
    expect(previewOf({ kind: 'best', count: -3 }, scores, 0)).toMatchObject({ keep: 0, remove: 11 });
  });

  test('the undo step names the rule', () => {
    expect(keepLabel({ kind: 'threshold', threshold: 4 }, 212)).toBe('Kept the 212 tasks judged 4 or more');
    expect(keepLabel({ kind: 'best', count: 100 }, 1)).toBe("Kept the best 1 task by the judge's score");
  });
});

describe('KeepQualityState', () => {
  test('shows what each threshold keeps and deletes of the finished tasks before anything is applied', async () => {
    const { port, curation, actions } = pool([5, 3, 'none', 4, 'unreadable', 1, 'rejected', 4]);
    const keep = new KeepQualityState(port, curation);
    await keep.load();
    expect(keep.judged).toBe(5);
    expect(keep.preview).toMatchObject({ keep: 3, remove: 2, untouched: 2 });
    // "The best k" starts at what the threshold keeps.
    expect(keep.count).toBe(3);
    expect(keep.thresholdChoices().map(({ threshold, keep: kept, remove }) => [threshold, kept, remove])).toEqual([
      [5, 1, 4],
      [4, 3, 2],
      [3, 4, 1],
      [2, 4, 1],
      [1, 5, 0],
    ]);
    expect(actions).toEqual([]);
  });

  test('applying a threshold deletes the judged tasks under it in one named action; the others are left alone', async () => {
    const { port, curation, actions } = pool([5, 3, 'none', 4, 'unreadable', 1, 'rejected', 4]);
    const keep = new KeepQualityState(port, curation);
    await keep.load();
    keep.threshold = 4;
    expect(await keep.apply()).toBe(true);
    expect(actions).toEqual([{ kind: 'delete', taskIds: ['t2', 't6'], label: 'Kept the 3 tasks judged 4 or more' }]);
    // Read again after the action: what is left is all kept.
    expect(keep.preview).toMatchObject({ keep: 3, remove: 0, untouched: 2 });
  });

  test('the best k: equal scores keep the earlier-made task, and the unjudged are never counted in k', async () => {
    const { port, curation, actions } = pool(['none', 4, 4, 5, 4, 2]);
    const keep = new KeepQualityState(port, curation);
    await keep.load();
    keep.kind = 'best';
    keep.count = 3;
    expect(keep.preview).toMatchObject({ keep: 3, remove: 2, untouched: 1 });
    await keep.apply();
    expect(actions).toEqual([{ kind: 'delete', taskIds: ['t5', 't6'], label: "Kept the best 3 tasks by the judge's score" }]);
  });

  test('a rule that deletes nothing takes no action', async () => {
    const { port, curation, actions } = pool([5, 5, 'none']);
    const keep = new KeepQualityState(port, curation);
    await keep.load();
    keep.threshold = 3;
    expect(await keep.apply()).toBe(true);
    expect(actions).toEqual([]);
  });

  test('a worker that fails leaves nothing deleted, and says so', async () => {
    const { curation, actions } = pool([5]);
    const broken: KeepQualityPort = { query: () => Promise.reject(new Error('The pool view worker stopped.')), ids: async () => [] };
    const keep = new KeepQualityState(broken, curation);
    expect(await keep.apply()).toBe(false);
    expect(keep.error).toBe('Nothing was deleted: The pool view worker stopped.');
    expect(actions).toEqual([]);
  });
});
