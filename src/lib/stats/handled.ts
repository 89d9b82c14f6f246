/**
 * The promise, marked handled: work started early and awaited later reports its failure where it
 * is awaited, not as an unhandled rejection before.
 */
export function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}
