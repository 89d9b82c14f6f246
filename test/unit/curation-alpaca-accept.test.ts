// Accepting a rejected candidate of an Alpaca-style run: the step stored no instance for it, so the
// store reads the instance the model proposed with it from the step's journaled answer, and the
// task is finished at once (Alpaca has no classify step); undo takes the instance away again.
import { expect, test } from 'vitest';
import { defaultSettings } from '../../src/lib/method';
import { runBootstrap } from '../../src/lib/run';
import { CurationStore } from '../../src/lib/store';
import type { RunConfig } from '../../src/lib/vocabulary';
import { useChannels } from '../helpers/comlink-channels';
import { scriptedRunPorts } from '../helpers/scripted-run-ports';
import { SCRIPTED_MODEL_ID } from '../scripted-engine';

const PROJECT = 'p1';
const serve = useChannels();

async function runOf(strategy: 'alpaca' | 'self-instruct') {
  const ports = await scriptedRunPorts(serve, PROJECT);
  const config: RunConfig = { modelId: SCRIPTED_MODEL_ID, targetSize: 12, rngSeed: 7, settings: defaultSettings(strategy) };
  const outcome = await runBootstrap(ports, PROJECT, config, { signal: new AbortController().signal });
  expect(outcome.status).toBe('finished');
  return { ...ports, curation: new CurationStore(ports.db) };
}

test('an accepted Alpaca candidate is finished with the instance its step proposed, and undo takes it back', async () => {
  const { store, curation } = await runOf('alpaca');
  // Rejected by ROUGE-L or a heuristic on its instruction, each with an instance the parser read.
  const rejected = await store.rejectedTasks(PROJECT);
  expect(rejected.length).toBeGreaterThan(0);
  const before = await store.counts(PROJECT);
  await curation.apply(PROJECT, { kind: 'accept', taskIds: rejected.map((task) => task.id) });
  const after = await store.counts(PROJECT);
  expect(after.pending).toBe(before.pending);
  const finished = new Map((await store.finishedTasks(PROJECT)).map((row) => [row.task.id, row]));
  let withInstance = 0;
  for (const task of rejected) {
    const detail = (await store.taskDetail(task.id))!;
    expect(detail.task.stage).toBe('done');
    expect(detail.task.overruled).toEqual(task.reason);
    // The instance is the model's: its text is in the step's answer, and it came from that call.
    for (const instance of detail.instances) {
      expect(instance.callId).toBe(task.callId);
      const answer = detail.calls.find((call) => call.id === task.callId)!.result.text;
      expect(answer).toContain(instance.output);
    }
    if (detail.instances.length > 0) withInstance++;
    expect(finished.get(task.id)?.instances).toEqual(detail.instances.map(({ input, output }) => ({ input, output })));
  }
  expect(withInstance).toBeGreaterThan(0);
  expect(after.instances - before.instances).toBe(withInstance);

  await curation.undo(PROJECT);
  expect(await store.counts(PROJECT)).toEqual(before);
  for (const task of rejected) expect((await store.taskDetail(task.id))!).toMatchObject({ task: { stage: 'rejected' }, instances: [] });
});

test('an accepted Self-Instruct candidate still waits for its classify step: its step proposed an instruction alone', async () => {
  const { store, curation } = await runOf('self-instruct');
  const [task] = await store.rejectedTasks(PROJECT);
  await curation.apply(PROJECT, { kind: 'accept', taskIds: [task!.id] });
  expect(await store.taskDetail(task!.id)).toMatchObject({ task: { stage: 'classify' }, instances: [] });
});
