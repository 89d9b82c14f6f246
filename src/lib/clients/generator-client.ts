import { proxy } from 'comlink';
import type { GeneratorApi, LoadOutcome, LoadPreferences, LoadProgress, ProbeResult, ProbeStep, StoredModel } from '../engine';
import type { CompleteOptions, CompletionRequest, CompletionResult, Generator } from '../vocabulary';
import type { WorkerConnection } from './worker-connection';

/** What a call aborted before it started resolves with. */
export const ABORTED: CompletionResult = { text: '', finishReason: 'abort', promptTokens: 0, completionTokens: 0, durationMs: 0 };

/** The page's side of the generator worker: the generate port plus model loading. */
export class GeneratorClient implements Generator {
  constructor(private readonly connection: WorkerConnection<GeneratorApi>) {}

  probe(onStep?: (step: ProbeStep) => void): Promise<ProbeResult> {
    return this.connection.guard(this.connection.remote.probe(onStep && proxy(onStep)));
  }

  load(modelId: string, onProgress: (progress: LoadProgress) => void, preferences?: LoadPreferences): Promise<LoadOutcome> {
    // comlink types a union result as a union of promises; name the outcome type to join them.
    return this.connection.guard<LoadOutcome>(this.connection.remote.load(modelId, proxy(onProgress), preferences));
  }

  /** Loads a GGUF file from disk: no network at all. */
  loadFile(file: File, onProgress: (progress: LoadProgress) => void, preferences?: LoadPreferences): Promise<LoadOutcome> {
    return this.connection.guard<LoadOutcome>(this.connection.remote.loadFile(file, proxy(onProgress), preferences));
  }

  async complete(request: CompletionRequest, { onText, signal }: CompleteOptions = {}): Promise<CompletionResult> {
    if (signal?.aborted) return ABORTED;
    const interrupt = () => void this.connection.remote.interrupt();
    signal?.addEventListener('abort', interrupt, { once: true });
    try {
      return await this.connection.guard(this.connection.remote.complete(request, onText && proxy(onText)));
    } finally {
      signal?.removeEventListener('abort', interrupt);
    }
  }

  cancelLoad(): Promise<void> {
    return this.connection.guard(this.connection.remote.cancelLoad());
  }

  unload(): Promise<void> {
    return this.connection.guard(this.connection.remote.unload());
  }

  storedModels(): Promise<StoredModel[]> {
    return this.connection.guard(this.connection.remote.storedModels());
  }

  deleteStored(modelId: string): Promise<void> {
    return this.connection.guard(this.connection.remote.deleteStored(modelId));
  }
}
