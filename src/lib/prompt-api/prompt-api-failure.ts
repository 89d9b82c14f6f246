// The Prompt API's errors (DOMExceptions, by name) as our failures: the one place that reads them.
import { CompletionFailedError, ModelCrashedError, ModelLoadError } from '../engine';
import { describeError, FailureError } from '../failure';

function nameOf(error: unknown): string {
  return error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error) ? String((error as { name: unknown }).name) : '';
}

/** Why the built-in model did not load, in words that say what to do. */
export function promptApiLoadFailure(error: unknown): FailureError {
  if (error instanceof FailureError) return error;
  switch (nameOf(error)) {
    case 'AbortError':
      return new ModelLoadError('cancelled', 'Loading was cancelled. Chrome keeps what it downloaded of its model for next time.');
    case 'NotAllowedError':
      return new ModelLoadError(
        'not-offered',
        "Chrome did not allow its built-in model here: it downloads only after a click on this page, and a policy may turn it off. Click Load model again, or pick another model.",
      );
    case 'QuotaExceededError':
      return new ModelLoadError('storage-full', "Chrome has no room for its built-in model: it needs about 22 GB free on the disk of its profile. Free disk space, or pick another model.");
    case 'NetworkError':
      return new ModelLoadError('network', "Chrome could not download its built-in model. Check the network connection and try again.");
    case 'NotSupportedError':
    case 'InvalidStateError':
      return new ModelLoadError('not-offered', "Chrome's built-in model cannot run on this device or in this language. Pick another model.");
    default:
      return new ModelLoadError('not-offered', `Chrome's built-in model did not start (${describeError(error)}). Pick another model.`);
  }
}

/** Why one prompt failed: the model is gone only when Chrome says the session is. */
export function promptApiCompletionFailure(error: unknown): FailureError {
  if (error instanceof FailureError) return error;
  switch (nameOf(error)) {
    case 'InvalidStateError':
      return new ModelCrashedError("Chrome's built-in model session ended");
    case 'QuotaExceededError':
      return new CompletionFailedError('the prompt is longer than the built-in model’s context');
    case 'NotReadableError':
      return new CompletionFailedError('Chrome withheld the answer');
    case 'NotSupportedError':
      return new CompletionFailedError('Chrome’s built-in model does not support this request, e.g. its language or JSON schema');
    default:
      return new CompletionFailedError(describeError(error));
  }
}
