import type { CompletionRequest, CompletionResult } from '../run/ports';
import { probeDevice } from './device-probe';
import type { DeviceReport, Engine, LoadProgress, ModelOption } from './engine';
import { describeLoadFailure, type LoadFailure } from './load-failure';

export interface ProbeResult {
  device: DeviceReport;
  models: ModelOption[];
}

export type LoadOutcome = { ok: true; modelId: string } | { ok: false; failure: LoadFailure };

/** Thrown by `complete` before any model is loaded: a bug in the caller, not a user problem. */
export class ModelNotLoadedError extends Error {
  override readonly name = 'ModelNotLoadedError';
  constructor() {
    super('No model is loaded. Load a model before starting a run.');
  }
}

/**
 * What the generator worker serves: the device probe, and one loaded model at a time across
 * several engines, each of which offers its own models for this device.
 */
export class EngineHost {
  #probe: Promise<ProbeResult> | undefined;
  #active: { engine: Engine; modelId: string } | undefined;

  constructor(
    private readonly engines: readonly Engine[],
    private readonly probeGpu: () => Promise<DeviceReport> = () => probeDevice(),
  ) {}

  /** The device and the models offered on it; read once, since adapters do not change. */
  probe(): Promise<ProbeResult> {
    this.#probe ??= this.probeGpu().then((device) => ({
      device,
      models: this.engines.flatMap((engine) => engine.catalog(device)),
    }));
    return this.#probe;
  }

  async load(modelId: string, onProgress: (progress: LoadProgress) => void): Promise<LoadOutcome> {
    const { device } = await this.probe();
    const engine = this.engines.find((candidate) => candidate.catalog(device).some((model) => model.id === modelId));
    if (!engine) {
      return { ok: false, failure: { kind: 'unknown', message: `The model "${modelId}" is not offered on this device. Pick one from the list.` } };
    }
    await this.unload();
    try {
      await engine.load(modelId, onProgress);
    } catch (error) {
      return { ok: false, failure: describeLoadFailure(error) };
    }
    this.#active = { engine, modelId };
    return { ok: true, modelId };
  }

  complete(request: CompletionRequest, onText?: (textSoFar: string) => void): Promise<CompletionResult> {
    if (!this.#active) return Promise.reject(new ModelNotLoadedError());
    return this.#active.engine.complete(request, onText);
  }

  interrupt(): void {
    this.#active?.engine.interrupt();
  }

  async unload(): Promise<void> {
    const active = this.#active;
    this.#active = undefined;
    await active?.engine.unload();
  }
}
