import { describeError, FailureError, failureOf } from '../failure';
import type { CompletionRequest, CompletionResult, Failure } from '../vocabulary';
import { probeDevice } from './device-probe';
import type { DeviceReport, Engine, LoadPreferences, LoadProgress, ModelOption, StoredModel } from './engine';
import { ModelNotLoadedError } from './engine-errors';
import { LOAD_ADVICE } from './load-failure';

export interface ProbeResult {
  device: DeviceReport;
  models: ModelOption[];
  /** Problems the page should show about where the models come from (a bad self-hosting manifest). */
  notes: string[];
}

/**
 * The device check's steps, in order: the worker starts (its code is large), reads the site's
 * self-hosted models list, then asks the browser for a GPU. The page lists them as they happen.
 */
export const PROBE_STEPS = ['worker', 'manifest', 'gpu'] as const;
export type ProbeStep = (typeof PROBE_STEPS)[number];

/** `runsOn` says where the model runs (e.g. "CPU, 2 threads") where its engine tells. */
export type LoadOutcome = { ok: true; modelId: string; runsOn?: string } | { ok: false; failure: Failure };

const CANCELLED: LoadOutcome = { ok: false, failure: { reason: 'cancelled', message: LOAD_ADVICE.cancelled } };

/**
 * What the generator worker serves: the device probe, and one loaded model at a time across
 * several engines, each of which offers its own models for this device.
 */
export class EngineHost {
  #probe: Promise<ProbeResult> | undefined;
  #active: { engine: Engine; modelId: string } | undefined;
  #loading: { engine: Engine; cancelled: boolean } | undefined;

  constructor(
    private readonly engines: readonly Engine[],
    private readonly probeGpu: () => Promise<DeviceReport> = () => probeDevice(),
    private readonly notes: readonly string[] = [],
  ) {}

  /** The device and the models offered on it; read once, since adapters do not change. */
  probe(onStep: (step: ProbeStep) => void = () => {}): Promise<ProbeResult> {
    onStep('gpu');
    this.#probe ??= this.probeGpu().then((device) => ({
      device,
      models: this.engines.flatMap((engine) => engine.catalog(device)),
      notes: [...this.notes],
    }));
    return this.#probe;
  }

  /** `preferences.gpu` reaches the engine only where the device has WebGPU. */
  async load(modelId: string, onProgress: (progress: LoadProgress) => void, preferences?: LoadPreferences): Promise<LoadOutcome> {
    const { device } = await this.probe();
    const engine = this.engines.find((candidate) => candidate.catalog(device).some((model) => model.id === modelId));
    if (!engine) {
      return { ok: false, failure: { reason: 'not-offered', message: `The model "${modelId}" is not offered on this device. Pick one from the list.` } };
    }
    return this.#activate(engine, async () => {
      await engine.load(modelId, onProgress, onDevice(preferences, device));
      return modelId;
    });
  }

  /** Loads a model file the user picked, on the first engine that reads model files. */
  async loadFile(file: File, onProgress: (progress: LoadProgress) => void, preferences?: LoadPreferences): Promise<LoadOutcome> {
    const engine = this.engines.find((candidate) => candidate.loadFile);
    const loadFile = engine?.loadFile?.bind(engine);
    if (!engine || !loadFile) {
      return { ok: false, failure: { reason: 'not-offered', message: 'This build cannot open model files. Pick a model from the list instead.' } };
    }
    const { device } = await this.probe();
    return this.#activate(engine, () => loadFile(file, onProgress, onDevice(preferences, device)));
  }

  async complete(request: CompletionRequest, onText?: (textSoFar: string) => void): Promise<CompletionResult> {
    const active = this.#active;
    if (!active) throw new ModelNotLoadedError();
    try {
      return await active.engine.complete(request, onText);
    } catch (error) {
      // The engine has lost its model: later calls must ask for a load, not reach a dead engine.
      if (error instanceof FailureError && error.reason === 'model-lost' && this.#active === active) this.#active = undefined;
      throw error;
    }
  }

  interrupt(): void {
    this.#active?.engine.interrupt();
  }

  /** Every engine's stored models; an engine whose storage cannot be read lists none. */
  async storedModels(): Promise<StoredModel[]> {
    const lists = await Promise.all(this.engines.map((engine) => engine.storedModels().catch(() => [])));
    return lists.flat();
  }

  /** Deletes a stored model's weights, unloading it first if it is the one in use. */
  async deleteStored(modelId: string): Promise<void> {
    const { device } = await this.probe();
    const engine = this.engines.find((candidate) => candidate.catalog(device).some((model) => model.id === modelId));
    if (!engine) return;
    if (this.#active?.modelId === modelId) await this.#unload();
    await engine.deleteStored(modelId);
  }

  /**
   * Stops the load in progress: the engine is told to unload, which ends its download at once
   * (web-llm's and wllama's alike); an engine that finishes anyway has its model dropped. The load
   * resolves as cancelled.
   */
  async cancelLoad(): Promise<void> {
    const loading = this.#loading;
    if (!loading) return;
    loading.cancelled = true;
    await loading.engine.unload();
  }

  /** Drops the loaded model, freeing its memory; later calls ask for a load. */
  unload(): Promise<void> {
    return this.#unload();
  }

  async #unload(): Promise<void> {
    const active = this.#active;
    this.#active = undefined;
    await active?.engine.unload();
  }

  async #activate(engine: Engine, start: () => Promise<string>): Promise<LoadOutcome> {
    await this.#unload();
    const loading = { engine, cancelled: false };
    this.#loading = loading;
    try {
      const modelId = await start();
      if (loading.cancelled) {
        await engine.unload();
        return CANCELLED;
      }
      this.#active = { engine, modelId };
      const runsOn = engine.runsOn?.();
      return runsOn ? { ok: true, modelId, runsOn } : { ok: true, modelId };
    } catch (error) {
      return loading.cancelled ? CANCELLED : { ok: false, failure: loadFailure(error) };
    } finally {
      if (this.#loading === loading) this.#loading = undefined;
    }
  }
}

/** The GPU asked for, and there. */
function onDevice(preferences: LoadPreferences | undefined, device: DeviceReport): LoadPreferences {
  return { gpu: (preferences?.gpu ?? false) && device.webgpu };
}

/** Engines throw ModelLoadError for what they recognise; anything else is shown as it came. */
function loadFailure(error: unknown): Failure {
  if (error instanceof FailureError) return failureOf(error);
  return { reason: 'unexpected', message: `The model failed to load: ${describeError(error)}` };
}
