// The verb–noun sunburst's layout: verbs on the inner ring in proportion to their instructions,
// each verb's top nouns outside it inside its angle, labels only where they fit.
import { expect, test } from 'vitest';
import type { VerbNounTree } from '../../src/lib/stats';
import { sunburstSegments } from '../../src/lib/charts';

const TREE: VerbNounTree = {
  instructions: 10,
  withStructure: 8,
  share: 0.8,
  verbs: [
    { verb: 'write', count: 6, nouns: [{ noun: 'poem', count: 3 }, { noun: 'story', count: 2 }] },
    { verb: 'name', count: 2, nouns: [{ noun: 'spice', count: 2 }] },
  ],
};

test('a segment per verb and per shown noun, a verb counting all its instructions', () => {
  const segments = sunburstSegments(TREE, 150);
  expect(segments.map(({ key, count }) => [key, count])).toEqual([
    ['write', 6],
    ['name', 2],
    ['write/poem', 3],
    ['write/story', 2],
    ['name/spice', 2],
  ]);
  expect(segments.every((segment) => segment.path.startsWith('M'))).toBe(true);
  expect(segments.find((segment) => segment.key === 'write/poem')).toMatchObject({ verb: 'write', noun: 'poem' });
});

test('labels sit on their ring, upright, and a segment too thin for one has none', () => {
  const segments = sunburstSegments(TREE, 150);
  const write = segments.find((segment) => segment.key === 'write')!;
  // "write" holds 6 of 8: its middle is at 3/8 of the turn, on the inner ring (50 to 100 px).
  expect(Math.hypot(write.label!.x, write.label!.y)).toBeCloseTo(75, 6);
  expect(Math.atan2(write.label!.x, -write.label!.y)).toBeCloseTo((3 / 8) * 2 * Math.PI, 6);
  for (const { label } of segments) if (label) expect(Math.abs(label.rotate)).toBeLessThanOrEqual(90);
  const thin = sunburstSegments({ ...TREE, verbs: [...TREE.verbs, { verb: 'sort', count: 0.05, nouns: [] }] }, 150);
  expect(thin.find((segment) => segment.key === 'sort')?.label).toBeUndefined();
});

test('no verbs, no segments', () => {
  expect(sunburstSegments({ instructions: 3, withStructure: 0, share: 0, verbs: [] }, 150)).toEqual([]);
});
