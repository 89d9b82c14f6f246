import type { LoadFailureReason } from '../vocabulary';

/**
 * The browser's own errors that any engine's load can meet: a download that failed (fetch's
 * TypeError, worded differently by each browser) and a full disk (Cache API, OPFS). Read here once,
 * at the browser's edge, for every engine; each engine reads its library's errors itself.
 */
export function browserLoadReason(error: unknown): LoadFailureReason | undefined {
  if (!(error instanceof Error)) return undefined;
  if (error.name === 'QuotaExceededError' || /quota/i.test(error.message)) return 'storage-full';
  if (/Failed to fetch|NetworkError|network error|Load failed|ERR_/i.test(error.message)) return 'network';
  return undefined;
}
