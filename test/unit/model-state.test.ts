// ModelState (src/ui/model-state.svelte.ts) over the page's GeneratorClient, with the scripted
// engine behind a comlink channel: the models offered, a load with its progress, and the models
// this browser keeps. (How failures read is another test's business.)
import { expect, test } from 'vitest';
import type { GeneratorApi } from '../../src/lib/engine';
import { ModelState } from '../../src/ui/model-state.svelte';
import { useLocalStorage } from '../helpers/browser-globals';
import { useChannels } from '../helpers/comlink-channels';
import { observe } from '../helpers/observe.svelte';
import { scriptedGenerator } from '../helpers/scripted-generator';
import { SCRIPTED_MODEL_BYTES, SCRIPTED_MODEL_ID } from '../scripted-engine';

const serve = useChannels();
const remembered = useLocalStorage();

async function probed(): Promise<ModelState> {
  const model = new ModelState(scriptedGenerator(serve));
  await model.probe();
  return model;
}

test('probing shows its steps as they happen, then lists the models this device can run, the first preselected, none downloaded yet', async () => {
  const model = new ModelState(scriptedGenerator(serve));
  const status = observe(() => model.status);
  const steps = observe(() => model.probeStep);
  await model.probe();
  expect(status()).toEqual(['probing', 'ready']);
  expect(steps()).toEqual(['worker', 'manifest', 'gpu']);
  expect(model.device).toEqual({ webgpu: false, shaderF16: false });
  expect(model.models.map((option) => option.id)).toEqual([SCRIPTED_MODEL_ID]);
  expect(model.selectedId).toBe(SCRIPTED_MODEL_ID);
  expect(model.stored).toEqual([]);
  expect(model.loadedId).toBeUndefined();
});

test('loading shows its progress up to ready, then the model is in use, remembered, and kept in storage', async () => {
  const model = await probed();
  const status = observe(() => model.status);
  const fractions = observe(() => model.progress.fraction);
  await model.load();
  expect(status()).toEqual(['ready', 'loading', 'loaded']);
  expect(model.loadedId).toBe(SCRIPTED_MODEL_ID);
  expect(remembered.get('self-instruct-studio:last-model')).toBe(SCRIPTED_MODEL_ID);
  expect(model.stored).toEqual([{ id: SCRIPTED_MODEL_ID, bytes: SCRIPTED_MODEL_BYTES }]);
  // Progress comes through its own message port and may trail the outcome.
  await expect.poll(() => model.progress.fraction).toBe(1);
  expect(fractions()).toEqual(expect.arrayContaining([0, 0.25, 0.75, 1]));
  expect(fractions()).toEqual([...fractions()].sort((a, b) => a - b));
  expect(model.failure).toBeUndefined();
});

test('a second load while one is under way is ignored', async () => {
  const loads: string[] = [];
  // The worker's side, counting the loads that reach it.
  const counting = (api: object) => {
    const service = api as GeneratorApi;
    const load: GeneratorApi['load'] = (modelId, onProgress) => {
      loads.push(modelId);
      return service.load(modelId, onProgress);
    };
    return serve({ ...service, load });
  };
  const model = new ModelState(scriptedGenerator(counting));
  await model.probe();
  const status = observe(() => model.status);
  await Promise.all([model.load(), model.load()]);
  expect(status()).toEqual(['ready', 'loading', 'loaded']);
  expect(loads).toEqual([SCRIPTED_MODEL_ID]);
});

test('deleting the loaded model’s download frees it: nothing is loaded or kept, and it can load again', async () => {
  const model = await probed();
  await model.load();
  await model.deleteStored(SCRIPTED_MODEL_ID);
  expect(model.stored).toEqual([]);
  expect(model.loadedId).toBeUndefined();
  expect(model.status).toBe('ready');
  await model.load();
  expect(model.loadedId).toBe(SCRIPTED_MODEL_ID);
});

test('a lost model is forgotten: the page offers to load one again', async () => {
  const model = await probed();
  await model.load();
  model.forget();
  expect(model.loadedId).toBeUndefined();
  expect(model.status).toBe('ready');
});

/** A generator whose loads end as `outcome` says. */
function generatorWithOutcome(outcome: Awaited<ReturnType<GeneratorApi['load']>>) {
  return scriptedGenerator((api: object) => serve({ ...(api as GeneratorApi), load: async () => outcome }));
}

test('a loaded model shows where it runs, as its engine tells', async () => {
  const model = new ModelState(generatorWithOutcome({ ok: true, modelId: SCRIPTED_MODEL_ID, runsOn: 'CPU, 2 threads' }));
  await model.probe();
  await model.load();
  expect(model.runsOn).toBe('CPU, 2 threads');
});

test.each([
  ['stalled', true],
  ['network', true],
  ['offline', true],
  ['cancelled', false],
  ['out-of-memory', false],
] as const)('a load that failed as %s offers Retry: %s', async (reason, offered) => {
  const model = new ModelState(generatorWithOutcome({ ok: false, failure: { reason, message: 'm' } }));
  await model.probe();
  await model.load();
  expect(model.status).toBe('failed');
  expect(model.downloadFailed).toBe(offered);
});

test('GGUF models go to the GPU unless the user chose the CPU, which is remembered and sent with each load', async () => {
  const preferences: unknown[] = [];
  const recording = (api: object) => {
    const service = api as GeneratorApi;
    const load: GeneratorApi['load'] = (modelId, onProgress, preference) => {
      preferences.push(preference);
      return service.load(modelId, onProgress, preference);
    };
    return serve({ ...service, load });
  };
  const model = new ModelState(scriptedGenerator(recording));
  await model.probe();
  expect(model.ggufOnGpu).toBe(true);
  await model.load();
  model.ggufOnGpu = false;
  expect(remembered.get('self-instruct-studio:gguf-on-cpu')).toBe('1');
  expect(new ModelState(scriptedGenerator(serve)).ggufOnGpu).toBe(false);
  model.forget();
  await model.load();
  expect(preferences).toEqual([{ gpu: true }, { gpu: false }]);
  model.ggufOnGpu = true;
  expect(remembered.get('self-instruct-studio:gguf-on-cpu')).toBeUndefined();
});
