import type { NoveltyChanges } from '../vocabulary';

/** What a tab tells the others after a person changed a project's pool (an action or its undo). */
export interface PoolNews {
  projectId: string;
  taskIds: string[];
  novelty: NoveltyChanges;
}

const CHANNEL = 'self-instruct-studio:pool';

/**
 * A person's changes to a pool, told to the project's other tabs: each holds its own table and
 * ROUGE-L index, and one of them may be running the loop, which must stop comparing new
 * candidates with a task deleted here.
 */
export class PoolNewsChannel {
  readonly #channel: BroadcastChannel;

  constructor(channel: BroadcastChannel = new BroadcastChannel(CHANNEL)) {
    this.#channel = channel;
  }

  publish(news: PoolNews): void {
    this.#channel.postMessage(news);
  }

  /** Calls `listener` with other tabs' news; returns the function that stops listening. */
  subscribe(listener: (news: PoolNews) => void): () => void {
    const onMessage = (event: MessageEvent<PoolNews>) => listener(event.data);
    this.#channel.addEventListener('message', onMessage);
    return () => this.#channel.removeEventListener('message', onMessage);
  }
}
