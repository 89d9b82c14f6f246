/** Why a write to the pool failed, in terms the UI can act on. */
export type StorageProblem = 'quota' | 'conflict' | 'unavailable' | 'blocked';

/**
 * The one error the store throws. IndexedDB's own errors are translated here, in one place, so
 * callers never guess from browser-specific names. `name` survives a comlink hop.
 */
export class StorageError extends Error {
  override readonly name = 'StorageError';
  constructor(
    readonly problem: StorageProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function toStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  if (name === 'QuotaExceededError') {
    return new StorageError(
      'quota',
      'The browser ran out of storage for this site. Free disk space or delete downloaded models you no longer need, then resume: nothing written so far is lost.',
      { cause: error },
    );
  }
  if (name === 'ConstraintError') {
    return new StorageError('conflict', 'A row with the same id is already stored; the step was not written.', { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError('unavailable', `The browser's storage failed: ${detail}`, { cause: error });
}
