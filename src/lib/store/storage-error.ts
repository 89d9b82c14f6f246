import { FailureError } from '../failure';
import type { StorageFailureReason } from '../vocabulary';

/**
 * The one error the store throws. IndexedDB's own errors are translated here, in one place, so
 * callers never guess from browser-specific names; its reason survives a worker hop.
 */
export class StorageError extends FailureError {
  override readonly name = 'StorageError';
  constructor(reason: StorageFailureReason, message: string, options?: { cause?: unknown }) {
    super(reason, message, options);
  }
}

export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') {
    return new StorageError(
      'storage-full',
      'The browser ran out of storage for this site. Free disk space or delete downloaded models you no longer need, then resume: nothing written so far is lost.',
      { cause: error },
    );
  }
  if (name === 'ConstraintError') {
    return new StorageError('storage-conflict', 'A row with the same id is already stored; the step was not written.', { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError('storage-failed', `The browser's storage failed: ${detail}`, { cause: error });
}
