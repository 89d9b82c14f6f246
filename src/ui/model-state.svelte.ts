import type { GeneratorClient } from '../lib/clients';
import type { DeviceReport, LoadFailure, LoadProgress, ModelOption } from '../lib/engine';
import { errorMessage } from './handle-error';

export type ModelStatus = 'probing' | 'ready' | 'loading' | 'loaded' | 'failed';

const LAST_MODEL_KEY = 'self-instruct-studio:last-model';

/** The device, the models offered on it, and the one being loaded or in use. */
export class ModelState {
  #status = $state<ModelStatus>('probing');
  #device = $state.raw<DeviceReport | undefined>();
  #models = $state.raw<ModelOption[]>([]);
  #progress = $state.raw<LoadProgress>({ fraction: 0, text: '' });
  #loadedId = $state<string | undefined>();
  #failure = $state.raw<LoadFailure | undefined>();
  selectedId = $state<string>('');

  constructor(private readonly generator: GeneratorClient) {}

  get status() { return this.#status; }
  get device() { return this.#device; }
  get models() { return this.#models; }
  get progress() { return this.#progress; }
  get loadedId() { return this.#loadedId; }
  get failure() { return this.#failure; }

  async probe(): Promise<void> {
    try {
      const { device, models } = await this.generator.probe();
      this.#device = device;
      this.#models = models;
      const last = localStorage.getItem(LAST_MODEL_KEY);
      this.selectedId = models.find((model) => model.id === last)?.id ?? models[0]?.id ?? '';
      this.#status = 'ready';
    } catch (error) {
      this.#failure = { kind: 'unknown', message: errorMessage(error) };
      this.#status = 'failed';
    }
  }

  async load(): Promise<void> {
    const modelId = this.selectedId;
    if (!modelId || this.#status === 'loading') return;
    this.#status = 'loading';
    this.#failure = undefined;
    this.#loadedId = undefined;
    this.#progress = { fraction: 0, text: 'Starting…' };
    try {
      const outcome = await this.generator.load(modelId, (progress) => (this.#progress = progress));
      if (outcome.ok) {
        this.#loadedId = outcome.modelId;
        localStorage.setItem(LAST_MODEL_KEY, modelId);
        this.#status = 'loaded';
      } else {
        this.#failure = outcome.failure;
        this.#status = 'failed';
      }
    } catch (error) {
      this.#failure = { kind: 'unknown', message: errorMessage(error) };
      this.#status = 'failed';
    }
  }
}
