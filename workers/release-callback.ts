import { releaseProxy, type Remote } from 'comlink';

/**
 * A callback passed with comlink's proxy() arrives as a remote function holding a message port
 * open; releasing it once the call is over frees that port on both sides.
 */
export function releaseCallback(callback: unknown): void {
  if (typeof callback === 'function') (callback as Remote<() => void>)[releaseProxy]();
}
