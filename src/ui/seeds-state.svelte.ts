import type { SeedTask } from '../lib/vocabulary';
import { mostlyNonAscii } from '../lib/rouge';
import { importPastedText, importSeeds, type ImportResult } from '../lib/seeds';
import type { PoolStore } from '../lib/store';
import { loadDefaultSeeds } from './app-services';
import { errorMessage } from './handle-error';

/** A project's seed tasks: what the prompts sample from, and how to replace them. */
export class SeedsState {
  #seeds = $state.raw<SeedTask[]>([]);
  #notes = $state.raw<string[]>([]);
  #error = $state<string | undefined>();
  #busy = $state(false);

  constructor(
    private readonly pool: PoolStore,
    private readonly projectId: string,
    /** Called after the seeds changed, so other views can re-read their counts. */
    private readonly onChange: () => void,
  ) {}

  get seeds() { return this.#seeds; }
  get notes() { return this.#notes; }
  get error() { return this.#error; }
  get busy() { return this.#busy; }
  get classification() { return this.#seeds.filter((seed) => seed.isClassification).length; }
  /** rouge_score's tokenizer drops non-ASCII text, so near-duplicates in other scripts go unseen. */
  get mostlyNonAscii() { return mostlyNonAscii(this.#seeds.map((seed) => seed.instruction)); }

  async load(): Promise<void> {
    this.#seeds = await this.pool.seeds(this.projectId);
  }

  importFile(file: File): Promise<void> {
    return this.replace(async () => importSeeds(new Uint8Array(await file.arrayBuffer()), file.name), file.name);
  }

  importText(text: string): Promise<void> {
    return this.replace(async () => importPastedText(text), 'The pasted text');
  }

  resetToDefault(): Promise<void> {
    return this.replace(async () => ({ ok: true, seeds: await loadDefaultSeeds(), format: 'self-instruct-jsonl', notes: [] }), 'The default seeds');
  }

  /** Replaces the seeds with an import's; a failed import leaves them as they were. */
  private async replace(read: () => Promise<ImportResult>, source: string): Promise<void> {
    this.#busy = true;
    this.#error = undefined;
    this.#notes = [];
    try {
      const result = await read();
      if (!result.ok) {
        this.#error = `${source}${result.line ? `, line ${result.line}` : ''}: ${result.problem} Nothing was changed.`;
        return;
      }
      await this.pool.putSeeds(this.projectId, result.seeds);
      this.#notes = result.notes;
      await this.load();
      this.onChange();
    } catch (error) {
      this.#error = errorMessage(error);
    } finally {
      this.#busy = false;
    }
  }
}
