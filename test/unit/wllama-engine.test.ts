// The wllama adapter against a stand-in for wllama: what it asks llama.cpp for, how it reads the
// stream back, and how it survives wllama's traps (a load that "succeeds" without a model, a worker
// that dies). The real wllama runs in test/browser/wllama.test.ts.
import { WllamaAbortError, WllamaError, WllamaRuntimeError, type LoadedContextInfo, type RawCompletionChunk, type WllamaConfig } from '@wllama/wllama/esm/index.js';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { EngineHost, type DeviceReport, type LoadProgress } from '../../src/lib/engine';
import type { CompletionRequest } from '../../src/lib/vocabulary';
import { GGUF_MODELS, threadCount, WllamaEngine, type ModelCache, type WllamaAssets, type WllamaEngineOptions, type WllamaLike } from '../../src/lib/wllama';

const NO_GPU: DeviceReport = { webgpu: false, shaderF16: false };
const GPU: DeviceReport = { webgpu: true, shaderF16: true };
const ASSETS: WllamaAssets = {
  wasm: 'http://127.0.0.1/assets/wllama.wasm',
  compat: { wasm: 'http://127.0.0.1/wllama-compat/wllama.wasm', worker: 'http://127.0.0.1/wllama-compat/wllama.js' },
};
const MODEL = GGUF_MODELS[0]!;

/** What the next stand-in does: its context after a load, the chunks it streams, how it ends. */
interface Script {
  info?: Partial<LoadedContextInfo> & { success?: boolean };
  chunks?: RawCompletionChunk[];
  end?: 'resolve' | 'hang' | unknown;
  logOnLoad?: string;
  /** What loading throws, as wllama or the browser would. */
  loadError?: unknown;
  /** A load asked to run on the GPU throws this (a GPU llama.cpp cannot use). */
  gpuLoadError?: unknown;
  /** The download sends these progress reports, then never ends (a host gone quiet). */
  hangAfter?: { loaded: number; total: number }[];
  /** wllama runs its compatibility build, as on Safari. */
  compat?: boolean;
}

class FakeWllama implements WllamaLike {
  readonly calls: { method: string; args: unknown[] }[] = [];
  exited = false;

  constructor(
    readonly assets: WllamaAssets,
    readonly config: WllamaConfig,
    private readonly script: Script,
  ) {}

  async loadModel(...args: Parameters<WllamaLike['loadModel']>): Promise<void> {
    this.calls.push({ method: 'loadModel', args });
    if (this.script.logOnLoad) this.config.logger?.error(this.script.logOnLoad);
  }

  async loadModelFromUrl(...args: Parameters<WllamaLike['loadModelFromUrl']>): Promise<void> {
    this.calls.push({ method: 'loadModelFromUrl', args });
    if (this.script.loadError) throw this.script.loadError;
    if (this.script.gpuLoadError && args[1].n_gpu_layers !== 0) throw this.script.gpuLoadError;
    if (this.script.hangAfter) {
      for (const report of this.script.hangAfter) args[1].progressCallback?.(report);
      // Like a fetch that the abort signal does not reach: only the engine's own race ends it.
      return new Promise(() => {});
    }
    args[1].progressCallback?.({ loaded: 50, total: 100 });
    args[1].progressCallback?.({ loaded: 100, total: 100 });
  }

  getLoadedContextInfo(): LoadedContextInfo {
    return { n_vocab: 260, ...this.script.info } as LoadedContextInfo;
  }

  getWorkerResources(): { compat: boolean } {
    return { compat: this.script.compat ?? false };
  }

  getNumThreads(): number {
    return (this.calls[0]?.args[1] as { n_threads?: number } | undefined)?.n_threads ?? 1;
  }

  createChatCompletion(options: Parameters<WllamaLike['createChatCompletion']>[0]): Promise<void> {
    this.calls.push({ method: 'createChatCompletion', args: [options] });
    return this.stream(options);
  }

  createCompletion(options: Parameters<WllamaLike['createCompletion']>[0]): Promise<void> {
    this.calls.push({ method: 'createCompletion', args: [options] });
    return this.stream(options);
  }

  async exit(): Promise<void> {
    this.exited = true;
  }

  // Like wllama: the abort signal is checked between chunks.
  private async stream(options: { abortSignal?: AbortSignal; onData: (chunk: never) => void }): Promise<void> {
    for (const chunk of this.script.chunks ?? []) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      if (options.abortSignal?.aborted) throw new WllamaAbortError();
      options.onData(chunk as never);
    }
    const end = this.script.end ?? 'resolve';
    if (end === 'hang') return new Promise(() => {});
    if (end !== 'resolve') throw end;
  }
}

function chunk(text: string, last?: Pick<RawCompletionChunk, 'usage' | 'timings'> & { finish: 'stop' | 'length' }): RawCompletionChunk {
  return {
    id: 'c',
    object: 'text_completion',
    created: 0,
    model: 'm',
    choices: [{ text, index: 0, finish_reason: last?.finish ?? null, logprobs: null }],
    ...(last?.usage ? { usage: last.usage } : {}),
    ...(last?.timings ? { timings: last.timings } : {}),
  };
}

const TIMINGS = { cache_n: 0, prompt_n: 4, prompt_ms: 1, prompt_per_token_ms: 1, prompt_per_second: 400, predicted_n: 3, predicted_ms: 10, predicted_per_token_ms: 3, predicted_per_second: 300 };
const ANSWER = [chunk('de'), chunk('f'), chunk('g', { finish: 'length', usage: { prompt_tokens: 4, completion_tokens: 3, total_tokens: 7 }, timings: TIMINGS })];

function setup(script: Script = {}, options: Partial<WllamaEngineOptions> = {}) {
  const fakes: FakeWllama[] = [];
  const engine = new WllamaEngine({
    assets: ASSETS,
    threads: () => 1,
    ...options,
    create: async (assets, config) => {
      const fake = new FakeWllama(assets, config, script);
      fakes.push(fake);
      return fake;
    },
  });
  return { engine, fakes, script };
}

const textRequest = (overrides: Partial<CompletionRequest> = {}): CompletionRequest =>
  ({ mode: 'text', purpose: 'classify', prompt: 'abc', params: { temperature: 0, topP: 1, maxTokens: 3 }, ...overrides }) as CompletionRequest;

const gguf = (name: string, text = 'GGUF rest of the file') => new File([text], name);

describe('catalog', () => {
  test('without WebGPU offers the GGUF models, the first one recommended', () => {
    const options = setup().engine.catalog(NO_GPU);
    expect(options.map((option) => option.id)).toEqual(GGUF_MODELS.map((model) => model.id));
    expect(options[0]).toMatchObject({ id: 'gguf:qwen2.5-1.5b-instruct-q4_k_m', recommended: true, downloadMB: 986, contextWindow: 4096 });
    expect(options.filter((option) => option.recommended)).toHaveLength(1);
  });

  test('with WebGPU offers them too, but recommends none (web-llm’s models come first)', () => {
    const options = setup().engine.catalog(GPU);
    expect(options).toHaveLength(GGUF_MODELS.length);
    expect(options.some((option) => option.recommended)).toBe(false);
  });

  test('lists only absolute Hugging Face URLs that end in .gguf', () => {
    for (const model of GGUF_MODELS) expect(model.url).toMatch(/^https:\/\/huggingface\.co\/.+\/resolve\/main\/.+\.gguf$/);
  });
});

describe('load', () => {
  test('downloads by URL into the cache, on the CPU, from our own wasm, reporting progress to ready', async () => {
    const { engine, fakes } = setup();
    const progress: LoadProgress[] = [];
    await engine.load(MODEL.id, (report) => progress.push(report));
    const [fake] = fakes;
    expect(fake!.assets).toEqual(ASSETS);
    expect(fake!.config).toMatchObject({ allowOffline: true });
    expect(fake!.calls[0]).toMatchObject({ method: 'loadModelFromUrl', args: [MODEL.url, { useCache: true, n_gpu_layers: 0, n_ctx: 4096, n_parallel: 1 }] });
    expect(progress.map((report) => report.fraction)).toEqual([0, 0.45, 0.95, 1]);
  });

  test('a load that resolves without a model is a ModelFileError with llama.cpp’s reason, and nothing stays loaded', async () => {
    const { engine, fakes } = setup({ info: { n_vocab: 0, success: false }, logOnLoad: 'llama_model_load: error loading model: tensor data is not within the file bounds' });
    const loading = engine.loadFile(gguf('cut.gguf'), () => {});
    await expect(loading).rejects.toMatchObject({ name: 'ModelFileError', reason: 'bad-model-file', message: expect.stringMatching(/could not load this model \(tensor data is not within the file bounds\)/) });
    expect(fakes[0]!.exited).toBe(true);
    await expect(engine.complete(textRequest())).rejects.toMatchObject({ name: 'ModelNotLoadedError' });
  });

  test('a file that does not start with "GGUF" is refused before wllama starts', async () => {
    const { engine, fakes } = setup();
    await expect(engine.loadFile(gguf('notes.gguf', 'hello'), () => {})).rejects.toMatchObject({ name: 'ModelFileError', message: expect.stringMatching(/not a GGUF model file/) });
    expect(fakes).toHaveLength(0);
  });

  test('a file loads from its Blob and is known as gguf-file:<name>', async () => {
    const { engine, fakes } = setup();
    const file = gguf('mine.gguf');
    expect(await engine.loadFile(file, () => {})).toBe('gguf-file:mine.gguf');
    expect(fakes[0]!.calls[0]).toMatchObject({ method: 'loadModel', args: [[file], { n_gpu_layers: 0 }] });
  });

  test.each([
    ['out-of-memory', new Error('Aborted(Cannot enlarge memory arrays to size 2147483648 bytes (OOM).)'), /out of memory.*on the CPU/],
    ['out-of-memory', new Error('Cannot allocate WebAssembly.Memory'), /out of memory.*on the CPU/],
    ['network', new WllamaError('Failed to download the model', 'download_error'), /could not be downloaded/],
    ['network', new Error('Failed to fetch https://huggingface.co/x.gguf: HTTP 503'), /could not be downloaded/],
    ['network', new TypeError('Failed to fetch'), /could not be downloaded/],
    ['storage-full', new DOMException('The quota has been exceeded.', 'QuotaExceededError'), /no room left/],
  ])('a load that fails for lack of %s says so, and nothing stays loaded', async (reason, error, message) => {
    const { engine, fakes } = setup({ loadError: error });
    await expect(engine.load(MODEL.id, () => {})).rejects.toMatchObject({ name: 'ModelLoadError', reason, message: expect.stringMatching(message) });
    expect(fakes[0]!.exited).toBe(true);
    await expect(engine.complete(textRequest())).rejects.toMatchObject({ reason: 'model-not-loaded' });
  });

  test('a load error it does not recognise goes to the host as it came', async () => {
    const odd = new Error('odd thing');
    await expect(setup({ loadError: odd }).engine.load(MODEL.id, () => {})).rejects.toBe(odd);
  });

  test('an id it does not offer is not-offered, before wllama starts', async () => {
    const { engine, fakes } = setup();
    await expect(engine.load('gguf:nothing', () => {})).rejects.toMatchObject({ name: 'UnknownModelError', reason: 'not-offered' });
    expect(fakes).toHaveLength(0);
  });

  test('loading again ends the previous instance first', async () => {
    const { engine, fakes } = setup();
    await engine.load(MODEL.id, () => {});
    await engine.loadFile(gguf('mine.gguf'), () => {});
    expect(fakes.map((fake) => fake.exited)).toEqual([true, false]);
  });
});

/** A cache that keeps `urls` whole. */
const cacheWith = (...urls: string[]) => async (): Promise<ModelCache> => ({
  list: async () => urls.map((originalURL) => ({ size: 100, metadata: { originalURL } })),
  delete: async () => {},
});

describe('downloads the user controls', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  test('cancel ends a download in progress at once: its fetch is aborted and the host reports the load cancelled', async () => {
    const { engine, fakes } = setup({ hangAfter: [{ loaded: 10, total: 100 }] });
    const host = new EngineHost([engine], async () => NO_GPU);
    const loading = host.load(MODEL.id, () => {});
    await vi.waitFor(() => expect(fakes[0]?.calls).toHaveLength(1));
    await host.cancelLoad();
    expect(await loading).toMatchObject({ ok: false, failure: { reason: 'cancelled' } });
    const { signal } = fakes[0]!.calls[0]!.args[1] as { signal: AbortSignal };
    expect(signal.aborted).toBe(true);
    expect(fakes[0]!.exited).toBe(true);
    await expect(engine.complete(textRequest())).rejects.toMatchObject({ name: 'ModelNotLoadedError' });
  });

  test('a download with no new bytes for the stall time stops as stalled, naming the host and what to do', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { engine, fakes } = setup({ hangAfter: [{ loaded: 10, total: 100 }] });
    const loading = engine.load(MODEL.id, () => {});
    const outcome = expect(loading).rejects.toMatchObject({
      name: 'ModelLoadError',
      reason: 'stalled',
      message: expect.stringMatching(/No data has come from huggingface\.co for 20 s.*Retry, open a \.gguf file.*Self-hosted models/),
    });
    await vi.waitFor(() => expect(fakes[0]?.calls).toHaveLength(1));
    // Each new byte restarts the wait: 19 s of quiet is no stall.
    vi.advanceTimersByTime(19_000);
    (fakes[0]!.calls[0]!.args[1] as { progressCallback: (report: { loaded: number; total: number }) => void }).progressCallback({ loaded: 20, total: 100 });
    vi.advanceTimersByTime(19_000);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(1_000);
    await outcome;
    expect((fakes[0]!.calls[0]!.args[1] as { signal: AbortSignal }).signal.aborted).toBe(true);
    expect(fakes[0]!.exited).toBe(true);
  });

  test('a model already in the browser’s storage is not watched for stalls: llama.cpp may read it for long', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { engine, fakes } = setup({ hangAfter: [] }, { cache: cacheWith(MODEL.url) });
    const progress: LoadProgress[] = [];
    void engine.load(MODEL.id, (report) => progress.push(report));
    await vi.waitFor(() => expect(fakes[0]?.calls).toHaveLength(1));
    expect(vi.getTimerCount()).toBe(0);
    expect(progress[0]!.text).toMatch(/from this browser's storage/);
  });

  test('a host that sends no size gets the bytes so far shown, and is still watched for stalls', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { engine, fakes } = setup({ hangAfter: [{ loaded: 2_000_000, total: 0 }] });
    const progress: LoadProgress[] = [];
    void engine.load(MODEL.id, (report) => progress.push(report)).catch(() => {});
    await vi.waitFor(() => expect(fakes[0]?.calls).toHaveLength(1));
    expect(progress.at(-1)).toEqual({ fraction: 0, text: 'Downloading the model: 2.0 MB so far' });
    expect(vi.getTimerCount()).toBe(1);
  });

  test('the stall watch ends once every byte came', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { engine, fakes } = setup({ hangAfter: [{ loaded: 100, total: 100 }] });
    void engine.load(MODEL.id, () => {});
    await vi.waitFor(() => expect(fakes[0]?.calls).toHaveLength(1));
    expect(vi.getTimerCount()).toBe(0);
  });

  test('offline with a model not downloaded fails at once, naming its host, before wllama starts', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const { engine, fakes } = setup();
    await expect(engine.load(MODEL.id, () => {})).rejects.toMatchObject({
      reason: 'offline',
      message: expect.stringMatching(/You are offline, and Qwen2\.5 1\.5B .* is not downloaded yet: it comes from huggingface\.co\..*open a \.gguf file/),
    });
    expect(fakes).toHaveLength(0);
  });

  test('offline with the model downloaded loads it from storage', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const { engine } = setup({}, { cache: cacheWith(MODEL.url) });
    await expect(engine.load(MODEL.id, () => {})).resolves.toBeUndefined();
  });

  test('a failed download names the host', async () => {
    const { engine } = setup({ loadError: new TypeError('Failed to fetch') });
    await expect(engine.load(MODEL.id, () => {})).rejects.toMatchObject({
      reason: 'network',
      message: expect.stringMatching(/could not be downloaded from huggingface\.co \(TypeError: Failed to fetch\).*if huggingface\.co is blocked here/),
    });
  });
});

describe('threads', () => {
  test('llama.cpp gets the thread count, and the host’s outcome says where the model runs', async () => {
    const { engine, fakes } = setup({}, { threads: () => 2 });
    const host = new EngineHost([engine], async () => NO_GPU);
    expect(await host.load(MODEL.id, () => {})).toEqual({ ok: true, modelId: MODEL.id, runsOn: 'CPU, 2 threads' });
    expect(fakes[0]!.calls[0]!.args[1]).toMatchObject({ n_threads: 2 });
  });

  test.each([
    [{}, 1],
    [{ crossOriginIsolated: false, navigator: { hardwareConcurrency: 8 } }, 1],
    [{ crossOriginIsolated: true, navigator: { hardwareConcurrency: 2 } }, 2],
    [{ crossOriginIsolated: true, navigator: { hardwareConcurrency: 4 } }, 2],
    [{ crossOriginIsolated: true, navigator: { hardwareConcurrency: 12 } }, 6],
    [{ crossOriginIsolated: true, navigator: { hardwareConcurrency: 32 } }, 8],
    [{ crossOriginIsolated: true, navigator: {} }, 1],
  ])('threadCount(%o) is %i: one thread where the page is not isolated, else half the cores but two at least', (scope, threads) => {
    expect(threadCount(scope)).toBe(threads);
  });
});

describe('on the GPU', () => {
  test('asked for the GPU, every layer goes there and the host says so', async () => {
    const { engine, fakes } = setup();
    const host = new EngineHost([engine], async () => GPU);
    expect(await host.load(MODEL.id, () => {}, { gpu: true })).toEqual({ ok: true, modelId: MODEL.id, runsOn: 'GPU (WebGPU)' });
    expect(fakes[0]!.calls[0]!.args[1]).toMatchObject({ n_gpu_layers: 999 });
  });

  test('without WebGPU, or when the user chose the CPU, nothing goes to the GPU', async () => {
    for (const [device, gpu] of [[NO_GPU, true], [GPU, false]] as const) {
      const { engine, fakes } = setup();
      expect(await new EngineHost([engine], async () => device).load(MODEL.id, () => {}, { gpu })).toMatchObject({ ok: true, runsOn: 'CPU, 1 thread' });
      expect(fakes[0]!.calls[0]!.args[1]).toMatchObject({ n_gpu_layers: 0 });
    }
  });

  test('on wllama’s compatibility build (Safari) the host says so, on the CPU and on the GPU', async () => {
    const cpu = setup({ compat: true }, { threads: () => 2 }).engine;
    expect(await new EngineHost([cpu], async () => NO_GPU).load(MODEL.id, () => {})).toMatchObject({ runsOn: 'CPU, 2 threads, compatibility build' });
    const gpu = setup({ compat: true }).engine;
    expect(await new EngineHost([gpu], async () => GPU).load(MODEL.id, () => {}, { gpu: true })).toMatchObject({ runsOn: 'GPU (WebGPU), compatibility build' });
  });

  test('a GPU load that fails falls back to the CPU, and the host says the GPU could not take it', async () => {
    const { engine, fakes } = setup({ gpuLoadError: new WllamaRuntimeError('Aborted(shader-f16 missing)', '') }, { threads: () => 2 });
    const progress: LoadProgress[] = [];
    const outcome = await new EngineHost([engine], async () => GPU).load(MODEL.id, (report) => progress.push(report), { gpu: true });
    expect(outcome).toEqual({ ok: true, modelId: MODEL.id, runsOn: 'CPU, 2 threads (the GPU could not load it)' });
    expect(fakes.map((fake) => (fake.calls[0]!.args[1] as { n_gpu_layers: number }).n_gpu_layers)).toEqual([999, 0]);
    expect(fakes[0]!.exited).toBe(true);
    expect(progress.map((report) => report.text)).toContain('The GPU could not load the model: loading it on the CPU…');
  });

  test('a download that fails is no reason to try the CPU', async () => {
    const { engine, fakes } = setup({ loadError: new TypeError('Failed to fetch') });
    const outcome = await new EngineHost([engine], async () => GPU).load(MODEL.id, () => {}, { gpu: true });
    expect(outcome).toMatchObject({ ok: false, failure: { reason: 'network' } });
    expect(fakes).toHaveLength(1);
  });
});

describe('complete', () => {
  async function loaded(script: Script) {
    const context = setup(script);
    await context.engine.load(MODEL.id, () => {});
    return { ...context, fake: context.fakes[0]! };
  }

  test('sends a chat request with OpenAI sampling names, stop, seed and the JSON schema as response_format', async () => {
    const { engine, fake } = await loaded({ chunks: ANSWER });
    const schema = { type: 'object', properties: { is_classification: { type: 'boolean' } } };
    await engine.complete({
      mode: 'chat',
      purpose: 'classify',
      messages: [{ role: 'user', content: 'hi' }],
      params: { temperature: 0.7, topP: 0.5, maxTokens: 16, stop: ['\n'], seed: 9 },
      responseFormat: { type: 'json_object', schema: JSON.stringify(schema) },
    });
    expect(fake.calls[1]).toMatchObject({
      method: 'createChatCompletion',
      args: [
        {
          messages: [{ role: 'user', content: 'hi' }],
          temperature: 0.7,
          top_p: 0.5,
          max_tokens: 16,
          presence_penalty: 0,
          frequency_penalty: 0,
          stop: ['\n'],
          seed: 9,
          response_format: { type: 'json_schema', json_schema: { name: 'answer', schema } },
          stream: true,
        },
      ],
    });
  });

  test('sends a text request as a raw completion, with the schema as llama-server’s json_schema', async () => {
    const { engine, fake } = await loaded({ chunks: ANSWER });
    await engine.complete(textRequest({ responseFormat: { type: 'json_object', schema: '{"type":"object"}' } }));
    const [options] = fake.calls[1]!.args as [Record<string, unknown>];
    expect(fake.calls[1]!.method).toBe('createCompletion');
    expect(options).toMatchObject({ prompt: 'abc', json_schema: { type: 'object' } });
    expect(options).not.toHaveProperty('stop');
    expect(options).not.toHaveProperty('response_format');
  });

  test('streams the growing text and maps finish reason, usage and speed', async () => {
    const { engine } = await loaded({ chunks: ANSWER });
    const streamed: string[] = [];
    const result = await engine.complete(textRequest(), (text) => streamed.push(text));
    expect(streamed).toEqual(['de', 'def', 'defg']);
    expect(result).toMatchObject({ text: 'defg', finishReason: 'length', promptTokens: 4, completionTokens: 3, tokensPerSecond: 300 });
  });

  test('interrupt ends the answer with finishReason abort and the text so far; the model answers again', async () => {
    const { engine } = await loaded({ chunks: ANSWER });
    const result = await engine.complete(textRequest(), (text) => text === 'de' && engine.interrupt());
    expect(result).toMatchObject({ text: 'de', finishReason: 'abort' });
    expect((await engine.complete(textRequest())).text).toBe('defg');
  });

  test('a wasm runtime error is a ModelCrashedError, the instance is ended and nothing stays loaded', async () => {
    const { engine, fake } = await loaded({ chunks: ANSWER.slice(0, 1), end: new WllamaRuntimeError('Invalid typed array length: 1163217991', 'at runAction\n…') });
    await expect(engine.complete(textRequest())).rejects.toMatchObject({
      name: 'ModelCrashedError',
      reason: 'model-lost',
      message: 'The model stopped with an error (RuntimeError: Invalid typed array length: 1163217991). Load the model again, then resume the run.',
    });
    expect(fake.exited).toBe(true);
    await expect(engine.complete(textRequest())).rejects.toMatchObject({ name: 'ModelNotLoadedError' });
  });

  test('a request llama-server refuses is a CompletionFailedError, and the model stays loaded', async () => {
    const { engine, fake, script } = await loaded({ end: new WllamaError('the request exceeds the available context size', 'inference_error') });
    await expect(engine.complete(textRequest())).rejects.toMatchObject({ name: 'CompletionFailedError', reason: 'completion-failed', message: expect.stringMatching(/exceeds the available context size/) });
    expect(fake.exited).toBe(false);
    script.end = 'resolve';
    await expect(engine.complete(textRequest())).resolves.toMatchObject({ finishReason: 'stop' });
  });

  test('a worker error event ends a call that wllama would leave pending forever', async () => {
    const { engine, fake } = await loaded({ end: 'hang' });
    const pending = engine.complete(textRequest());
    fake.config.logger!.error(Object.assign(new Event('error'), { message: 'Uncaught RuntimeError: unreachable' }));
    await expect(pending).rejects.toMatchObject({ name: 'ModelCrashedError', message: expect.stringMatching(/worker failed: Uncaught RuntimeError: unreachable/) });
  });

  test('unloading mid-answer settles the call with finishReason abort', async () => {
    const { engine } = await loaded({ chunks: ANSWER.slice(0, 1), end: 'hang' });
    const pending = engine.complete(textRequest(), () => void engine.unload());
    await expect(pending).resolves.toMatchObject({ text: 'de', finishReason: 'abort' });
  });
});

describe('through the engine host', () => {
  test('loadFile reaches the engine that reads files; a bad file is a bad-model-file failure', async () => {
    const { engine } = setup();
    const host = new EngineHost([engine], async () => NO_GPU);
    expect(await host.loadFile(gguf('mine.gguf'), () => {})).toEqual({ ok: true, modelId: 'gguf-file:mine.gguf', runsOn: 'CPU, 1 thread' });
    expect(await host.loadFile(gguf('x.gguf', 'PK zip'), () => {})).toMatchObject({ ok: false, failure: { reason: 'bad-model-file' } });
  });

  test('after a crash the host has no model until one is loaded again', async () => {
    const { engine, script } = setup({ end: new WllamaRuntimeError('unreachable', '') });
    const host = new EngineHost([engine], async () => NO_GPU);
    await host.load(MODEL.id, () => {});
    await expect(host.complete(textRequest())).rejects.toMatchObject({ name: 'ModelCrashedError' });
    await expect(host.complete(textRequest())).rejects.toMatchObject({ name: 'ModelNotLoadedError' });
    script.end = 'resolve';
    expect(await host.load(MODEL.id, () => {})).toEqual({ ok: true, modelId: MODEL.id, runsOn: 'CPU, 1 thread' });
    await expect(host.complete(textRequest())).resolves.toMatchObject({ finishReason: 'stop' });
  });

  test('a host whose engines read no files says so', async () => {
    const host = new EngineHost([], async () => NO_GPU);
    expect(await host.loadFile(gguf('mine.gguf'), () => {})).toMatchObject({ ok: false, failure: { reason: 'not-offered', message: expect.stringMatching(/cannot open model files/) } });
  });
});
