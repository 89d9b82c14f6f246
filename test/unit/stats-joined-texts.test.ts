// What the stats worker sends its helpers: texts joined by newlines, with where each ends, so
// that texts holding newlines (or empty ones) come back as they were.
import { expect, test } from 'vitest';
import { compressionRatio } from '../../src/lib/stats/compression-ratio';
import { joinTexts, splitTexts } from '../../src/lib/stats/joined-texts';
import { createStatsHelperService } from '../../src/lib/stats/stats-helper';

const TEXTS = ['Name a spice.', '', 'Write a poem\nin two lines.', 'é€😀', '\n', 'Last'];

test('texts joined and split again are the texts, newlines, empty texts and surrogate pairs kept', () => {
  const joined = joinTexts(TEXTS);
  expect(joined.text).toBe(TEXTS.join('\n'));
  expect(splitTexts(joined)).toEqual(TEXTS);
  expect(splitTexts(joinTexts([]))).toEqual([]);
  expect(splitTexts(joinTexts(['']))).toEqual(['']);
});

test('a helper given joined texts scores and compresses the texts themselves', () => {
  const helper = createStatsHelperService();
  const seeds = ['Name a spice.', 'Write a poem.'];
  expect(helper.seedScores(joinTexts(TEXTS), seeds)).toEqual(new Float64Array(TEXTS.map((text) => helper.seedScores(joinTexts([text]), seeds)[0]!)));
  expect(helper.seedScores(joinTexts(TEXTS), seeds)[0]).toBe(1);
  expect(helper.compressionRatio(joinTexts(TEXTS))).toBe(compressionRatio(TEXTS));
  expect(helper.compressionRatio(joinTexts([]))).toBeNull();
  helper.compressionAdd('s', joinTexts(TEXTS.slice(0, 2)));
  helper.compressionAdd('s', joinTexts([]));
  helper.compressionAdd('s', joinTexts(TEXTS.slice(2)));
  expect(helper.compressionEnd('s')).toBe(compressionRatio(TEXTS));
});
