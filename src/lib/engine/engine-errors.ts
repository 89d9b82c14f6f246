// The errors an engine throws, each with its failure reason. Each engine translates its library's
// errors into these at its edge (src/lib/webllm, src/lib/wllama), so the host and the page act on
// the reason alone. Each message says what to do next.
import { FailureError } from '../failure';
import type { LoadFailureReason } from '../vocabulary';
import { LOAD_ADVICE } from './load-failure';

/** The engine's runtime died under a model (a wasm trap, a lost GPU device); the model is gone. */
export class ModelCrashedError extends FailureError {
  override readonly name = 'ModelCrashedError';
  constructor(detail: string) {
    super('model-lost', `The model stopped with an error (${detail}). Load the model again, then resume the run.`);
  }
}

/** One completion failed, e.g. a prompt longer than the context; the model is still loaded. */
export class CompletionFailedError extends FailureError {
  override readonly name = 'CompletionFailedError';
  constructor(detail: string) {
    super('completion-failed', `The model could not answer this request (${detail}). Shorten the prompt or lower the token limits, then try again.`);
  }
}

/** A call that needs a model came before any was loaded, or after the model was lost. */
export class ModelNotLoadedError extends FailureError {
  override readonly name = 'ModelNotLoadedError';
  constructor() {
    super('model-not-loaded', 'No model is loaded. Load a model, then start or resume the run; the pool is kept in storage.');
  }
}

/** A model did not load, for a reason the user can act on. */
export class ModelLoadError extends FailureError {
  override readonly name: string = 'ModelLoadError';
  constructor(reason: LoadFailureReason, message = LOAD_ADVICE[reason], options?: { cause?: unknown }) {
    super(reason, message, options);
  }
}

/**
 * A model file the engine cannot use: not a GGUF file, cut short, or rejected by llama.cpp. The
 * message is already advice for the user.
 */
export class ModelFileError extends ModelLoadError {
  override readonly name = 'ModelFileError';
  constructor(message: string) {
    super('bad-model-file', message);
  }
}

/** A load asked for a model this engine does not offer: a bug in the caller. */
export class UnknownModelError extends ModelLoadError {
  override readonly name = 'UnknownModelError';
  constructor(modelId: string) {
    super('not-offered', `There is no model "${modelId}" here. Pick one from the list.`);
  }
}
