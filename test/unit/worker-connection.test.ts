// The page's worker clients over a real comlink boundary (a MessageChannel in one realm): calls
// and streamed callbacks cross it, a failure keeps its reason, and a dead worker rejects pending
// calls instead of hanging.
import { describe, expect, test } from 'vitest';
import { connectWorker, DownloadClient, FilterClient, GeneratorClient } from '../../src/lib/clients';
import type { DownloadApi } from '../../src/lib/download';
import { ModelCrashedError, type GeneratorApi } from '../../src/lib/engine';
import { FailureError } from '../../src/lib/failure';
import type { FilterApi } from '../../src/lib/novelty';
import { createFilterService } from '../../src/lib/novelty';
import { StorageError } from '../../src/lib/store';
import type { CompletionResult } from '../../src/lib/vocabulary';
import { useChannels } from '../helpers/comlink-channels';

const fakeWorker = useChannels();

const RESULT: CompletionResult = { text: 'one two', finishReason: 'stop', promptTokens: 3, completionTokens: 2, durationMs: 5 };

function generatorApi(overrides: Partial<GeneratorApi> = {}): GeneratorApi {
  return {
    probe: async () => ({ device: { webgpu: false, shaderF16: false }, models: [], notes: [] }),
    load: async (modelId) => ({ ok: true, modelId }),
    loadFile: async (file) => ({ ok: true, modelId: file.name }),
    complete: async (_request, onText) => {
      await onText?.('one');
      await onText?.('one two');
      return RESULT;
    },
    interrupt: () => {},
    cancelLoad: async () => {},
    unload: async () => {},
    storedModels: async () => [],
    deleteStored: async () => {},
    ...overrides,
  };
}

const REQUEST = { mode: 'text' as const, purpose: 'instructions' as const, prompt: 'p', params: { temperature: 0, topP: 1, maxTokens: 5 } };

test('streams text through the callback and returns the result', async () => {
  const { worker } = fakeWorker(generatorApi());
  const client = new GeneratorClient(connectWorker<GeneratorApi>(worker, 'model worker'));
  const seen: string[] = [];
  expect(await client.complete(REQUEST, { onText: (text) => seen.push(text) })).toEqual(RESULT);
  expect(seen).toEqual(['one', 'one two']);
});

test('aborting the signal interrupts the worker, and an already aborted call does not start', async () => {
  let interrupted = 0;
  let release: () => void = () => {};
  let started: () => void = () => {};
  const inWorker = new Promise<void>((resolve) => (started = resolve));
  const { worker } = fakeWorker(
    generatorApi({
      interrupt: () => {
        interrupted++;
        release();
      },
      complete: () => {
        started();
        return new Promise<CompletionResult>((resolve) => (release = () => resolve({ ...RESULT, finishReason: 'abort' })));
      },
    }),
  );
  const client = new GeneratorClient(connectWorker<GeneratorApi>(worker, 'model worker'));
  const controller = new AbortController();
  const pending = client.complete(REQUEST, { signal: controller.signal });
  // Abort once the call is under way in the worker, however long the trip there takes.
  await inWorker;
  controller.abort();
  expect((await pending).finishReason).toBe('abort');
  expect(interrupted).toBe(1);
  expect((await client.complete(REQUEST, { signal: controller.signal })).finishReason).toBe('abort');
  expect(interrupted).toBe(1);
});

test('a crashed worker rejects the call in flight and every later call with WorkerCrashedError', async () => {
  const { worker, crash } = fakeWorker(generatorApi({ complete: () => new Promise<CompletionResult>(() => {}) }));
  const client = new GeneratorClient(connectWorker<GeneratorApi>(worker, 'model worker'));
  const pending = client.complete(REQUEST);
  crash();
  await expect(pending).rejects.toMatchObject({ name: 'WorkerCrashedError', reason: 'worker-crashed', message: expect.stringContaining('model worker') });
  await expect(client.probe()).rejects.toMatchObject({ name: 'WorkerCrashedError' });
});

describe('a failure thrown in the worker', () => {
  test('arrives as a FailureError with its reason, name and message', async () => {
    const crash = new ModelCrashedError('RuntimeError: unreachable');
    const { worker } = fakeWorker(generatorApi({ complete: async () => Promise.reject(crash) }));
    const client = new GeneratorClient(connectWorker<GeneratorApi>(worker, 'model worker'));
    const error = await client.complete(REQUEST).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(FailureError);
    expect(error).toMatchObject({ reason: 'model-lost', name: 'ModelCrashedError', message: crash.message });
  });

  test('a store error keeps its reason too, e.g. from the download worker', async () => {
    const { worker } = fakeWorker({ prepare: async () => Promise.reject(new StorageError('storage-full', 'The disk is full.')) });
    const downloads = new DownloadClient(connectWorker<DownloadApi>(worker, 'download worker'));
    const request = { projectId: 'p', formats: [], includeRejected: false };
    await expect(downloads.prepare(request, () => {})).rejects.toMatchObject({ reason: 'storage-full', name: 'StorageError', message: 'The disk is full.' });
  });

  test('any other error arrives as comlink sends it: name and message, and no reason', async () => {
    const { worker } = fakeWorker(generatorApi({ probe: async () => Promise.reject(new TypeError('a bug')) }));
    const client = new GeneratorClient(connectWorker<GeneratorApi>(worker, 'model worker'));
    const error = await client.probe().catch((thrown: unknown) => thrown);
    expect(error).not.toBeInstanceOf(FailureError);
    expect(error).toMatchObject({ name: 'TypeError', message: 'a bug' });
    expect(error).not.toHaveProperty('reason');
  });

  test('a thrown value that is not an Error arrives intact', async () => {
    const { worker } = fakeWorker(generatorApi({ probe: async () => Promise.reject({ code: 7 }) }));
    const client = new GeneratorClient(connectWorker<GeneratorApi>(worker, 'model worker'));
    await expect(client.probe()).rejects.toEqual({ code: 7 });
  });
});

test('the filter client checks novelty against the pool in the other realm, and replays it at another threshold', async () => {
  const { worker } = fakeWorker(createFilterService());
  const filter = new FilterClient(connectWorker<FilterApi>(worker, 'filter worker'));
  await filter.loadPool([{ id: 's1', instruction: 'Summarize the article in two sentences.' }], { threshold: 0.7, tokenizer: 'default' });
  const verdict = await filter.check('Summarize the article in two short sentences.');
  expect(verdict).toMatchObject({ novel: false, nearest: { id: 's1' } });
  expect(verdict.score).toBeGreaterThan(0.7);
  await filter.add({ id: 't1', instruction: 'Translate the menu into French.' });
  expect(await filter.size()).toBe(2);
  expect((await filter.check('Name three rivers in Africa.')).novel).toBe(true);

  const question = {
    seeds: ['Summarize the article in two sentences.'],
    candidates: ['Summarize this article in two sentences.', 'Translate the menu into French.', 'Translate the menu into German.'],
  };
  expect(await filter.replay({ ...question, options: { threshold: 0.7, tokenizer: 'default' } })).toBe(1);
  expect(await filter.replay({ ...question, options: { threshold: 0.95, tokenizer: 'default' } })).toBe(3);
});
