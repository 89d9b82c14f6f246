// The wllama adapter: llama.cpp compiled to WebAssembly, on the CPU, for browsers without WebGPU
// or by choice. Only the generator worker imports this area, and wllama's own code (about 330 KB)
// is fetched only when a GGUF model is loaded. Traps it designs around:
// ../shared/research/wllama_probe.md ("Gotchas").
import type { ChatCompletionChunk, LoadModelParams, LogLevel, RawCompletionChunk } from '@wllama/wllama/esm/index.js';
import {
  ModelFileError,
  ModelLoadError,
  ModelNotLoadedError,
  UnknownModelError,
  type DeviceReport,
  type Engine,
  type LoadPreferences,
  type LoadProgress,
  type ModelOption,
  type StoredModel,
} from '../engine';
import { describeError, FailureError } from '../failure';
import type { CompletionRequest, CompletionResult } from '../vocabulary';
import { completionBody, StreamedAnswer } from './completion-body';
import { DownloadGuard, STALL_MS } from './download-guard';
import { GGUF_MODELS, ggufOptions, type GgufModel } from './gguf-catalog';
import { isAbortError, loadFailureReason, wllamaCompletionError, wllamaLoadError } from './wllama-failure';
import { threadCount } from './thread-count';
import { createWllama, hasModel, startInstance, type CreateWllama, type Instance, type WllamaAssets, type WllamaLike } from './wllama-instance';

export interface WllamaEngineOptions {
  /** llama.cpp's builds on our own origin: the worker imports them with Vite's `?url`. */
  assets: WllamaAssets;
  /** The models offered by URL; GGUF_MODELS unless a test build adds its own. */
  models?: readonly GgufModel[];
  /** llama.cpp's context size in tokens, for every model. */
  contextSize?: number;
  /** Makes one wllama instance; the default is the real one, without its CDN fallback. */
  create?: CreateWllama;
  /** How long a download may go without new bytes before it stops as stalled: STALL_MS but in the e2e build. */
  stallMs?: number;
  /** wllama's store of downloaded models (OPFS); a test can stand in for it. */
  cache?: () => Promise<ModelCache>;
  /** llama.cpp's thread count; the default reads the page's isolation and cores. */
  threads?: () => number;
}

/** The part of wllama's CacheManager this adapter uses. */
export interface ModelCache {
  list(): Promise<{ size: number; metadata: { originalURL: string } }[]>;
  delete(url: string): Promise<void>;
}

// A Self-Instruct prompt with 8 in-context tasks and its answer fit in 2k tokens; the rest is
// headroom. wllama's default would be 1024.
const DEFAULT_CONTEXT = 4096;
const FILE_MODEL_PREFIX = 'gguf-file:';
// Every layer on the GPU (llama.cpp caps it at the model's count).
const ALL_LAYERS = 999;
const READY: LoadProgress = { fraction: 1, text: 'The model is ready.' };
// Failures the GPU cannot be why of: a CPU load would meet them too.
const NOT_THE_GPU: ReadonlySet<string> = new Set(['cancelled', 'stalled', 'offline', 'network', 'storage-full']);

type Open = (wllama: WllamaLike, params: LoadModelParams) => Promise<void>;

// llama.cpp's warnings and errors only: enough to explain a failed load.
const LOG_WARN: LogLevel = 3;

export class WllamaEngine implements Engine {
  readonly #assets: WllamaAssets;
  readonly #models: readonly GgufModel[];
  readonly #contextSize: number;
  readonly #create: CreateWllama;
  readonly #stallMs: number;
  readonly #cache: () => Promise<ModelCache>;
  readonly #threads: () => number;
  #loaded: Instance | undefined;
  #inFlight: AbortController | undefined;
  #download: DownloadGuard | undefined;
  #runsOn = '';

  constructor({
    assets,
    models = GGUF_MODELS,
    contextSize = DEFAULT_CONTEXT,
    create = createWllama,
    stallMs = STALL_MS,
    cache = wllamaCache,
    threads = () => threadCount(),
  }: WllamaEngineOptions) {
    this.#assets = assets;
    this.#models = models;
    this.#contextSize = contextSize;
    this.#create = create;
    this.#stallMs = stallMs;
    this.#cache = cache;
    this.#threads = threads;
  }

  catalog(device: DeviceReport): ModelOption[] {
    return ggufOptions(this.#models, device, this.#contextSize);
  }

  async load(modelId: string, onProgress: (progress: LoadProgress) => void, preferences?: LoadPreferences): Promise<void> {
    const model = this.#models.find((candidate) => candidate.id === modelId);
    if (!model) throw new UnknownModelError(modelId);
    const { host } = new URL(model.url);
    const stored = await this.#isStored(model.url);
    // The browser knows it has no network: say so now, not after a fetch fails.
    if (!stored && globalThis.navigator?.onLine === false) throw new ModelLoadError('offline', offlineMessage(model.label, host));
    onProgress({ fraction: 0, text: stored ? `Opening ${model.label} from this browser's storage…` : `Downloading ${model.label} from ${host}…` });
    // A stored model has nothing to stall on, and llama.cpp reading it may take long.
    const guard = new DownloadGuard(host, stored ? undefined : this.#stallMs);
    await this.#start(
      onProgress,
      (wllama, params) =>
        guard.watch(
          wllama.loadModelFromUrl(model.url, {
            ...params,
            // Kept in the browser's storage (OPFS), so later loads need no network.
            useCache: true,
            signal: guard.signal,
            progressCallback: ({ loaded, total }) => {
              guard.progress(loaded, total);
              onProgress(downloadProgress(loaded, total));
            },
          }),
        ),
      { gpu: preferences?.gpu ?? false, download: { guard, host } },
    );
  }

  async loadFile(file: File, onProgress: (progress: LoadProgress) => void, preferences?: LoadPreferences): Promise<string> {
    await checkGgufMagic(file);
    onProgress({ fraction: 0, text: `Opening ${file.name} (${megabytes(file.size)} MB)…` });
    // wllama reads the file through Blob.slice as llama.cpp asks for it: nothing is copied first.
    await this.#start(onProgress, (wllama, params) => wllama.loadModel([file], params), { gpu: preferences?.gpu ?? false });
    return FILE_MODEL_PREFIX + file.name;
  }

  async complete(request: CompletionRequest, onText?: (textSoFar: string) => void): Promise<CompletionResult> {
    const instance = this.#loaded;
    if (!instance) throw new ModelNotLoadedError();
    const body = completionBody(request);
    const controller = new AbortController();
    this.#inFlight = controller;
    const answer = new StreamedAnswer();
    const stream = {
      stream: true as const,
      abortSignal: controller.signal,
      onData: (chunk: ChatCompletionChunk | RawCompletionChunk) => {
        if (answer.add(chunk)) onText?.(answer.text);
      },
    };
    const started = performance.now();
    try {
      const call =
        body.mode === 'chat'
          ? instance.wllama.createChatCompletion({ ...body.params, ...stream })
          : instance.wllama.createCompletion({ ...body.params, ...stream });
      await Promise.race([call, instance.died]);
      return answer.result(performance.now() - started, false);
    } catch (error) {
      // Interrupted, or unloaded mid-answer: either way the caller asked it to stop.
      const stopped = controller.signal.aborted && (isAbortError(error) || this.#loaded !== instance);
      if (stopped) return answer.result(performance.now() - started, true);
      const failure = wllamaCompletionError(error);
      // A dead instance is dropped, so the next load starts a fresh one.
      if (failure.reason === 'model-lost') await this.#discard(instance);
      throw failure;
    } finally {
      if (this.#inFlight === controller) this.#inFlight = undefined;
    }
  }

  interrupt(): void {
    this.#inFlight?.abort();
  }

  /** Also ends a download in progress, at once: the load then rejects as cancelled. */
  async unload(): Promise<void> {
    this.#download?.cancel();
    this.#inFlight?.abort();
    if (this.#loaded) await this.#discard(this.#loaded);
  }

  runsOn(): string | undefined {
    return this.#loaded && this.#runsOn;
  }

  /** GGUF downloads kept by wllama's cache (OPFS), matched to the catalog by URL. */
  async storedModels(): Promise<StoredModel[]> {
    const entries = await (await this.#cache()).list();
    return this.#models.flatMap((model) => {
      const entry = entries.find((candidate) => candidate.metadata.originalURL === model.url);
      return entry ? [{ id: model.id, bytes: entry.size }] : [];
    });
  }

  async deleteStored(modelId: string): Promise<void> {
    const model = this.#models.find((candidate) => candidate.id === modelId);
    if (model) await (await this.#cache()).delete(model.url);
  }

  /** Whether the browser keeps this model's whole file; a storage that cannot be read keeps none. */
  async #isStored(url: string): Promise<boolean> {
    try {
      const entries = await (await this.#cache()).list();
      return entries.some((entry) => entry.metadata.originalURL === url);
    } catch {
      return false;
    }
  }

  /**
   * Loads on the GPU when asked, and on the CPU if that fails for a reason of the GPU's (a
   * download that failed or was cancelled is no such reason): the model still runs, and the card
   * says the GPU did not take it.
   */
  async #start(onProgress: (progress: LoadProgress) => void, open: Open, { gpu, download }: { gpu: boolean; download?: { guard: DownloadGuard; host: string } }): Promise<void> {
    await this.unload();
    this.#download = download?.guard;
    try {
      if (gpu) {
        try {
          const loaded = await this.#open(open, { ...this.#loadParams(), n_gpu_layers: ALL_LAYERS }, download?.host);
          this.#runsOn = `GPU (WebGPU)${buildNote(loaded.wllama)}`;
          onProgress(READY);
          return;
        } catch (error) {
          if (!gpuMayBeWhy(error)) throw error;
          onProgress({ fraction: 0.95, text: 'The GPU could not load the model: loading it on the CPU…' });
        }
      }
      const loaded = await this.#open(open, this.#loadParams(), download?.host);
      // wllama's own count: one thread wherever the page cannot share memory.
      const threads = loaded.wllama.getNumThreads();
      this.#runsOn = `CPU, ${threads} thread${threads === 1 ? '' : 's'}${gpu ? ' (the GPU could not load it)' : ''}${buildNote(loaded.wllama)}`;
      onProgress(READY);
    } finally {
      download?.guard.dispose();
      if (this.#download === download?.guard) this.#download = undefined;
    }
  }

  async #open(open: Open, params: LoadModelParams, host: string | undefined): Promise<Instance> {
    const instance = await startInstance(this.#create, this.#assets);
    try {
      await Promise.race([open(instance.wllama, params), instance.died]);
      if (!hasModel(instance.wllama)) {
        const reason = loadFailureReason(instance.log);
        throw new ModelFileError(
          `llama.cpp could not load this model${reason ? ` (${describeError(reason)})` : ''}. The file may be cut short or not a llama.cpp model: download it again, or pick another .gguf file.`,
        );
      }
    } catch (error) {
      await this.#discard(instance);
      throw wllamaLoadError(error, host);
    }
    this.#loaded = instance;
    return instance;
  }

  /**
   * On the CPU; #start asks for the GPU. One request at a time, so one slot. llama-server keeps the
   * slot's last prompt in its KV cache and evaluates only what a call adds to the prefix they share
   * (reported as cachedPromptTokens). More slots, one per kind of call, would keep each kind's
   * prefix, but a run makes its calls of one kind in a row, so they saved 5 % of the evaluated
   * tokens for four times the KV memory (npm run bench:engine): not worth it.
   */
  #loadParams(): LoadModelParams {
    return { n_ctx: this.#contextSize, n_parallel: 1, n_gpu_layers: 0, n_threads: this.#threads(), log_level: LOG_WARN };
  }

  async #discard(instance: Instance): Promise<void> {
    if (this.#loaded === instance) this.#loaded = undefined;
    instance.end(new Error('the model was unloaded'));
    await instance.wllama.exit().catch(() => {});
  }
}

/**
 * Safari and other browsers without JSPI or Memory64 run wllama's compatibility build: say so. Not
 * "slower": on one thread it decoded a 4-bit model 1.12–1.15× as fast as the default build, and an
 * f32 one 0.56–0.78× (npm run bench:engine -- --part compat); what costs those browsers is the one
 * thread, which the note shows.
 */
function buildNote(wllama: WllamaLike): string {
  return wllama.getWorkerResources().compat ? ', compatibility build' : '';
}

function gpuMayBeWhy(error: unknown): boolean {
  return !(error instanceof FailureError && NOT_THE_GPU.has(error.reason));
}

async function wllamaCache(): Promise<ModelCache> {
  const { CacheManager } = await import('@wllama/wllama/esm/index.js');
  return new CacheManager();
}

function offlineMessage(label: string, host: string): string {
  return `You are offline, and ${label} is not downloaded yet: it comes from ${host}. Connect to the internet and load it again, or open a .gguf file from this computer.`;
}

async function checkGgufMagic(file: File): Promise<void> {
  const magic = new TextDecoder().decode(await file.slice(0, 4).arrayBuffer());
  if (magic !== 'GGUF') {
    throw new ModelFileError(`"${file.name}" is not a GGUF model file. Pick a .gguf file, such as one of the Q4_K_M files llama.cpp uses.`);
  }
}

function downloadProgress(loaded: number, total: number): LoadProgress {
  if (total > 0 && loaded >= total) return { fraction: 0.95, text: 'Loading the model into memory…' };
  // The last 10% is llama.cpp reading the weights.
  const fraction = total > 0 ? 0.9 * (loaded / total) : 0;
  // A host that sends no Content-Length leaves the size unknown until the end.
  return { fraction, text: total > 0 ? `Downloading the model: ${megabytes(loaded)} of ${megabytes(total)} MB` : `Downloading the model: ${megabytes(loaded)} MB so far` };
}

function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0);
}
