// wllama's and llama.cpp's errors, translated into ours at the engine's edge, in this one place.
// wllama's error classes live in its lazily loaded chunk, so they are known by shape: `type` on
// WllamaError, `name` on its AbortError; llama.cpp's reasons only by the text of its log.
import { browserLoadReason, CompletionFailedError, ModelCrashedError, ModelLoadError } from '../engine';
import { describeError, FailureError } from '../failure';

// llama.cpp in WebAssembly runs on the CPU: its heap, not the GPU, is what runs out.
const OUT_OF_MEMORY = /Cannot enlarge memory|Aborted\(OOM\)|out of memory|WebAssembly\.Memory|wasm memory/i;
const CPU_OUT_OF_MEMORY =
  'The browser ran out of memory while loading this model on the CPU. Pick a smaller model and close other tabs, then try again.';

/** wllama's answer to an interrupted call: the caller asked it to stop. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError';
}

/**
 * A failed load as our ModelLoadError where the error says why; anything else as it came. A
 * download that failed names `host`, the model's host, when the load had one.
 */
export function wllamaLoadError(error: unknown, host?: string): unknown {
  if (error instanceof FailureError) return error;
  if (OUT_OF_MEMORY.test(describeError(error))) return new ModelLoadError('out-of-memory', CPU_OUT_OF_MEMORY, { cause: error });
  // wllama's own downloader: WllamaError "download_error", or "Failed to fetch <url>: HTTP 404".
  const download = hasType(error, 'download_error') || /HTTP [45]\d\d/.test(describeError(error));
  const reason = download ? 'network' : browserLoadReason(error);
  if (reason === 'network' && host) return new ModelLoadError('network', downloadFailedMessage(host, error), { cause: error });
  return reason ? new ModelLoadError(reason, undefined, { cause: error }) : error;
}

function downloadFailedMessage(host: string, error: unknown): string {
  return `The model could not be downloaded from ${host} (${describeError(error)}). Check the network connection and try again; if ${host} is blocked here, open a .gguf file you already have, or host the model on this site (README, "Self-hosted models").`;
}

/**
 * A failed completion as our error. A request llama-server refused leaves its worker sound;
 * anything else (a wasm trap, the worker killed by invalid UTF-8 in the output) leaves it dead.
 */
export function wllamaCompletionError(error: unknown): FailureError {
  if (hasType(error, 'inference_error') || hasType(error, 'kv_cache_full')) return new CompletionFailedError(error.message);
  return new ModelCrashedError(describeError(error));
}

/**
 * llama.cpp's own words for why a load failed, when its log has them: the "error loading model:"
 * line says why (e.g. "data is not within the file bounds"), later lines only that it failed.
 */
export function loadFailureReason(log: readonly string[]): string | undefined {
  const reason = log.findLast((entry) => /error loading model:/.test(entry))?.replace(/^.*error loading model:\s*/s, '');
  return reason ?? log.findLast((entry) => /error|failed|invalid/i.test(entry));
}

function hasType(error: unknown, type: string): error is Error {
  return error instanceof Error && 'type' in error && error.type === type;
}
