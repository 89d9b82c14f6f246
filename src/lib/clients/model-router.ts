// The page's one generate port across two places a model can run: the generator worker (web-llm,
// wllama) and the page itself (Chrome's built-in model, whose Prompt API workers cannot reach).
// Loading a model picks the place; calls go to wherever the loaded model is.
import type { LoadOutcome, LoadPreferences, LoadProgress, ProbeResult, ProbeStep, StoredModel } from '../engine';
import { failureOf } from '../failure';
import { BUILT_IN_MODEL_ID, type PromptApiEngine } from '../prompt-api';
import type { CompleteOptions, CompletionRequest, CompletionResult, Generator } from '../vocabulary';
import { ABORTED, type GeneratorClient } from './generator-client';

export class ModelRouter implements Generator {
  #builtInLoaded = false;

  constructor(
    private readonly worker: GeneratorClient,
    private readonly builtIn: PromptApiEngine,
  ) {}

  /** The worker's models, with the browser's own first when it is ready, last when it must download. */
  async probe(onStep?: (step: ProbeStep) => void): Promise<ProbeResult> {
    const [probed, availability] = await Promise.all([this.worker.probe(onStep), this.builtIn.probe()]);
    const builtIn = this.builtIn.catalog();
    return { ...probed, models: availability === 'available' ? [...builtIn, ...probed.models] : [...probed.models, ...builtIn] };
  }

  /** Called from the click on Load model: the built-in model's download needs that click. `preferences` are the worker's engines' (the GPU for GGUF models). */
  load(modelId: string, onProgress: (progress: LoadProgress) => void, preferences?: LoadPreferences): Promise<LoadOutcome> {
    if (modelId === BUILT_IN_MODEL_ID) return this.#loadBuiltIn(onProgress);
    void this.#dropBuiltIn();
    return this.worker.load(modelId, onProgress, preferences);
  }

  loadFile(file: File, onProgress: (progress: LoadProgress) => void, preferences?: LoadPreferences): Promise<LoadOutcome> {
    void this.#dropBuiltIn();
    return this.worker.loadFile(file, onProgress, preferences);
  }

  complete(request: CompletionRequest, options: CompleteOptions = {}): Promise<CompletionResult> {
    return this.#builtInLoaded ? this.#completeBuiltIn(request, options) : this.worker.complete(request, options);
  }

  async cancelLoad(): Promise<void> {
    if (!this.#builtInLoaded) await this.builtIn.unload();
    await this.worker.cancelLoad();
  }

  storedModels(): Promise<StoredModel[]> {
    return this.worker.storedModels();
  }

  deleteStored(modelId: string): Promise<void> {
    return this.worker.deleteStored(modelId);
  }

  /**
   * Once the built-in model is ready, the worker's model is unloaded: its gigabytes of GPU or wasm
   * memory would otherwise stay taken for nothing. A failed load leaves it loaded.
   */
  async #loadBuiltIn(onProgress: (progress: LoadProgress) => void): Promise<LoadOutcome> {
    this.#builtInLoaded = false;
    try {
      await this.builtIn.load(BUILT_IN_MODEL_ID, onProgress);
    } catch (error) {
      return { ok: false, failure: failureOf(error) };
    }
    this.#builtInLoaded = true;
    // A worker that cannot answer holds no model to free; the built-in model is ready either way.
    await this.worker.unload().catch(() => {});
    return { ok: true, modelId: BUILT_IN_MODEL_ID };
  }

  async #completeBuiltIn(request: CompletionRequest, { onText, signal }: CompleteOptions): Promise<CompletionResult> {
    const interrupt = () => this.builtIn.interrupt();
    if (signal?.aborted) return ABORTED;
    signal?.addEventListener('abort', interrupt, { once: true });
    try {
      return await this.builtIn.complete(request, onText);
    } finally {
      signal?.removeEventListener('abort', interrupt);
    }
  }

  async #dropBuiltIn(): Promise<void> {
    this.#builtInLoaded = false;
    await this.builtIn.unload();
  }
}
