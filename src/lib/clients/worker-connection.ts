import { wrap, type Remote } from 'comlink';
import { FailureError, installFailureHandler } from '../failure';

/** A worker died (an uncaught error, or its script failed to load); its pending calls are void. */
export class WorkerCrashedError extends FailureError {
  override readonly name = 'WorkerCrashedError';
  constructor(workerName: string, detail: string) {
    super('worker-crashed', `The ${workerName} stopped unexpectedly (${detail}). Reload the page to restart it; the pool is safe in storage.`);
  }
}

export interface WorkerConnection<Api> {
  remote: Remote<Api>;
  /** Settles like `call`, or rejects with WorkerCrashedError if the worker dies first. */
  guard<T>(call: Promise<T>): Promise<T>;
}

/**
 * comlink never settles a call whose worker has died (comlink issue #601), so every call goes
 * through `guard`, which races it against the worker's error event. A failure the worker throws
 * arrives with its reason (installFailureHandler; the worker installs it too).
 */
export function connectWorker<Api>(worker: Worker, workerName: string): WorkerConnection<Api> {
  installFailureHandler();
  let crash: WorkerCrashedError | undefined;
  const crashed = new Promise<never>((_, reject) => {
    const fail = (detail: string) => {
      crash ??= new WorkerCrashedError(workerName, detail);
      reject(crash);
    };
    worker.addEventListener('error', (event) => fail(event.message || 'script error'));
    worker.addEventListener('messageerror', () => fail('a message could not be read'));
  });
  crashed.catch(() => {});
  return {
    remote: wrap<Api>(worker),
    guard: (call) => (crash ? Promise.reject(crash) : Promise.race([call, crashed])),
  };
}
