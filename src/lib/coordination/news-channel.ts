/**
 * News told to this app's other tabs over a BroadcastChannel (a tab never hears its own): each
 * tab holds its own view of a project's pool, which must follow what another tab wrote.
 */
export class NewsChannel<News> {
  readonly #channel: BroadcastChannel;

  constructor(name: string, channel: BroadcastChannel = new BroadcastChannel(name)) {
    this.#channel = channel;
  }

  publish(news: News): void {
    this.#channel.postMessage(news);
  }

  /** Calls `listener` with other tabs' news; returns the function that stops listening. */
  subscribe(listener: (news: News) => void): () => void {
    const onMessage = (event: MessageEvent<News>) => listener(event.data);
    this.#channel.addEventListener('message', onMessage);
    return () => this.#channel.removeEventListener('message', onMessage);
  }

  close(): void {
    this.#channel.close();
  }
}
