import type { ModelRouter } from '../lib/clients';
import type { DeviceReport, LoadOutcome, LoadProgress, ModelOption, ProbeStep, StoredModel } from '../lib/engine';
import type { Failure } from '../lib/vocabulary';
import { toFailure } from './handle-error';
import { downloadSpeed, remainingSeconds } from './time-left';

export type ModelStatus = 'probing' | 'ready' | 'loading' | 'loaded' | 'failed';

/** Where models load: the page's ModelRouter (the worker's engines and the browser's own model), or the worker's client alone. */
export type ModelLoader = Pick<ModelRouter, 'probe' | 'load' | 'loadFile' | 'cancelLoad' | 'storedModels' | 'deleteStored'>;

const LAST_MODEL_KEY = 'self-instruct-studio:last-model';
const GGUF_ON_CPU_KEY = 'self-instruct-studio:gguf-on-cpu';
const DOWNLOAD_FAILURES: ReadonlySet<string> = new Set(['network', 'offline', 'stalled']);

/** The device, the models offered on it, and the one being loaded or in use. */
export class ModelState {
  #status = $state<ModelStatus>('probing');
  /** The device check's step in progress while probing: the worker starts first. */
  #probeStep = $state<ProbeStep>('worker');
  #device = $state.raw<DeviceReport | undefined>();
  #models = $state.raw<ModelOption[]>([]);
  #progress = $state.raw<LoadProgress>({ fraction: 0, text: '' });
  #loadedId = $state<string | undefined>();
  #runsOn = $state<string | undefined>();
  #failure = $state.raw<Failure | undefined>();
  #stored = $state.raw<StoredModel[]>([]);
  #notes = $state.raw<string[]>([]);
  #loadStarted = 0;
  #remainingSeconds = $state<number | undefined>();
  #speed = $state<number | undefined>();
  selectedId = $state<string>('');
  #ggufOnGpu = $state(localStorage.getItem(GGUF_ON_CPU_KEY) === null);

  constructor(private readonly generator: ModelLoader) {}

  get status() { return this.#status; }
  get probeStep() { return this.#probeStep; }
  get device() { return this.#device; }
  get models() { return this.#models; }
  get progress() { return this.#progress; }
  get loadedId() { return this.#loadedId; }
  /** Where the loaded model runs, where its engine tells (e.g. "CPU, 2 threads"). */
  get runsOn() { return this.#runsOn; }
  /** The last load failed for want of its host (down, slow, blocked, offline): Retry may help. */
  get downloadFailed() { return this.#failure !== undefined && DOWNLOAD_FAILURES.has(this.#failure.reason); }
  get failure() { return this.#failure; }
  /** Models whose weights this browser keeps: they load without the network. */
  get stored() { return this.#stored; }
  /** Problems with where the models come from, e.g. a self-hosting manifest with mistakes. */
  get notes() { return this.#notes; }
  /** GGUF models go to the GPU where the device has WebGPU, unless the user chose the CPU (remembered). */
  get ggufOnGpu() { return this.#ggufOnGpu; }
  set ggufOnGpu(onGpu: boolean) {
    this.#ggufOnGpu = onGpu;
    if (onGpu) localStorage.removeItem(GGUF_ON_CPU_KEY);
    else localStorage.setItem(GGUF_ON_CPU_KEY, '1');
  }
  /** A rough time left for the load in progress, from its pace so far. */
  get remainingSeconds() { return this.#remainingSeconds; }
  /** Download speed in MB/s while the engine reports megabytes fetched. */
  get speed() { return this.#speed; }

  async probe(): Promise<void> {
    try {
      const { device, models, notes } = await this.generator.probe((step) => (this.#probeStep = step));
      this.#device = device;
      this.#models = models;
      this.#notes = notes;
      const last = localStorage.getItem(LAST_MODEL_KEY);
      this.selectedId = models.find((model) => model.id === last)?.id ?? models[0]?.id ?? '';
      this.#status = 'ready';
      await this.refreshStored();
    } catch (error) {
      this.#failure = toFailure(error);
      this.#status = 'failed';
    }
  }

  private async refreshStored(): Promise<void> {
    this.#stored = await this.generator.storedModels();
  }

  /** Frees the disk space a downloaded model takes; it downloads again on its next load. */
  async deleteStored(modelId: string): Promise<void> {
    try {
      await this.generator.deleteStored(modelId);
      if (this.#loadedId === modelId) this.forget();
    } catch (error) {
      this.#failure = toFailure(error);
    }
    await this.refreshStored();
  }

  async load(): Promise<void> {
    const modelId = this.selectedId;
    if (!modelId) return;
    await this.loadWith((onProgress) => this.generator.load(modelId, onProgress, { gpu: this.#ggufOnGpu }), () => localStorage.setItem(LAST_MODEL_KEY, modelId));
  }

  /** Loads a GGUF file from this computer: no network at all. */
  async loadFile(file: File): Promise<void> {
    await this.loadWith((onProgress) => this.generator.loadFile(file, onProgress, { gpu: this.#ggufOnGpu }), () => {});
  }

  /** Stops the load in progress; it then ends as cancelled. */
  cancel(): void {
    if (this.#status === 'loading') void this.generator.cancelLoad();
  }

  /** The model was lost (a crash, a lost GPU device): the user must load one again. */
  forget(): void {
    this.#loadedId = undefined;
    this.#status = 'ready';
  }

  private async loadWith(load: (onProgress: (progress: LoadProgress) => void) => Promise<LoadOutcome>, onLoaded: () => void): Promise<void> {
    if (this.#status === 'loading') return;
    this.#status = 'loading';
    this.#failure = undefined;
    this.#loadedId = undefined;
    this.#runsOn = undefined;
    this.#progress = { fraction: 0, text: 'Starting…' };
    this.#loadStarted = performance.now();
    this.#remainingSeconds = undefined;
    this.#speed = undefined;
    try {
      const outcome = await load((progress) => this.report(progress));
      if (outcome.ok) {
        this.#loadedId = outcome.modelId;
        this.#runsOn = outcome.runsOn;
        onLoaded();
        this.#status = 'loaded';
      } else {
        this.#failure = outcome.failure;
        this.#status = 'failed';
      }
    } catch (error) {
      this.#failure = toFailure(error);
      this.#status = 'failed';
    }
    await this.refreshStored().catch(() => {});
  }

  private report(progress: LoadProgress): void {
    const elapsed = (performance.now() - this.#loadStarted) / 1000;
    this.#progress = progress;
    this.#remainingSeconds = remainingSeconds(elapsed, progress.fraction);
    this.#speed = downloadSpeed(progress.text, elapsed);
  }
}
