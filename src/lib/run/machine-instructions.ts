import { byCreation } from '../ids';
import type { NoveltyChanges, PoolEntry } from '../vocabulary';

/**
 * The accepted machine-written instructions a run samples its prompts' examples from, oldest
 * first (ids sort by creation), as `acceptedTasks` would read them now: a person's deletion,
 * edit, restore or accept during the run reaches the next prompt, not only the next run.
 */
export class MachineInstructions {
  #entries: PoolEntry[];

  constructor(entries: readonly PoolEntry[]) {
    this.#entries = entries.map(({ id, instruction }) => ({ id, instruction }));
  }

  /** The instructions, oldest first. */
  texts(): string[] {
    return this.#entries.map((entry) => entry.instruction);
  }

  /** A task the run accepted: newer than every other, so it goes last. */
  push(entry: PoolEntry): void {
    this.#entries.push({ id: entry.id, instruction: entry.instruction });
  }

  /** A person's change: removed ids leave, added ones take their place by creation (an edit is both). */
  apply({ remove, add }: NoveltyChanges): void {
    const removed = new Set(remove);
    const kept = this.#entries.filter((entry) => !removed.has(entry.id));
    const present = new Set(kept.map((entry) => entry.id));
    const added = add.filter((entry) => !present.has(entry.id)).map(({ id, instruction }) => ({ id, instruction }));
    this.#entries = added.length === 0 ? kept : [...kept, ...added].sort(byCreation);
  }
}
