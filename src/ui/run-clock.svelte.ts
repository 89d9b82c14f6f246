import { runSpeed, type RunSpeed } from '../lib/run';
import type { CompletionResult } from '../lib/vocabulary';

/** The clock a run's figures read: the browser's, or a test's. */
export interface Ticker {
  now(): number;
  /** Calls `tick` every `ms` until the returned stop is called. */
  every(ms: number, tick: () => void): () => void;
}

const BROWSER_TICKER: Ticker = {
  now: () => performance.now(),
  every: (ms, tick) => {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};

/** How fast the run on screen goes: started with it, fed its counts and its calls' results, ticking each second. */
export class RunClock {
  #started = $state(false);
  #startedAt = 0;
  #now = $state(0);
  #acceptedAtStart = 0;
  #accepted = $state(0);
  #target = $state(0);
  #completionTokens = $state(0);
  #callMs = $state(0);
  #stopTicking: (() => void) | undefined;

  constructor(private readonly ticker: Ticker = BROWSER_TICKER) {}

  /** Unknown before the page's first run; the last run's figures after it ends. */
  get speed(): RunSpeed | undefined {
    if (!this.#started) return undefined;
    return runSpeed({
      elapsedMs: this.#now - this.#startedAt,
      acceptedSinceStart: this.#accepted - this.#acceptedAtStart,
      acceptedToGo: this.#target - this.#accepted,
      completionTokens: this.#completionTokens,
      callMs: this.#callMs,
    });
  }

  start(accepted: number, target: number): void {
    this.stop();
    this.#started = true;
    this.#startedAt = this.#now = this.ticker.now();
    this.#acceptedAtStart = this.#accepted = accepted;
    this.#target = target;
    this.#completionTokens = this.#callMs = 0;
    this.#stopTicking = this.ticker.every(1000, () => (this.#now = this.ticker.now()));
  }

  counted(accepted: number): void {
    this.#accepted = accepted;
    this.#now = this.ticker.now();
  }

  /** A call's answer: an aborted call's part is thrown away, so it does not count. */
  measured(result: CompletionResult): void {
    if (result.finishReason === 'abort') return;
    this.#completionTokens += result.completionTokens;
    this.#callMs += result.durationMs;
  }

  stop(): void {
    this.#stopTicking?.();
    this.#stopTicking = undefined;
    if (this.#started) this.#now = this.ticker.now();
  }
}
