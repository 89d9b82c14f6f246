// The tasks behind a part of a figure: a ROUGE-L bin, a length bin (inputs and outputs per
// instance), a verb and a verb–noun pair; hand-counted on a few rows.
import { expect, test } from 'vitest';
import { rowsBehind, type RowFigures } from '../../src/lib/stats';
import { finishedRow } from '../fixtures/stats-rows';

const FIGURES: RowFigures = {
  rows: [
    finishedRow('Write a poem about the sea.', [{ input: '', output: 'Waves' }], { id: 'poem' }),
    finishedRow('Name a spice.', [{ input: 'a b c d e f', output: 'Cumin' }, { input: '', output: 'one two three four five six seven' }], { id: 'spice' }),
    finishedRow('Write a story.', [{ input: '  ', output: 'Once' }], { id: 'story' }),
  ],
  seedScores: [0.7, 0.15, 1],
  pairs: [{ verb: 'write', noun: 'poem' }, { verb: 'name', noun: 'spice' }, { verb: 'write', noun: 'story' }],
};

test('a ROUGE-L bin holds the tasks whose nearest seed scores in it, 0.7 in the bin it starts and 1 in the last', () => {
  expect(rowsBehind(FIGURES, { figure: 'seed-similarity', bin: 7 })).toEqual(['poem']);
  expect(rowsBehind(FIGURES, { figure: 'seed-similarity', bin: 1 })).toEqual(['spice']);
  expect(rowsBehind(FIGURES, { figure: 'seed-similarity', bin: 9 })).toEqual(['story']);
  expect(rowsBehind(FIGURES, { figure: 'seed-similarity', bin: 0 })).toEqual([]);
});

test('a length bin holds tasks by instruction words, or by any instance whose non-empty input or output falls in it', () => {
  // Instructions of 6, 3 and 3 words: bins of 2 words.
  expect(rowsBehind(FIGURES, { figure: 'length', of: 'instructions', bin: 3 })).toEqual(['poem']);
  expect(rowsBehind(FIGURES, { figure: 'length', of: 'instructions', bin: 1 })).toEqual(['spice', 'story']);
  // One input of 6 words (bin 1 of 5 words); blank inputs count in no bin.
  expect(rowsBehind(FIGURES, { figure: 'length', of: 'inputs', bin: 1 })).toEqual(['spice']);
  expect(rowsBehind(FIGURES, { figure: 'length', of: 'inputs', bin: 0 })).toEqual([]);
  expect(rowsBehind(FIGURES, { figure: 'length', of: 'outputs', bin: 0 })).toEqual(['poem', 'spice', 'story']);
  expect(rowsBehind(FIGURES, { figure: 'length', of: 'outputs', bin: 1 })).toEqual(['spice']);
});

test('a verb holds the tasks with it, a verb–noun segment those with both; none before the pairs are known', () => {
  expect(rowsBehind(FIGURES, { figure: 'verb-noun', verb: 'write' })).toEqual(['poem', 'story']);
  expect(rowsBehind(FIGURES, { figure: 'verb-noun', verb: 'write', noun: 'story' })).toEqual(['story']);
  expect(rowsBehind({ ...FIGURES, pairs: undefined }, { figure: 'verb-noun', verb: 'write' })).toEqual([]);
});
