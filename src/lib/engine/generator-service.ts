import type { CompletionRequest, CompletionResult } from '../vocabulary';
import type { LoadPreferences, LoadProgress, StoredModel } from './engine';
import type { EngineHost, LoadOutcome, ProbeResult, ProbeStep } from './engine-host';

/** The verbs the generator worker serves (workers/generator.worker.ts exposes them through comlink). */
export interface GeneratorApi {
  /** `onStep` hears each step of the check as it starts (PROBE_STEPS). */
  probe(onStep?: (step: ProbeStep) => void): Promise<ProbeResult>;
  load(modelId: string, onProgress: (progress: LoadProgress) => void, preferences?: LoadPreferences): Promise<LoadOutcome>;
  /** Loads a model file the user picked (a File crosses to the worker by structured clone). */
  loadFile(file: File, onProgress: (progress: LoadProgress) => void, preferences?: LoadPreferences): Promise<LoadOutcome>;
  complete(request: CompletionRequest, onText?: (textSoFar: string) => void): Promise<CompletionResult>;
  interrupt(): void;
  /** Stops a load in progress; that load then resolves as cancelled. */
  cancelLoad(): Promise<void>;
  /** Drops the loaded model and frees its memory (the page loaded its built-in model instead). */
  unload(): Promise<void>;
  storedModels(): Promise<StoredModel[]>;
  deleteStored(modelId: string): Promise<void>;
}

/**
 * What the generator worker serves: the engine host's verbs. The host may still be starting (the
 * worker reads the self-hosting manifest first), so every verb waits for it.
 */
export function createGeneratorService(host: EngineHost | Promise<EngineHost>): GeneratorApi {
  const ready = Promise.resolve(host);
  return {
    probe: async (onStep) => {
      // Answering at all means the worker's code has loaded; the host waits for the manifest.
      onStep?.('manifest');
      return (await ready).probe(onStep);
    },
    load: async (modelId, onProgress, preferences) => (await ready).load(modelId, onProgress, preferences),
    loadFile: async (file, onProgress, preferences) => (await ready).loadFile(file, onProgress, preferences),
    complete: async (request, onText) => (await ready).complete(request, onText),
    interrupt: () => void ready.then((started) => started.interrupt()),
    cancelLoad: async () => (await ready).cancelLoad(),
    unload: async () => (await ready).unload(),
    storedModels: async () => (await ready).storedModels(),
    deleteStored: async (modelId) => (await ready).deleteStored(modelId),
  };
}
