// ModelRouter (src/lib/clients): the worker's models and the browser's own in one list, and calls
// sent to wherever the loaded model runs.
import { afterEach, expect, test } from 'vitest';
import { ModelRouter } from '../../src/lib/clients';
import { BUILT_IN_MODEL_ID, PromptApiEngine, type LanguageModelApi } from '../../src/lib/prompt-api';
import type { GeneratorApi } from '../../src/lib/engine';
import type { CompletionRequest } from '../../src/lib/vocabulary';
import { useChannels } from '../helpers/comlink-channels';
import { scriptedGenerator } from '../helpers/scripted-generator';
import { installLanguageModelDouble, type LanguageModelDoubleConfig } from '../language-model-double';
import { SCRIPTED_MODEL_ID } from '../scripted-engine';

const serve = useChannels();
afterEach(() => {
  delete (globalThis as Record<string, unknown>).LanguageModel;
  delete (globalThis as Record<string, unknown>).__languageModelLog;
});

function router(config: LanguageModelDoubleConfig): ModelRouter {
  return new ModelRouter(scriptedGenerator(serve), new PromptApiEngine(installLanguageModelDouble(config) as LanguageModelApi));
}

const request: CompletionRequest = {
  purpose: 'classify',
  mode: 'chat',
  params: { temperature: 0, topP: 1, maxTokens: 20 },
  messages: [{ role: 'user', content: 'Task: Sort these words.\nIs it a classification task?' }],
};

test('the built-in model comes first when it is ready, last when Chrome must download it, and not at all when unavailable', async () => {
  expect((await router({ availability: 'available' }).probe()).models.map((model) => model.id)).toEqual([BUILT_IN_MODEL_ID, SCRIPTED_MODEL_ID]);
  expect((await router({ availability: 'downloadable' }).probe()).models.map((model) => model.id)).toEqual([SCRIPTED_MODEL_ID, BUILT_IN_MODEL_ID]);
  expect((await router({ availability: 'unavailable' }).probe()).models.map((model) => model.id)).toEqual([SCRIPTED_MODEL_ID]);
});

test('calls go to the built-in model while it is loaded, and to the worker after another model is', async () => {
  const models = router({ availability: 'available' });
  await models.probe();
  expect(await models.load(BUILT_IN_MODEL_ID, () => {})).toEqual({ ok: true, modelId: BUILT_IN_MODEL_ID });
  expect((await models.complete(request)).text).toMatch(/^You said: /);
  expect(await models.load(SCRIPTED_MODEL_ID, () => {})).toEqual({ ok: true, modelId: SCRIPTED_MODEL_ID });
  expect((await models.complete(request)).text).not.toMatch(/^You said: /);
});

test('the worker unloads its model once the built-in model has loaded, and keeps it when that load fails', async () => {
  const unloads: string[] = [];
  const counting = (api: object) => serve({ ...(api as GeneratorApi), unload: async () => void unloads.push('unload') });
  const loaded = (availability: LanguageModelDoubleConfig['availability']) =>
    new ModelRouter(scriptedGenerator(counting), new PromptApiEngine(installLanguageModelDouble({ availability }) as LanguageModelApi));
  const failing = loaded('unavailable');
  await failing.load(SCRIPTED_MODEL_ID, () => {});
  expect(await failing.load(BUILT_IN_MODEL_ID, () => {})).toMatchObject({ ok: false });
  expect(unloads).toEqual([]);
  expect((await failing.complete(request)).text).not.toMatch(/^You said: /);
  const working = loaded('available');
  await working.probe();
  await working.load(SCRIPTED_MODEL_ID, () => {});
  expect(await working.load(BUILT_IN_MODEL_ID, () => {})).toEqual({ ok: true, modelId: BUILT_IN_MODEL_ID });
  expect(unloads).toEqual(['unload']);
});

test('a failed load of the built-in model is an outcome with its reason', async () => {
  const models = router({ availability: 'unavailable' });
  const outcome = await models.load(BUILT_IN_MODEL_ID, () => {});
  expect(outcome).toMatchObject({ ok: false, failure: { reason: 'not-offered' } });
});

test('the load preferences (the GPU for GGUF models) reach the worker, for a model and for a file', async () => {
  const seen: unknown[] = [];
  const recording = (api: object) => {
    const service = api as GeneratorApi;
    return serve({
      ...service,
      load: ((modelId, onProgress, preferences) => (seen.push(preferences), service.load(modelId, onProgress, preferences))) satisfies GeneratorApi['load'],
      loadFile: ((file, onProgress, preferences) => (seen.push(preferences), service.loadFile(file, onProgress, preferences))) satisfies GeneratorApi['loadFile'],
    });
  };
  const models = new ModelRouter(scriptedGenerator(recording), new PromptApiEngine(installLanguageModelDouble({ availability: 'unavailable' }) as LanguageModelApi));
  await models.load(SCRIPTED_MODEL_ID, () => {}, { gpu: true });
  await models.loadFile(new File(['x'], 'x.gguf'), () => {}, { gpu: false });
  expect(seen).toEqual([{ gpu: true }, { gpu: false }]);
});
