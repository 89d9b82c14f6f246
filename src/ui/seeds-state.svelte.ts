import type { ImportClient } from '../lib/clients';
import { hashSeedSet } from '../lib/method';
import { summarizeSeeds, type ImportProgress, type SavedImport, type SeedSetSummary } from '../lib/seeds';
import type { SeedTask } from '../lib/vocabulary';
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
  /** The default seeds, read and waiting for the user's yes to replace seeds that differ from them. */
  #proposal = $state.raw<{ defaults: SeedTask[]; current: SeedTask[] } | undefined>();
  /** The seeds before the last change, which Undo writes back; kept until the next change. */
  #previous = $state.raw<SeedTask[] | undefined>();

  constructor(
    private readonly pool: PoolStore,
    /** The import worker's client, started on the first import. */
    private readonly imports: () => ImportClient,
    private readonly projectId: string,
    /** Called after the seeds changed, so other views can re-read their counts. */
    private readonly onChange: () => void,
    private readonly defaults: () => Promise<SeedTask[]> = loadDefaultSeeds,
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
  /** Set while the user is asked whether the default seeds may replace this many seed tasks. */
  get confirmation(): { replaced: number; defaults: number } | undefined {
    return this.#proposal && { replaced: this.#proposal.current.length, defaults: this.#proposal.defaults.length };
  }
  /** How many seed tasks Undo would bring back; undefined when there is nothing to undo. */
  get undoCount() { return this.#previous?.length; }

  async load(): Promise<void> {
    this.#summary = summarizeSeeds(await this.pool.seeds(this.projectId));
  }

  importFile(file: File): Promise<void> {
    return this.replace(() => this.imports().importFile(this.projectId, file, (progress) => this.advance(progress)), file.name, () => this.current());
  }

  importText(text: string): Promise<void> {
    return this.replace(() => this.imports().importText(this.projectId, text, (progress) => this.advance(progress)), 'The pasted text', () => this.current());
  }

  /**
   * Offers the default seeds. Seeds of the user's own would be lost to a slip of the hand, so when
   * the seeds differ from the defaults this only asks (`confirmation`); `confirmDefaults` replaces them.
   */
  resetToDefault(): Promise<void> {
    return this.attempt(async () => {
      const [current, defaults] = await Promise.all([this.current(), this.defaults()]);
      if (hashSeedSet(current) === hashSeedSet(defaults)) this.#notes = ['These are already the default seed tasks.'];
      else this.#proposal = { current, defaults };
    });
  }

  confirmDefaults(): Promise<void> {
    const proposal = this.#proposal;
    this.#proposal = undefined;
    if (!proposal) return Promise.resolve();
    return this.replace(() => this.save(proposal.defaults), 'The default seeds', async () => proposal.current);
  }

  cancelDefaults(): void {
    this.#proposal = undefined;
  }

  /** Writes back the seeds that the last change replaced, in one transaction; the offer then ends. */
  undo(): Promise<void> {
    const previous = this.#previous;
    if (!previous) return Promise.resolve();
    return this.replace(() => this.save(previous), 'Undo', async () => undefined);
  }

  private current(): Promise<SeedTask[]> {
    return this.pool.seeds(this.projectId);
  }

  private async save(seeds: SeedTask[]): Promise<SavedImport> {
    await this.pool.putSeeds(this.projectId, seeds);
    return { ok: true, format: 'self-instruct-jsonl', notes: [], summary: summarizeSeeds(seeds) };
  }

  /**
   * Runs a change that saves the seeds it makes, then shows them. `undoTo` reads, before the
   * change, what Undo will write back after it (nothing, after an undo). A refused import has
   * changed nothing, and the offer to undo the change before it stays.
   */
  private replace(run: () => Promise<SavedImport>, source: string, undoTo: () => Promise<SeedTask[] | undefined>): Promise<void> {
    return this.attempt(async () => {
      const previous = await undoTo();
      const result = await run();
      if (!result.ok) {
        // A problem is a clause without its full stop (ImportProblem), so the message ends its sentence.
        this.#error = `${source}${result.line ? `, line ${result.line}` : ''}: ${result.problem}. Nothing was changed.`;
        return;
      }
      this.#summary = result.summary;
      this.#notes = result.notes;
      this.#previous = previous;
      this.onChange();
    });
  }

  private async attempt(action: () => Promise<void>): Promise<void> {
    this.#busy = true;
    this.#error = undefined;
    this.#notes = [];
    try {
      await action();
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
