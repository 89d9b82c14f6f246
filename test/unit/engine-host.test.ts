// The engine host routes a model to the engine that offers it, and reports load failures as values.
import { expect, test, vi } from 'vitest';
import { CompletionFailedError, EngineHost, ModelCrashedError, ModelLoadError, type DeviceReport, type Engine, type ModelOption } from '../../src/lib/engine';
import type { CompletionResult } from '../../src/lib/vocabulary';

const DEVICE: DeviceReport = { webgpu: false, shaderF16: false };
const RESULT: CompletionResult = { text: 'hi', finishReason: 'stop', promptTokens: 1, completionTokens: 1, durationMs: 1 };

function fakeEngine(modelId: string, load: Engine['load'] = async () => {}): Engine {
  const option: ModelOption = { id: modelId, label: modelId, recommended: false };
  return {
    catalog: () => [option],
    load,
    complete: vi.fn(async () => RESULT),
    interrupt: vi.fn(),
    unload: vi.fn(async () => {}),
    storedModels: async () => [{ id: modelId, bytes: 10 }],
    deleteStored: vi.fn(async () => {}),
  };
}

test('probes once and lists every engine’s models', async () => {
  const probe = vi.fn(async () => DEVICE);
  const host = new EngineHost([fakeEngine('a'), fakeEngine('b')], probe);
  await host.probe();
  const { models } = await host.probe();
  expect(models.map((model) => model.id)).toEqual(['a', 'b']);
  expect(probe).toHaveBeenCalledTimes(1);
});

test('loads a model on the engine that offers it and completes with that engine', async () => {
  const a = fakeEngine('a');
  const b = fakeEngine('b');
  const host = new EngineHost([a, b], async () => DEVICE);
  expect(await host.load('b', () => {})).toEqual({ ok: true, modelId: 'b' });
  const request = { mode: 'text' as const, purpose: 'classify' as const, prompt: 'x', params: { temperature: 0, topP: 1, maxTokens: 1 } };
  expect(await host.complete(request)).toBe(RESULT);
  expect(b.complete).toHaveBeenCalled();
  expect(a.complete).not.toHaveBeenCalled();
});

test('a failed load is a value with advice, and leaves no model loaded', async () => {
  const host = new EngineHost([fakeEngine('a', async () => Promise.reject(new ModelLoadError('out-of-memory')))], async () => DEVICE);
  const outcome = await host.load('a', () => {});
  expect(outcome).toMatchObject({ ok: false, failure: { reason: 'out-of-memory', message: expect.stringMatching(/ran out of memory.*Pick a smaller model/) } });
  const request = { mode: 'text' as const, purpose: 'classify' as const, prompt: 'x', params: { temperature: 0, topP: 1, maxTokens: 1 } };
  await expect(host.complete(request)).rejects.toMatchObject({ name: 'ModelNotLoadedError' });
});

test('an unknown model id is refused without touching any engine', async () => {
  const engine = fakeEngine('a');
  const host = new EngineHost([engine], async () => DEVICE);
  expect(await host.load('zzz', () => {})).toMatchObject({ ok: false, failure: { reason: 'not-offered' } });
  expect(engine.unload).not.toHaveBeenCalled();
});

test('loading another model unloads the previous one first', async () => {
  const a = fakeEngine('a');
  const host = new EngineHost([a, fakeEngine('b')], async () => DEVICE);
  await host.load('a', () => {});
  await host.load('b', () => {});
  expect(a.unload).toHaveBeenCalledTimes(1);
});

test('unloading drops the loaded model on its engine, and a call then asks for a load', async () => {
  const a = fakeEngine('a');
  const host = new EngineHost([a], async () => DEVICE);
  await host.load('a', () => {});
  await host.unload();
  expect(a.unload).toHaveBeenCalledTimes(1);
  const request = { mode: 'text' as const, purpose: 'classify' as const, prompt: 'x', params: { temperature: 0, topP: 1, maxTokens: 1 } };
  await expect(host.complete(request)).rejects.toMatchObject({ name: 'ModelNotLoadedError' });
  await host.unload();
  expect(a.unload).toHaveBeenCalledTimes(1);
});

test('lists every engine’s stored models, skipping an engine whose storage cannot be read', async () => {
  const broken = { ...fakeEngine('c'), storedModels: async () => Promise.reject(new Error('no OPFS')) };
  const host = new EngineHost([fakeEngine('a'), broken, fakeEngine('b')], async () => DEVICE);
  expect(await host.storedModels()).toEqual([
    { id: 'a', bytes: 10 },
    { id: 'b', bytes: 10 },
  ]);
});

test('deleting a stored model unloads it first when it is the one in use, on the engine that offers it', async () => {
  const a = fakeEngine('a');
  const b = fakeEngine('b');
  const host = new EngineHost([a, b], async () => DEVICE);
  await host.load('b', () => {});
  await host.deleteStored('b');
  expect(b.unload).toHaveBeenCalled();
  expect(b.deleteStored).toHaveBeenCalledWith('b');
  expect(a.deleteStored).not.toHaveBeenCalled();
  await expect(host.complete({ mode: 'text', purpose: 'classify', prompt: 'x', params: { temperature: 0, topP: 1, maxTokens: 1 } })).rejects.toMatchObject({
    name: 'ModelNotLoadedError',
  });
});

test('a cancelled load ends as cancelled, leaves no model loaded, and tells the engine to stop', async () => {
  let finish: () => void = () => {};
  const slow = fakeEngine('slow', () => new Promise<void>((resolve) => (finish = resolve)));
  const host = new EngineHost([slow], async () => DEVICE);
  const loading = host.load('slow', () => {});
  await new Promise((resolve) => setTimeout(resolve, 0));
  await host.cancelLoad();
  expect(slow.unload).toHaveBeenCalled();
  finish();
  expect(await loading).toMatchObject({ ok: false, failure: { reason: 'cancelled' } });
  await expect(host.complete({ mode: 'text', purpose: 'classify', prompt: 'x', params: { temperature: 0, topP: 1, maxTokens: 1 } })).rejects.toMatchObject({
    name: 'ModelNotLoadedError',
  });
});

test('an error no engine recognised is an unexpected failure that keeps its original text', async () => {
  const host = new EngineHost([fakeEngine('a', async () => Promise.reject(new Error('odd thing')))], async () => DEVICE);
  expect(await host.load('a', () => {})).toEqual({ ok: false, failure: { reason: 'unexpected', message: 'The model failed to load: Error: odd thing' } });
});

test.each([
  ['model-lost drops the model: the next call asks for a load', new ModelCrashedError('trap'), 'model-not-loaded'],
  ['completion-failed keeps the model: the next call reaches the engine', new CompletionFailedError('too long'), 'completion-failed'],
])('a completion that fails as %s', async (_case, failure, nextReason) => {
  const engine = fakeEngine('a');
  const host = new EngineHost([engine], async () => DEVICE);
  await host.load('a', () => {});
  vi.mocked(engine.complete).mockRejectedValue(failure);
  const request = { mode: 'text' as const, purpose: 'classify' as const, prompt: 'x', params: { temperature: 0, topP: 1, maxTokens: 1 } };
  await expect(host.complete(request)).rejects.toBe(failure);
  await expect(host.complete(request)).rejects.toMatchObject({ reason: nextReason });
});
