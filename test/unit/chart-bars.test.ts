// The bars of the Dataset figures card's charts (src/lib/charts/chart-bars.ts): their labels and heights.
import { expect, test } from 'vitest';
import { acceptanceBars, histogramBars, instancesBars } from '../../src/lib/charts';

test('whole-number bins read as word ranges, the last open-ended; fractional bins as ROUGE-L ranges', () => {
  expect(histogramBars({ width: 2, counts: [1, 0, 3] }, true)).toEqual([
    { label: '0–1', value: 1 },
    { label: '2–3', value: 0 },
    { label: '4+', value: 3 },
  ]);
  expect(histogramBars({ width: 0.1, counts: [0, 2] }, false).map((bar) => bar.label)).toEqual(['0.0–0.1', '0.1–0.2']);
});

test('instances per task count up from 0, the last bin holding the tasks with more', () => {
  expect(instancesBars([0, 1, 4])).toEqual([
    { label: '0', value: 0 },
    { label: '1', value: 1 },
    { label: '2+', value: 4 },
  ]);
});

test('each window of candidates gives its accepted per 100, a short last window scaled to 100', () => {
  expect(
    acceptanceBars([
      { first: 0, size: 100, accepted: 61, rejected: {} },
      { first: 100, size: 20, accepted: 5, rejected: { rouge: 15 } },
    ]),
  ).toEqual([
    { label: '1–100', value: 61 },
    { label: '101–120', value: 25 },
  ]);
});
