import { failureOf } from '../lib/failure';
import type { Failure } from '../lib/vocabulary';

/** The one place the UI turns anything thrown into a failure it can show (and logs it). */
export function toFailure(error: unknown): Failure {
  console.error(error);
  return failureOf(error);
}

/** What to tell the user about anything thrown. */
export function errorMessage(error: unknown): string {
  return toFailure(error).message;
}
