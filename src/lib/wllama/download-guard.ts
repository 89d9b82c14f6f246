// One GGUF download that the user can cancel and that gives up when its host stops sending.
// wllama's downloader takes an abort signal, but a call it is making may still hang (a fetch it
// starts without the signal): the load races `watch`, so it ends the moment either happens.
import { ModelLoadError } from '../engine';

/** How long a download may go without a new byte before it is called stalled. */
export const STALL_MS = 20_000;

export class DownloadGuard {
  readonly #controller = new AbortController();
  readonly #ended: Promise<never>;
  #fail: (error: Error) => void = () => {};
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** `stallMs` undefined: no stall watch (the model is already in the browser's storage). */
  constructor(
    private readonly host: string,
    private readonly stallMs: number | undefined,
  ) {
    this.#ended = new Promise<never>((_, reject) => (this.#fail = reject));
    this.#ended.catch(() => {});
    this.#arm();
  }

  /** For wllama's fetch: aborted on cancel and on a stall. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** The work, or the cancel or stall that ends it first. */
  watch<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.#ended]);
  }

  /** New bytes came. Once all have, llama.cpp's own reading of the weights is no stall. */
  progress(loaded: number, total: number): void {
    if (total > 0 && loaded >= total) this.#disarm();
    else this.#arm();
  }

  cancel(): void {
    this.#stop(new ModelLoadError('cancelled'));
  }

  /** The load is over, however it ended. */
  dispose(): void {
    this.#disarm();
  }

  #arm(): void {
    this.#disarm();
    const stallMs = this.stallMs;
    if (stallMs === undefined) return;
    this.#timer = setTimeout(() => this.#stop(new ModelLoadError('stalled', stalledMessage(this.host, stallMs))), stallMs);
  }

  #disarm(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #stop(error: ModelLoadError): void {
    this.#disarm();
    this.#fail(error);
    this.#controller.abort(error);
  }
}

function stalledMessage(host: string, stallMs: number): string {
  return `No data has come from ${host} for ${Math.round(stallMs / 1000)} s, so the download was stopped. Retry, open a .gguf file you already have, or host the model on this site (README, "Self-hosted models").`;
}
