// ReplayState (src/ui/pool/replay-state.svelte.ts): "what if the ROUGE-L threshold were…", with the
// pool on fake-indexeddb and the filter service behind a comlink channel, as in the page.
import { expect, test } from 'vitest';
import { connectWorker, FilterClient } from '../../src/lib/clients';
import { createFilterService, type FilterApi } from '../../src/lib/novelty';
import { ReplayState } from '../../src/ui/pool/replay-state.svelte';
import { callRow, taskRow } from '../fixtures/pool-rows';
import { useChannels } from '../helpers/comlink-channels';
import { freshDatabase } from '../helpers/fresh-database';
import { observe } from '../helpers/observe.svelte';

const PROJECT = 'p1';
const serve = useChannels();

/** One seed, a near-copy of it that ROUGE-L rejected, an accepted task, and one too short to reach ROUGE-L. */
async function replayState(): Promise<ReplayState> {
  const { pool } = await freshDatabase();
  await pool.putSeeds(PROJECT, [{ id: 's1', name: 's1', instruction: 'Summarize the article in two sentences.', instances: [], isClassification: false }]);
  await pool.saveGeneration({
    call: callRow(PROJECT, 'call-1'),
    candidates: [
      taskRow({ id: 't1', stage: 'rejected', instruction: 'Summarize this article in two sentences.', reason: { rule: 'rouge', score: 0.86, nearest: { id: 's1', instruction: 'x' } } }),
      taskRow({ id: 't2', stage: 'classify', instruction: 'Translate the menu into French.' }),
      taskRow({ id: 't3', stage: 'rejected', instruction: 'Sing.', reason: { rule: 'too-short', detail: '1 word' } }),
    ],
    instances: [],
  });
  const filter = new FilterClient(connectWorker<FilterApi>(serve(createFilterService()).worker, 'filter worker'));
  return new ReplayState(pool, filter, PROJECT);
}

test('replaying at another threshold tells how many of the screened candidates it would keep, busy meanwhile', async () => {
  const replay = await replayState();
  const busy = observe(() => replay.busy);
  replay.threshold = 0.95;
  await replay.replay('default');
  expect(replay.answer).toEqual({ threshold: 0.95, kept: 2, candidates: 2 });
  expect(busy()).toEqual([false, true, false]);

  replay.threshold = 0.7;
  await replay.replay('default');
  expect(replay.answer).toEqual({ threshold: 0.7, kept: 1, candidates: 2 });
  expect(replay.error).toBeUndefined();
});

test.each([
  [1.5, 1],
  [-0.2, 0],
  [Number.NaN, 0],
])('a threshold of %s is replayed as %s', async (typed, used) => {
  const replay = await replayState();
  replay.threshold = typed;
  await replay.replay('default');
  expect(replay.answer?.threshold).toBe(used);
});
