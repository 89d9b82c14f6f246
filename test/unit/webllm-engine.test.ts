// The web-llm adapter's edge, against a stand-in for web-llm's engine: web-llm's errors become
// ours, with a reason the host and the page act on. web-llm exports none of its error classes,
// so they are made here as web-llm makes them: an Error with the class's `name`.
import type { ChatCompletionChunk } from '@mlc-ai/web-llm';
import { describe, expect, test, vi } from 'vitest';
import type { CompletionRequest } from '../../src/lib/vocabulary';
import { WebLlmEngine, type MlcEngineLike } from '../../src/lib/webllm';

const MODEL_ID = 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC';
const REQUEST: CompletionRequest = { mode: 'chat', purpose: 'classify', messages: [{ role: 'user', content: 'hi' }], params: { temperature: 0, topP: 1, maxTokens: 8 } };

function webLlmError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

function chunk(content: string, finish?: 'stop' | 'length'): ChatCompletionChunk {
  return { id: 'c', object: 'chat.completion.chunk', created: 0, model: MODEL_ID, choices: [{ index: 0, delta: { content }, finish_reason: finish ?? null, logprobs: null }] } as ChatCompletionChunk;
}

/** A stand-in for MLCEngine whose reload and chat stream do what the test says. */
function setup({ reload, stream = [] }: { reload?: unknown; stream?: (ChatCompletionChunk | Error)[] } = {}) {
  const fake = {
    setInitProgressCallback: vi.fn(),
    reload: vi.fn(async () => {
      if (reload) throw reload;
    }),
    chat: {
      completions: {
        create: vi.fn(async () =>
          (async function* () {
            for (const item of stream) {
              if (item instanceof Error) throw item;
              yield item;
            }
          })(),
        ),
      },
    },
    completions: { create: vi.fn() },
    interruptGenerate: vi.fn(),
    unload: vi.fn(async () => {}),
  };
  const engine = new WebLlmEngine([], () => fake as unknown as MlcEngineLike);
  return { engine, fake };
}

describe('load', () => {
  test.each([
    ['no-webgpu', new Error('WebGPUNotAvailableError: WebGPU is not supported in your current environment')],
    ['no-webgpu', webLlmError('WebGPUNotFoundError', 'Cannot find WebGPU in the environment')],
    ['out-of-memory', 'DeviceLostError: The WebGPU device was lost while loading the model. This issue often occurs due to running out of memory (OOM).'],
    ['out-of-memory', webLlmError('DeviceLostError', 'The WebGPU device was lost while loading the model.')],
    ['needs-shader-f16', new Error("Error while parsing WGSL: :1:8 error: extension 'f16' is not allowed in the current environment")],
    ['needs-shader-f16', webLlmError('ShaderF16SupportError', 'This model requires WebGPU extension shader-f16, which is not enabled in this browser.')],
    ['storage-full', new DOMException("Failed to execute 'add' on 'Cache': Quota exceeded.", 'QuotaExceededError')],
    ['network', new TypeError('Failed to fetch')],
    ['network', new Error('ArtifactOPFSCache: Unable to fetch https://huggingface.co/x/resolve/main/tokenizer.json, received status 404')],
    ['not-offered', webLlmError('ModelNotFoundError', 'Cannot find model record in appConfig for x.')],
  ])('recognises a %s failure and says what to do', async (reason, error) => {
    const { engine } = setup({ reload: error });
    const failure = await engine.load(MODEL_ID, () => {}).then(
      () => undefined,
      (thrown: Error) => thrown,
    );
    expect(failure).toMatchObject({ name: 'ModelLoadError', reason });
    expect(failure?.message.length).toBeGreaterThan(40);
  });

  test('an error it does not recognise goes to the host as it came', async () => {
    const odd = new Error('odd thing');
    await expect(setup({ reload: odd }).engine.load(MODEL_ID, () => {})).rejects.toBe(odd);
  });
});

describe('complete', () => {
  async function loaded(stream: (ChatCompletionChunk | Error)[]) {
    const context = setup({ stream });
    await context.engine.load(MODEL_ID, () => {});
    return context;
  }

  test('streams the chat answer and its finish reason', async () => {
    const { engine } = await loaded([chunk('de'), chunk('fg', 'length')]);
    const streamed: string[] = [];
    expect(await engine.complete(REQUEST, (text) => streamed.push(text))).toMatchObject({ text: 'defg', finishReason: 'length' });
    expect(streamed).toEqual(['de', 'defg']);
  });

  test('before any load it is model-not-loaded', async () => {
    await expect(setup().engine.complete(REQUEST)).rejects.toMatchObject({ name: 'ModelNotLoadedError', reason: 'model-not-loaded' });
  });

  test('a prompt longer than the context is completion-failed, and the model stays loaded', async () => {
    const tooLong = webLlmError('ContextWindowSizeExceededError', 'Prompt tokens exceed context window size: number of prompt tokens: 5000; context window size: 4096\nConsider shortening the prompt.');
    const { engine, fake } = await loaded([chunk('de'), tooLong]);
    await expect(engine.complete(REQUEST)).rejects.toMatchObject({
      name: 'CompletionFailedError',
      reason: 'completion-failed',
      message: expect.stringMatching(/number of prompt tokens: 5000; context window size: 4096\)\. Shorten the prompt/),
    });
    expect(fake.unload).not.toHaveBeenCalled();
  });

  test.each([
    // web-llm unloads the model itself once the device is lost, so the next request finds none.
    ['web-llm’s ModelNotLoadedError after a lost device', webLlmError('ModelNotLoadedError', 'Model not loaded before trying to complete ChatCompletionRequest.'), /GPU device was lost/],
    ['DeviceLostError', webLlmError('DeviceLostError', 'The WebGPU device was lost.'), /GPU device was lost/],
    ['an error it does not recognise', new Error('GPUBuffer used in submit while destroyed'), /Error: GPUBuffer used in submit while destroyed/],
  ])('%s is model-lost, and what is left of the model is unloaded', async (_case, error, detail) => {
    const { engine, fake } = await loaded([error]);
    await expect(engine.complete(REQUEST)).rejects.toMatchObject({ name: 'ModelCrashedError', reason: 'model-lost', message: expect.stringMatching(detail) });
    expect(fake.unload).toHaveBeenCalled();
  });
});
