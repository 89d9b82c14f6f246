import { tryGenerationStep, type TriedStep, type TryPorts } from '../lib/run';
import type { MethodSettings } from '../lib/vocabulary';

export type TryStatus = 'idle' | 'trying' | 'done' | 'failed';

/** "Try one step": the next generation step on the current settings, shown and never stored. */
export class TryState {
  #status = $state<TryStatus>('idle');
  #text = $state('');
  #step = $state.raw<TriedStep | undefined>();
  #error = $state<string | undefined>();
  #controller: AbortController | undefined;

  constructor(
    private readonly ports: TryPorts,
    private readonly projectId: string,
  ) {}

  get status(): TryStatus { return this.#status; }
  /** The answer as it streams in. */
  get text(): string { return this.#text; }
  get step(): TriedStep | undefined { return this.#step; }
  get error(): string | undefined { return this.#error; }

  async try(settings: MethodSettings, rngSeed: number): Promise<void> {
    if (this.#status === 'trying') return;
    this.#controller = new AbortController();
    this.#status = 'trying';
    this.#text = '';
    this.#step = undefined;
    this.#error = undefined;
    const outcome = await tryGenerationStep(this.ports, this.projectId, settings, rngSeed >>> 0, {
      signal: this.#controller.signal,
      onText: (text) => (this.#text = text),
    });
    if (outcome.ok) {
      this.#step = outcome.step;
      this.#status = 'done';
    } else if ('failure' in outcome) {
      this.#error = outcome.failure.message;
      this.#status = 'failed';
    } else {
      this.#status = 'idle';
    }
  }

  /** Stops the model's answer; nothing is shown for it. */
  cancel(): void {
    this.#controller?.abort();
  }

  /** Hides the result. */
  close(): void {
    if (this.#status !== 'trying') this.#status = 'idle';
  }
}
