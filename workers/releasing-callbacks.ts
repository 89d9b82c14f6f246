import { releaseProxy, type Remote } from 'comlink';

/**
 * A callback passed with comlink's proxy() arrives as a remote function holding a message port
 * open. This wraps a service so that, once a verb's promise settles, the callbacks it was given
 * are released, which frees their ports on both sides.
 */
export function releasingCallbacks<Api extends object>(service: Api): Api {
  const wrapped: Record<string, unknown> = {};
  for (const [name, verb] of Object.entries(service)) {
    wrapped[name] =
      typeof verb !== 'function'
        ? verb
        : (...args: unknown[]) => {
            const result: unknown = verb(...args);
            return result instanceof Promise ? result.finally(() => args.forEach(releaseCallback)) : result;
          };
  }
  return wrapped as Api;
}

function releaseCallback(argument: unknown): void {
  if (typeof argument === 'function') (argument as Remote<() => void>)[releaseProxy]();
}
