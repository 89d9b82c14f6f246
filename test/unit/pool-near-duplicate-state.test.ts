// NearDuplicateCheck (src/ui/pool/near-duplicate-check.svelte.ts) on a stand-in filter worker: an
// edited instruction checked once the typing pauses, the pool loaded first when the worker has none.
import { afterEach, expect, test, vi } from 'vitest';
import type { NoveltyVerdict } from '../../src/lib/vocabulary';
import { CHECK_PAUSE_MS, NearDuplicateCheck, type NearestPort } from '../../src/ui/pool/near-duplicate-check.svelte';

afterEach(() => vi.useRealTimers());

const NEAR: NoveltyVerdict = { novel: false, score: 0.82, nearest: { id: 's1', instruction: 'Name a spice.' } };

function filter(loaded: boolean, verdict: NoveltyVerdict = NEAR) {
  const asked: string[] = [];
  const port: NearestPort & { asked: string[]; loaded: boolean } = {
    asked,
    loaded,
    async nearest(poolId, instruction, exceptId) {
      asked.push(`${poolId} ${instruction} ${exceptId}`);
      return port.loaded ? verdict : 'not-loaded';
    },
  };
  return port;
}

test('the instruction is checked once the typing pauses, and a near-duplicate is named with its score', async () => {
  vi.useFakeTimers();
  const port = filter(true);
  const check = new NearDuplicateCheck(port, 'p1', async () => {});
  check.schedule('Name a', 't1');
  check.schedule('Name a spice', 't1');
  await vi.advanceTimersByTimeAsync(CHECK_PAUSE_MS);
  expect(port.asked).toEqual(['p1 Name a spice t1']);
  expect(check.found).toEqual({ instruction: 'Name a spice.', score: 0.82 });
  check.schedule('Name a spice please', 't1');
  expect(check.found).toBeUndefined();
});

test('a worker without this pool loads it, then answers', async () => {
  const port = filter(false);
  const check = new NearDuplicateCheck(port, 'p1', async () => void (port.loaded = true));
  await check.check('Name a spice', 't1');
  expect(port.asked).toHaveLength(2);
  expect(check.found?.score).toBe(0.82);
});

test('a novel instruction has no warning, and an answer for an older text is dropped', async () => {
  const port = filter(true, { novel: true, score: 0.3, nearest: { id: 's1', instruction: 'x' } });
  const check = new NearDuplicateCheck(port, 'p1', async () => {});
  await check.check('Write a haiku', 't1');
  expect(check.found).toBeUndefined();

  const slow = filter(true);
  const late = new NearDuplicateCheck(slow, 'p1', async () => {});
  const first = late.check('Name a spice', 't1');
  late.clear();
  await first;
  expect(late.found).toBeUndefined();
});

test('a failed check says so beside the field instead of warning', async () => {
  const check = new NearDuplicateCheck({ nearest: () => Promise.reject(new Error('The filter worker stopped.')) }, 'p1', async () => {});
  await check.check('Name a spice', 't1');
  expect([check.found, check.problem]).toEqual([undefined, 'The near-duplicate check failed: The filter worker stopped.']);
});
