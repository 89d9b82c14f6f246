// Chrome's built-in model behind our Engine interface. The Prompt API exists on the page only, so
// this engine runs there, beside the generator worker's engines (the page's ModelRouter picks).
// Each call gets a session of its own: its initial prompts are the request's conversation, so calls
// never see each other's text; the session made at load keeps the model ready between calls.
import { ModelNotLoadedError, UnknownModelError, type Engine, type LoadProgress, type ModelOption, type StoredModel } from '../engine';
import type { CompletionRequest, CompletionResult, FinishReason } from '../vocabulary';
import type { Availability, LanguageModelApi, LanguageModelExpected, LanguageModelSession } from './language-model';
import { promptApiCompletionFailure, promptApiLoadFailure } from './prompt-api-failure';
import { promptInputOf } from './prompt-input';

export const BUILT_IN_MODEL_ID = 'chrome-built-in';

// The method's prompts and answers are English; Chrome warns (and may refuse) without a language.
const ENGLISH: LanguageModelExpected[] = [{ type: 'text', languages: ['en'] }];
const LANGUAGES = { expectedInputs: ENGLISH, expectedOutputs: ENGLISH };

export class PromptApiEngine implements Engine {
  #availability: Availability = 'unavailable';
  /** The session made at load: it holds the model in memory while the app uses it. */
  #session: LanguageModelSession | undefined;
  #loading: AbortController | undefined;
  #inFlight: AbortController | undefined;

  /** `api` is the page's `LanguageModel` global, absent in browsers without the Prompt API. */
  constructor(
    private readonly api: LanguageModelApi | undefined,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Asks the browser whether its model can run here; any error reads as unavailable. */
  async probe(): Promise<Availability> {
    this.#availability = this.api ? await this.api.availability(LANGUAGES).catch((): Availability => 'unavailable') : 'unavailable';
    return this.#availability;
  }

  /** The built-in model, once `probe` found it available or downloadable by the browser. */
  catalog(): ModelOption[] {
    if (this.#availability === 'unavailable') return [];
    const ready = this.#availability === 'available';
    return [{ id: BUILT_IN_MODEL_ID, label: 'Chrome built-in model', recommended: ready, browserManaged: ready ? 'available' : 'downloadable' }];
  }

  /**
   * Starts the model; where Chrome must download it first, this needs the click that called it
   * (user activation), so nothing is awaited before `create`.
   */
  async load(modelId: string, onProgress: (progress: LoadProgress) => void): Promise<void> {
    if (modelId !== BUILT_IN_MODEL_ID || !this.api) throw new UnknownModelError(modelId);
    await this.unload();
    const loading = new AbortController();
    this.#loading = loading;
    onProgress({ fraction: 0, text: this.#availability === 'available' ? 'Starting Chrome’s built-in model…' : 'Chrome is downloading its built-in model…' });
    try {
      this.#session = await this.api.create({
        ...LANGUAGES,
        signal: loading.signal,
        monitor: (monitor) =>
          monitor.addEventListener('downloadprogress', ({ loaded }) =>
            onProgress({ fraction: loaded, text: `Chrome is downloading its built-in model: ${Math.round(loaded * 100)}%` }),
          ),
      });
      this.#availability = 'available';
    } catch (error) {
      throw promptApiLoadFailure(error);
    } finally {
      if (this.#loading === loading) this.#loading = undefined;
    }
  }

  async complete(request: CompletionRequest, onText?: (textSoFar: string) => void): Promise<CompletionResult> {
    if (!this.api || !this.#session) throw new ModelNotLoadedError();
    const { initialPrompts, input, responseConstraint } = promptInputOf(request);
    const call = new AbortController();
    this.#inFlight = call;
    const started = this.now();
    let session: LanguageModelSession | undefined;
    let text = '';
    const result = (finishReason: FinishReason, promptTokens = 0, completionTokens = 0): CompletionResult => ({
      text,
      finishReason,
      promptTokens,
      completionTokens,
      durationMs: this.now() - started,
    });
    try {
      session = await this.api.create({ ...LANGUAGES, initialPrompts, signal: call.signal });
      const promptTokens = usageOf(session) + (await measure(session, input));
      const stops = request.params.stop ?? [];
      const reader = session.promptStreaming(input, { signal: call.signal, ...(responseConstraint ? { responseConstraint } : {}) }).getReader();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        const stopAt = firstStop(text + chunk.value, stops);
        text = (text + chunk.value).slice(0, stopAt);
        onText?.(text);
        // Like the worker's engines, an answer ends at the request's first stop sequence.
        if (stopAt !== undefined) {
          call.abort();
          break;
        }
      }
      return result('stop', promptTokens, Math.max(0, usageOf(session) - promptTokens));
    } catch (error) {
      if (call.signal.aborted) return result('abort');
      const failure = promptApiCompletionFailure(error);
      if (failure.reason === 'model-lost') this.#session = undefined;
      throw failure;
    } finally {
      session?.destroy();
      if (this.#inFlight === call) this.#inFlight = undefined;
    }
  }

  interrupt(): void {
    this.#inFlight?.abort();
  }

  /** Stops a load in progress and lets Chrome free the model. */
  async unload(): Promise<void> {
    this.#loading?.abort();
    this.#inFlight?.abort();
    this.#session?.destroy();
    this.#session = undefined;
  }

  /** Chrome keeps its model itself; this app stores nothing for it. */
  async storedModels(): Promise<StoredModel[]> {
    return [];
  }

  async deleteStored(): Promise<void> {}
}

function usageOf(session: LanguageModelSession): number {
  return session.contextUsage ?? session.inputUsage ?? 0;
}

async function measure(session: LanguageModelSession, input: string): Promise<number> {
  const measureUsage = session.measureContextUsage ?? session.measureInputUsage;
  return measureUsage ? measureUsage.call(session, input) : 0;
}

/** Where the first stop sequence starts in `text`, if any does. */
function firstStop(text: string, stops: readonly string[]): number | undefined {
  const found = stops.map((stop) => text.indexOf(stop)).filter((at) => at >= 0);
  return found.length > 0 ? Math.min(...found) : undefined;
}
