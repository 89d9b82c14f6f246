// What bench/engine.bench.ts asks the engine bench page to do and the figures the page hands back.
// Types only, shared by the Node driver and the page.
import type { CompletionRequest } from '../../src/lib/vocabulary';

export interface PageInfo {
  /** Threads need a cross-origin isolated page (SharedArrayBuffer). */
  isolated: boolean;
  cores: number;
}

export interface SpeedReport {
  /** The engine's own words for where the model ran, e.g. "CPU, 2 threads". */
  runsOn: string;
  /** Decode speed of each timed answer, as llama.cpp measured it. */
  tokensPerSecond: number[];
  /** Each timed answer's prompt and text, so the driver can check the model computed what it should. */
  answers: { prompt: string; text: string }[];
}

export interface ReplayReport {
  runsOn: string;
  calls: number;
  /** Prompt tokens llama.cpp evaluated (timings.prompt_n), summed. */
  processed: number;
  /** Prompt tokens it took from its KV cache instead (timings.cache_n), summed. */
  cached: number;
  /** Calls that failed, with the engine's message: none is expected. */
  failures: string[];
}

/** The page's API, on `window.engineBench`. */
export interface EngineBench {
  info(): PageInfo;
  /**
   * Loads the model at `modelUrl` on `threads` threads, on wllama's compatibility build if
   * `compat`, and times `answers` greedy answers of `tokens` tokens.
   */
  speed(modelUrl: string, threads: number, answers: number, tokens: number, compat?: boolean): Promise<SpeedReport>;
  /** Replays `requests` in order on the engine as the app runs it, each answer cut to `tokens` tokens. */
  replay(modelUrl: string, requests: CompletionRequest[], tokens: number): Promise<ReplayReport>;
}
