/** How much this site stores, how much it may, and whether the browser promised to keep it. */
export class StorageState {
  #usage = $state<number | undefined>();
  #quota = $state<number | undefined>();
  #persisted = $state(false);

  get usage() { return this.#usage; }
  get quota() { return this.#quota; }
  get persisted() { return this.#persisted; }

  async refresh(): Promise<void> {
    const storage = navigator.storage;
    if (!storage) return;
    const estimate = await storage.estimate();
    this.#usage = estimate.usage;
    this.#quota = estimate.quota;
    this.#persisted = await storage.persisted();
  }

  /**
   * Asks the browser not to evict the pool under storage pressure. web-llm does not ask
   * (research/webllm.md §1.11), and hours of generation are worth the question.
   */
  async persist(): Promise<void> {
    if (this.#persisted || !navigator.storage?.persist) return;
    this.#persisted = await navigator.storage.persist();
  }
}
