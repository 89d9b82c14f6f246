// Errors an engine throws for the host and the page to match by name: a comlink hop keeps only
// name, message and stack (STYLE.md, "Errors"). Each message says what to do next.

/** The engine's runtime died under a model (a wasm trap, a crashed worker); the model is gone. */
export class ModelCrashedError extends Error {
  override readonly name = 'ModelCrashedError';
  constructor(detail: string) {
    super(`The model stopped with an error (${detail}). Load the model again, then resume the run.`);
  }
}

/** One completion failed, e.g. a prompt longer than the context; the model is still loaded. */
export class CompletionFailedError extends Error {
  override readonly name = 'CompletionFailedError';
  constructor(detail: string) {
    super(`The model could not answer this request (${detail}). Shorten the prompt or lower the token limits, then try again.`);
  }
}

/**
 * A model file the engine cannot use: not a GGUF file, cut short, or rejected by llama.cpp. The
 * message is already advice for the user; describeLoadFailure passes it through.
 */
export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
}
