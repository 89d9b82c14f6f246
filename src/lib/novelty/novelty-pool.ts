import { NoveltyIndex, type NoveltyCheck } from '../rouge';
import type { Novelty, NoveltyChanges, NoveltyVerdict, PoolEntry, PoolOptions } from '../vocabulary';

/**
 * The novelty port over the ROUGE-L index: served by the filter worker in the app, used
 * in-process by tests. It keeps the texts so a verdict can name the nearest instruction, and
 * follows a person's edits to the pool it holds.
 */
export class NoveltyPool implements Novelty {
  #index = new NoveltyIndex();
  #texts = new Map<string, string>();
  #poolId: string | undefined;

  async loadPool(entries: PoolEntry[], { threshold, tokenizer, poolId }: PoolOptions): Promise<void> {
    this.#index = new NoveltyIndex({ threshold, tokenizer });
    this.#texts = new Map();
    this.#poolId = poolId;
    for (const entry of entries) this.#insert(entry);
  }

  async check(instruction: string): Promise<NoveltyVerdict> {
    return this.#verdict(this.#index.check(instruction));
  }

  async add(entry: PoolEntry): Promise<void> {
    this.#insert(entry);
  }

  /** Whose pool is loaded, as `loadPool` was told; undefined when it was not. */
  get poolId(): string | undefined {
    return this.#poolId;
  }

  /** Applies what a person's action did to the pool: removals first, so an edit (both) ends added. */
  update({ remove, add }: NoveltyChanges): void {
    for (const id of remove) {
      this.#index.remove(id);
      this.#texts.delete(id);
    }
    for (const entry of add) this.#insert(entry);
  }

  /** The verdict on an edited instruction against every other one: its own entry left out. */
  nearest(instruction: string, exceptId: string): NoveltyVerdict {
    return this.#verdict(this.#index.check(instruction, exceptId));
  }

  #verdict({ novel, score, nearestId }: NoveltyCheck): NoveltyVerdict {
    const nearestText = nearestId === null ? undefined : this.#texts.get(nearestId);
    const nearest = nearestId !== null && nearestText !== undefined ? { id: nearestId, instruction: nearestText } : null;
    return { novel, score, nearest };
  }

  #insert(entry: PoolEntry): void {
    this.#index.add(entry.id, entry.instruction);
    this.#texts.set(entry.id, entry.instruction);
  }

  get size(): number {
    return this.#index.size;
  }
}
