import { expose, type Endpoint } from 'comlink';
import { afterEach } from 'vitest';

/** One end of a channel whose other end serves an API through comlink, standing in for a Worker. */
export interface ServedApi {
  worker: Worker;
  /** Raises the worker's error event, as a worker that died would. */
  crash: () => void;
}

/**
 * Serves APIs through comlink over MessageChannels in one realm: what a worker exposes on its side
 * is reached through the port a page's client would hold. Call at the top of a test file: every
 * channel is closed after each test, since an open port (or an unreleased proxy) keeps Node alive.
 */
export function useChannels(): (api: object) => ServedApi {
  const channels: MessageChannel[] = [];
  afterEach(() => {
    for (const channel of channels.splice(0)) {
      channel.port1.close();
      channel.port2.close();
    }
  });
  return (api) => {
    const channel = new MessageChannel();
    channels.push(channel);
    expose(api, channel.port2 as unknown as Endpoint);
    const port = channel.port1;
    return {
      worker: port as unknown as Worker,
      crash: () => port.dispatchEvent(Object.assign(new Event('error'), { message: 'boom' })),
    };
  };
}
