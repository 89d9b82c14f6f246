import type { ImportClient } from '../lib/clients';
import { summarizeSeeds, type ImportProgress, type SavedImport, type SeedSetSummary } from '../lib/seeds';
import type { PoolStore } from '../lib/store';
import { loadDefaultSeeds } from './app-services';
import { errorMessage } from './handle-error';
import { remainingSeconds } from './time-left';

/** A project's seed tasks: what the prompts sample from, and how to replace them. */
export class SeedsState {
  #summary = $state.raw<SeedSetSummary>(summarizeSeeds([]));
  #notes = $state.raw<string[]>([]);
  #error = $state<string | undefined>();
  #busy = $state(false);
  #progress = $state.raw<ImportProgress | undefined>();
  #stageStarted = 0;
  #remainingSeconds = $state<number | undefined>();

  constructor(
    private readonly pool: PoolStore,
    /** The import worker's client, started on the first import. */
    private readonly imports: () => ImportClient,
    private readonly projectId: string,
    /** Called after the seeds changed, so other views can re-read their counts. */
    private readonly onChange: () => void,
  ) {}

  get count() { return this.#summary.count; }
  get classification() { return this.#summary.classification; }
  /** rouge_score's tokenizer drops non-ASCII text, so near-duplicates in other scripts go unseen. */
  get mostlyNonAscii() { return this.#summary.mostlyNonAscii; }
  /** The first seed tasks, in order: all of a small set. */
  get first() { return this.#summary.first; }
  get notes() { return this.#notes; }
  get error() { return this.#error; }
  get busy() { return this.#busy; }
  /** How far the import in the worker has got; undefined before it reports. */
  get progress() { return this.#progress; }
  /** A rough time left for the stage in progress, from its pace so far. */
  get remainingSeconds() { return this.#remainingSeconds; }

  async load(): Promise<void> {
    this.#summary = summarizeSeeds(await this.pool.seeds(this.projectId));
  }

  importFile(file: File): Promise<void> {
    return this.replace(() => this.imports().importFile(this.projectId, file, (progress) => this.advance(progress)), file.name);
  }

  importText(text: string): Promise<void> {
    return this.replace(() => this.imports().importText(this.projectId, text, (progress) => this.advance(progress)), 'The pasted text');
  }

  resetToDefault(): Promise<void> {
    return this.replace(async () => {
      const seeds = await loadDefaultSeeds();
      await this.pool.putSeeds(this.projectId, seeds);
      return { ok: true, format: 'self-instruct-jsonl', notes: [], summary: summarizeSeeds(seeds) };
    }, 'The default seeds');
  }

  /** Runs an import that saves the seeds it reads, then shows them. A refused import has changed nothing. */
  private async replace(run: () => Promise<SavedImport>, source: string): Promise<void> {
    this.#busy = true;
    this.#error = undefined;
    this.#notes = [];
    try {
      const result = await run();
      if (!result.ok) {
        // A problem is a clause without its full stop (ImportProblem), so the message ends its sentence.
        this.#error = `${source}${result.line ? `, line ${result.line}` : ''}: ${result.problem}. Nothing was changed.`;
        return;
      }
      this.#summary = result.summary;
      this.#notes = result.notes;
      this.onChange();
    } catch (error) {
      this.#error = errorMessage(error);
    } finally {
      this.#busy = false;
      this.#progress = undefined;
      this.#remainingSeconds = undefined;
    }
  }

  private advance(progress: ImportProgress): void {
    // Progress comes on its own message port, so a last report can arrive after the result.
    if (!this.#busy) return;
    if (progress.stage !== this.#progress?.stage) this.#stageStarted = performance.now();
    this.#progress = progress;
    this.#remainingSeconds = remainingSeconds((performance.now() - this.#stageStarted) / 1000, progress.fraction);
  }
}
