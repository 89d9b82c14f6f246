// The web-llm adapter. Only the generator worker imports this area, so the ~6 MB runtime never
// reaches the page's own bundle.
import {
  deleteModelAllInfoInCache,
  MLCEngine,
  prebuiltAppConfig,
  type AppConfig,
  type ChatCompletionChunk,
  type Completion,
  type CompletionUsage,
  type MLCEngineInterface,
  type ModelRecord,
} from '@mlc-ai/web-llm';
import { ModelNotLoadedError, openAiSampling, rankModels, type DeviceReport, type Engine, type LoadProgress, type ModelOption, type StoredModel } from '../engine';
import type { CompletionRequest, CompletionResult, FinishReason } from '../vocabulary';
import { webLlmCompletionError, webLlmLoadError } from './webllm-failure';

type Chunk = ChatCompletionChunk | Completion;

/** The part of web-llm's engine this adapter uses; a test can stand in for it. */
export type MlcEngineLike = Pick<MLCEngineInterface, 'setInitProgressCallback' | 'reload' | 'chat' | 'completions' | 'interruptGenerate' | 'unload'>;

/** web-llm's MLCEngine behind our engine interface, hosted directly in our own worker. */
export class WebLlmEngine implements Engine {
  #engine: MlcEngineLike | undefined;
  readonly #appConfig: AppConfig;

  /**
   * `selfHosted`: model records served from the site itself, offered before the prebuilt ones.
   * `create` makes web-llm's engine; the default is the real one.
   */
  constructor(
    selfHosted: readonly ModelRecord[] = [],
    private readonly create: (appConfig: AppConfig) => MlcEngineLike = (appConfig) => new MLCEngine({ appConfig, logLevel: 'WARN' }),
  ) {
    this.#appConfig = { ...prebuiltAppConfig, model_list: [...selfHosted, ...prebuiltAppConfig.model_list] };
  }

  catalog(device: DeviceReport): ModelOption[] {
    return rankModels(this.#appConfig.model_list, device);
  }

  async load(modelId: string, onProgress: (progress: LoadProgress) => void): Promise<void> {
    const engine = (this.#engine ??= this.create(this.#appConfig));
    engine.setInitProgressCallback((report) => onProgress({ fraction: report.progress, text: report.text }));
    // web-llm fetches the config, tokenizer and model library before its first report.
    onProgress({ fraction: 0, text: 'Preparing the model…' });
    await engine.reload(modelId).catch((error: unknown) => Promise.reject(webLlmLoadError(error)));
  }

  async complete(request: CompletionRequest, onText?: (textSoFar: string) => void): Promise<CompletionResult> {
    const engine = this.#engine;
    if (!engine) throw new ModelNotLoadedError();
    try {
      return await this.stream(engine, request, onText);
    } catch (error) {
      const failure = webLlmCompletionError(error);
      // A lost model must not hold on to what is left of it on the GPU.
      if (failure.reason === 'model-lost') await engine.unload().catch(() => {});
      throw failure;
    }
  }

  private async stream(engine: MlcEngineLike, request: CompletionRequest, onText?: (textSoFar: string) => void): Promise<CompletionResult> {
    const started = performance.now();
    const chunks = await this.openStream(engine, request);
    let text = '';
    let finishReason: FinishReason = 'stop';
    let usage: CompletionUsage | undefined;
    for await (const chunk of chunks) {
      const choice = chunk.choices[0];
      const piece = choice ? ('delta' in choice ? choice.delta.content : choice.text) : undefined;
      if (piece) {
        text += piece;
        onText?.(text);
      }
      if (choice?.finish_reason) finishReason = toFinishReason(choice.finish_reason);
      if (chunk.usage) usage = chunk.usage;
    }
    const result: CompletionResult = {
      text,
      finishReason,
      promptTokens: usage?.prompt_tokens ?? 0,
      completionTokens: usage?.completion_tokens ?? 0,
      durationMs: performance.now() - started,
    };
    if (usage?.extra?.decode_tokens_per_s) result.tokensPerSecond = usage.extra.decode_tokens_per_s;
    return result;
  }

  interrupt(): void {
    void this.#engine?.interruptGenerate();
  }

  async unload(): Promise<void> {
    await this.#engine?.unload();
  }

  /**
   * Reads web-llm's weight cache (the Cache API store "webllm/model", keyed by file URL) and adds
   * up each model's files. Entries without a Content-Length count as 0 bytes.
   */
  async storedModels(): Promise<StoredModel[]> {
    if (typeof caches === 'undefined' || !(await caches.has(WEIGHTS_CACHE))) return [];
    const cache = await caches.open(WEIGHTS_CACHE);
    const sizes = await Promise.all(
      (await cache.keys()).map(async (request) => ({ url: request.url, bytes: Number((await cache.match(request))?.headers.get('content-length') ?? 0) })),
    );
    return this.#appConfig.model_list
      .map((record) => ({ id: record.model_id, files: sizes.filter(({ url }) => url.startsWith(weightsFolder(record.model))) }))
      .filter(({ files }) => files.length > 0)
      .map(({ id, files }) => ({ id, bytes: files.reduce((sum, file) => sum + file.bytes, 0) }));
  }

  async deleteStored(modelId: string): Promise<void> {
    await deleteModelAllInfoInCache(modelId, this.#appConfig);
  }

  private openStream(engine: MlcEngineLike, request: CompletionRequest): Promise<AsyncIterable<Chunk>> {
    const sampling = { ...openAiSampling(request.params), stream: true as const, stream_options: { include_usage: true } };
    // Grammar-constrained JSON exists only on web-llm's chat endpoint; a raw completion gets its
    // JSON from the prompt's pattern alone.
    const format = request.responseFormat ? { response_format: request.responseFormat } : {};
    return request.mode === 'chat'
      ? engine.chat.completions.create({ ...sampling, ...format, messages: request.messages })
      : engine.completions.create({ ...sampling, prompt: request.prompt });
  }
}

// web-llm keeps weights in this Cache API store, under the folder its cleanModelUrl derives.
const WEIGHTS_CACHE = 'webllm/model';

function weightsFolder(modelUrl: string): string {
  const folder = modelUrl.endsWith('/') ? modelUrl : `${modelUrl}/`;
  return /.+\/resolve\/.+\//.test(folder) ? folder : `${folder}resolve/main/`;
}

function toFinishReason(reason: string): FinishReason {
  return reason === 'length' || reason === 'abort' ? reason : 'stop';
}
