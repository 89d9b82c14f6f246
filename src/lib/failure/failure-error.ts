import type { Failure, FailureReason } from '../vocabulary';

/**
 * An expected failure, thrown: its `reason` is what callers act on, its message what the user
 * reads. Every error of ours that a user can meet extends it; the reason survives a worker hop
 * (installFailureHandler), so nothing downstream has to read names or message text.
 */
export class FailureError extends Error {
  override name = 'FailureError';
  constructor(
    readonly reason: FailureReason,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const UNEXPECTED = 'Something went wrong. Reload the page; the pool is kept in storage.';

/** Anything thrown, as a failure value: ours keep their reason, anything else is unexpected. */
export function failureOf(error: unknown): Failure {
  if (error instanceof FailureError) return { reason: error.reason, message: error.message };
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : UNEXPECTED;
  return { reason: 'unexpected', message };
}

/** An unexpected error in one line for a message: "Name: message", without a stack trace appended. */
export function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return (text.trim().split('\n')[0] ?? '').slice(0, 300);
}
