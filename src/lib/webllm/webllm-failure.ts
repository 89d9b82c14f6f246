// web-llm's errors, translated into ours at the engine's edge, in this one place. web-llm 0.2.86
// exports none of its error classes but IntegrityError, so each is known by the `name` its
// constructor sets (web-llm src/error.ts); the GPU's own errors only by their text.
import { browserLoadReason, CompletionFailedError, ModelCrashedError, ModelLoadError } from '../engine';
import { describeError, type FailureError } from '../failure';
import type { LoadFailureReason } from '../vocabulary';

const LOAD_RULES: { reason: LoadFailureReason; test: RegExp }[] = [
  { reason: 'no-webgpu', test: /WebGPUNotAvailableError|WebGPUNotFoundError|WebGPU is not supported|compatible GPU/i },
  // web-llm ends a load in which the device was lost with DeviceLostError: nearly always memory.
  { reason: 'out-of-memory', test: /DeviceLostError|device (was )?lost|out of memory|\bOOM\b|exceeds limit|GPUPipelineError/i },
  // ShaderF16SupportError, or the browser's WGSL compiler refusing `enable f16`.
  { reason: 'needs-shader-f16', test: /ShaderF16SupportError|shader-f16|extension 'f16'|enable f16/i },
  { reason: 'not-offered', test: /ModelNotFoundError/ },
  // web-llm's own fetches: "Cannot fetch <url>", "Unable to fetch <url>, received status 404".
  { reason: 'network', test: /Cannot fetch|Unable to fetch|status [45]\d\d/i },
];

// Errors about one request only (the prompt, the sampling values, the JSON grammar): the model
// stays loaded and answers the next request.
const REQUEST_ERRORS = new Set([
  'ContextWindowSizeExceededError',
  'ConfigValueError',
  'MinValueError',
  'NonNegativeError',
  'InvalidNumberStringError',
  'DependencyError',
  'InvalidResponseFormatError',
  'InvalidResponseFormatGrammarError',
  'GrammarMatcherInitError',
]);

// After a lost device web-llm unloads the model by itself, so the next request meets
// ModelNotLoadedError even though we loaded one.
const MODEL_GONE = new Set(['ModelNotLoadedError', 'DeviceLostError', 'EngineNotLoadedError']);

/** A failed load as our ModelLoadError where web-llm's error says why; anything else as it came. */
export function webLlmLoadError(error: unknown): unknown {
  const text = describeError(error);
  const reason = LOAD_RULES.find(({ test }) => test.test(text))?.reason ?? browserLoadReason(error);
  return reason ? new ModelLoadError(reason, undefined, { cause: error }) : error;
}

/**
 * A failed completion as our error: one request refused (the model stays), or the model lost.
 * Anything unrecognised counts as lost, since the GPU pipeline's state is then unknown.
 */
export function webLlmCompletionError(error: unknown): FailureError {
  const name = error instanceof Error ? error.name : '';
  if (REQUEST_ERRORS.has(name)) return new CompletionFailedError(describeError(error));
  if (MODEL_GONE.has(name)) return new ModelCrashedError('the GPU device was lost, which usually means it ran out of memory');
  return new ModelCrashedError(describeError(error));
}
