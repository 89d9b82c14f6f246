// The verb–noun pairs kept by task id: a recomputation parses only new or changed instructions,
// shares the parsing among the helpers, reports progress and forgets tasks no longer in the pool.
import { expect, test } from 'vitest';
import { inThreadHelper, type StatsHelper } from '../../src/lib/stats';
import { VerbNounCache } from '../../src/lib/stats/verb-noun-cache';
import { finishedRow } from '../fixtures/stats-rows';

/** A helper that records what it was asked to parse. */
function countingHelper(): StatsHelper & { parsed: string[] } {
  const inner = inThreadHelper();
  const parsed: string[] = [];
  return { ...inner, parsed, verbNouns: async (instructions) => (parsed.push(...instructions), inner.verbNouns(instructions)) };
}

test('a second pass parses only the new task and the one whose instruction changed', async () => {
  const cache = new VerbNounCache();
  const helper = countingHelper();
  const first = [finishedRow('Write a poem about the sea.', [], { id: 'a' }), finishedRow('Name a spice.', [], { id: 'b' })];
  expect(await cache.pairsOf(first, [helper])).toEqual([{ verb: 'write', noun: 'poem' }, { verb: 'name', noun: 'spice' }]);
  const second = [first[0]!, finishedRow('Sort these numbers.', [], { id: 'b' }), finishedRow('Hello there.', [], { id: 'c' })];
  helper.parsed.length = 0;
  expect(await cache.pairsOf(second, [helper])).toEqual([{ verb: 'write', noun: 'poem' }, { verb: 'sort', noun: 'number' }, null]);
  expect(helper.parsed).toEqual(['Sort these numbers.', 'Hello there.']);
});

test('a task gone from the pool is forgotten, so it is parsed again if it comes back', async () => {
  const cache = new VerbNounCache();
  const helper = countingHelper();
  const row = finishedRow('Name a spice.', [], { id: 'a' });
  await cache.pairsOf([row], [helper]);
  await cache.pairsOf([], [helper]);
  await cache.pairsOf([row], [helper]);
  expect(helper.parsed).toEqual(['Name a spice.', 'Name a spice.']);
});

test('5,000 instructions go to both helpers in chunks, with progress rising to 1', async () => {
  const cache = new VerbNounCache();
  const helpers = [countingHelper(), countingHelper()];
  const rows = Array.from({ length: 5_000 }, (_, i) => finishedRow(`Write a poem about the number ${i}.`, [], { id: `t${i}` }));
  const progress: number[] = [];
  const pairs = await cache.pairsOf(rows, helpers, (fraction) => progress.push(fraction));
  expect(pairs).toHaveLength(5_000);
  expect(pairs.every((pair) => pair?.verb === 'write')).toBe(true);
  expect(helpers.map((helper) => helper.parsed.length).reduce((a, b) => a + b)).toBe(5_000);
  expect(helpers.every((helper) => helper.parsed.length > 0)).toBe(true);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(progress.at(-1)).toBe(1);
});
