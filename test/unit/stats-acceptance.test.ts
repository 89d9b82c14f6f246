// The acceptance curve: candidates (finished and rejected tasks) in creation order (their ids'), 100 to a
// point, with the rejections of each window and of the whole run by rule.
import { expect, test } from 'vitest';
import { acceptanceOf } from '../../src/lib/stats/acceptance';
import type { RejectedCandidate, RejectionReason } from '../../src/lib/vocabulary';
import { finishedRow } from '../fixtures/stats-rows';

const rouge: RejectionReason = { rule: 'rouge', score: 0.8, nearest: { id: 'seed-1', instruction: 'Seed.' } };
const tooLong: RejectionReason = { rule: 'too-long', detail: '160 words' };
/** Made at `created`: ids sort in creation order, as src/lib/ids makes them. */
const idAt = (created: number, counter = 0) => `task-${String(created).padStart(3, '0')}-${String(counter).padStart(3, '0')}`;
const rejectedAt = (created: number, reason: RejectionReason): RejectedCandidate => ({ id: idAt(created), reason });

test('150 candidates make a window of 100 and one of 50, each with its acceptance and rejections by rule', () => {
  // The first 100: 80 accepted, 10 rejected by ROUGE-L and 10 too long; the last 50: 20 accepted, 30 by ROUGE-L.
  const rows = [...Array.from({ length: 80 }, (_, i) => i), ...Array.from({ length: 20 }, (_, i) => 100 + i)].map((created) =>
    finishedRow(`Task ${created}`, [], { id: idAt(created), created }),
  );
  const rejected = [
    ...Array.from({ length: 10 }, (_, i) => rejectedAt(80 + i, rouge)),
    ...Array.from({ length: 10 }, (_, i) => rejectedAt(90 + i, tooLong)),
    ...Array.from({ length: 30 }, (_, i) => rejectedAt(120 + i, rouge)),
  ];
  const acceptance = acceptanceOf(rows, rejected);
  expect(acceptance).toMatchObject({ candidates: 150, accepted: 100, rate: 100 / 150, rejectedByRule: { rouge: 40, 'too-long': 10 } });
  expect(acceptance.windows).toEqual([
    { first: 0, size: 100, accepted: 80, rejected: { rouge: 10, 'too-long': 10 } },
    { first: 100, size: 50, accepted: 20, rejected: { rouge: 30 } },
  ]);
});

test('candidates are put in creation order, that of their ids, whatever order they are given in', () => {
  // Made in the same millisecond: the ids' counters order them.
  const rows = Array.from({ length: 100 }, (_, i) => finishedRow(`Task ${i}`, [], { id: idAt(5, i), created: 5 }));
  // Created last: the second window holds it alone.
  const acceptance = acceptanceOf(rows.reverse(), [rejectedAt(9, tooLong)]);
  expect(acceptance.windows.map(({ accepted, rejected }) => [accepted, rejected])).toEqual([
    [100, {}],
    [0, { 'too-long': 1 }],
  ]);
});

test('an empty pool has no candidates, no rate and no curve; one task has a rate of 1', () => {
  expect(acceptanceOf([], [])).toEqual({ candidates: 0, accepted: 0, rate: null, rejectedByRule: {}, windows: [] });
  expect(acceptanceOf([finishedRow('Name a spice.', [])], [])).toMatchObject({ rate: 1, windows: [{ first: 0, size: 1, accepted: 1, rejected: {} }] });
});
