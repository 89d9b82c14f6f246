// The run's in-context examples follow a person's changes while it runs: the list itself, and the
// loop's next prompts.
import { expect, test } from 'vitest';
import { defaultSettings } from '../../src/lib/method';
import { runBootstrap, type RunEvent } from '../../src/lib/run';
import { MachineInstructions } from '../../src/lib/run/machine-instructions';
import type { CompletionRequest, NoveltyChanges } from '../../src/lib/vocabulary';
import { useChannels } from '../helpers/comlink-channels';
import { scriptedRunPorts } from '../helpers/scripted-run-ports';
import { SCRIPTED_MODEL_ID } from '../scripted-engine';

test('removed ids leave, added ones take their place by creation, and an edit keeps its place', () => {
  const list = new MachineInstructions([
    { id: 'task-a', instruction: 'A' },
    { id: 'task-c', instruction: 'C' },
  ]);
  list.push({ id: 'task-d', instruction: 'D' });
  list.apply({ remove: ['task-c'], add: [{ id: 'task-b', instruction: 'B' }] });
  expect(list.texts()).toEqual(['A', 'B', 'D']);
  list.apply({ remove: ['task-a'], add: [{ id: 'task-a', instruction: 'A, edited' }] });
  expect(list.texts()).toEqual(['A, edited', 'B', 'D']);
});

const serve = useChannels();

test('a run in progress samples its next prompts from the pool as a person left it', async () => {
  const ports = await scriptedRunPorts(serve, 'p1');
  const prompts: string[] = [];
  const complete = ports.generator.complete.bind(ports.generator);
  ports.generator.complete = (request: CompletionRequest, options) => {
    if (request.purpose === 'instructions') prompts.push(JSON.stringify(request));
    return complete(request, options);
  };
  let tell: ((changes: NoveltyChanges) => void) | undefined;
  let removed: string[] = [];
  let promptsBefore = 0;
  const onEvent = (event: RunEvent) => {
    if (event.type !== 'step' || event.purpose !== 'instructions' || removed.length > 0) return;
    // Fired synchronously, as the page's undo toast would be, between two steps.
    void ports.store.acceptedTasks('p1').then((accepted) => {
      if (accepted.length < 2 || removed.length > 0) return;
      const [kept, ...gone] = accepted;
      removed = gone.map((task) => task.instruction);
      promptsBefore = prompts.length;
      tell!({ remove: accepted.map((task) => task.id), add: [{ id: kept!.id, instruction: 'Describe a zebra crossing to a child.' }] });
    });
  };
  const config = { modelId: SCRIPTED_MODEL_ID, targetSize: 30, rngSeed: 3, settings: defaultSettings('self-instruct') };
  const outcome = await runBootstrap(ports, 'p1', config, {
    signal: new AbortController().signal,
    onEvent,
    watchPool: (listener) => {
      tell = listener;
      return () => (tell = undefined);
    },
  });
  expect(outcome.status).toBe('finished');
  expect(tell).toBeUndefined();
  expect(removed.length).toBeGreaterThan(0);
  const later = prompts.slice(promptsBefore + 1);
  expect(later.length).toBeGreaterThan(0);
  for (const text of removed) expect(later.some((prompt) => prompt.includes(JSON.stringify(text).slice(1, -1)))).toBe(false);
  expect(later.some((prompt) => prompt.includes('Describe a zebra crossing to a child.'))).toBe(true);
});
