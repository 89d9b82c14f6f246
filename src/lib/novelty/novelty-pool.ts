import { NoveltyIndex } from '../rouge';
import type { Novelty, NoveltyVerdict, PoolEntry, PoolOptions } from '../vocabulary';

/**
 * The novelty port over the ROUGE-L index: served by the filter worker in the app, used
 * in-process by tests. It keeps the texts so a verdict can name the nearest instruction.
 */
export class NoveltyPool implements Novelty {
  #index = new NoveltyIndex();
  #texts = new Map<string, string>();

  async loadPool(entries: PoolEntry[], { threshold, tokenizer }: PoolOptions): Promise<void> {
    this.#index = new NoveltyIndex({ threshold, tokenizer });
    this.#texts = new Map();
    for (const entry of entries) this.#insert(entry);
  }

  async check(instruction: string): Promise<NoveltyVerdict> {
    const { novel, score, nearestId } = this.#index.check(instruction);
    const nearestText = nearestId === null ? undefined : this.#texts.get(nearestId);
    const nearest = nearestId !== null && nearestText !== undefined ? { id: nearestId, instruction: nearestText } : null;
    return { novel, score, nearest };
  }

  async add(entry: PoolEntry): Promise<void> {
    this.#insert(entry);
  }

  #insert(entry: PoolEntry): void {
    this.#index.add(entry.id, entry.instruction);
    this.#texts.set(entry.id, entry.instruction);
  }

  get size(): number {
    return this.#index.size;
  }
}
