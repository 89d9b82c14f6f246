import type { FigureRows, PoolQuery } from '../../lib/pool-view';
import type { ComparedStats, ComputedStats, DatasetStats, FigurePart, Reference, RejectionRule, VerbNounTree } from '../../lib/stats';
import { errorMessage } from '../handle-error';

/** What the card needs of the stats worker (StatsClient). */
export interface StatsPort {
  compute(projectId: string): Promise<ComputedStats>;
  verbNounTree(projectId: string, onProgress?: (fraction: number) => void): Promise<VerbNounTree>;
  rowsBehind(projectId: string, part: FigurePart): Promise<string[]>;
  compare(projectId: string, reference: Reference): Promise<ComparedStats>;
}

/** A reference dataset's figures, shown beside the project's. */
export interface ComparedFigures {
  /** The file's or the project's name. */
  name: string;
  stats: DatasetStats;
  tree: VerbNounTree;
}

/** Where a click on a figure goes: the pool table, shown with only the rows behind it. */
export type ShowInPool = (query: Partial<PoolQuery>) => void;

/** During a run, the figures are computed again at most this often: a 100k pool takes seconds in the worker. */
export const STATS_THROTTLE_MS = 5_000;

/**
 * The "Dataset figures" card's statistics of one project: computed when the card is opened, again
 * after a run's steps (throttled) and after a person's change to the pool, one computation at a
 * time; while the card is closed a change only marks the figures out of date.
 */
export class DatasetStatsState {
  #opened = $state(false);
  #stats = $state.raw<DatasetStats | undefined>();
  #tree = $state.raw<VerbNounTree | undefined>();
  /** The fraction of the instructions parsed for the tree, while new ones are. */
  #treeProgress = $state<number | undefined>();
  #computing = $state(false);
  #reference = $state.raw<ComparedFigures | undefined>();
  /** The name of the reference being read and computed. */
  #comparing = $state<string | undefined>();
  #compareError = $state<string | undefined>();
  #error = $state<string | undefined>();
  /** The shown figures no longer match the pool. */
  #stale = true;
  #lastStart = Number.NEGATIVE_INFINITY;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #timerDue = Number.POSITIVE_INFINITY;
  /** A change heard during a computation: how soon to compute again once it ends. */
  #rerun: 'now' | 'throttled' | undefined;
  #disposed = false;

  constructor(
    /** The stats worker's client, started when the card is first opened. */
    private readonly worker: () => StatsPort,
    private readonly projectId: string,
    private readonly showInPool: ShowInPool = () => {},
  ) {}

  get opened() { return this.#opened; }
  /** The latest figures; kept on screen while newer ones are computed. */
  get stats() { return this.#stats; }
  /** Fig. 3: it follows the other figures, as its new instructions are parsed. */
  get tree() { return this.#tree; }
  get treeProgress() { return this.#treeProgress; }
  get computing() { return this.#computing; }
  get reference() { return this.#reference; }
  get comparing() { return this.#comparing; }
  get compareError() { return this.#compareError; }
  get error() { return this.#error; }

  /** The card was opened: its figures are computed if the pool changed since they were. */
  open(): void {
    this.#opened = true;
    if (this.#stale) this.#schedule('now');
  }

  close(): void {
    this.#opened = false;
    this.#clearTimer();
  }

  /** A run wrote a step: the figures follow at most every STATS_THROTTLE_MS. */
  stepped(): void {
    this.#stale = true;
    this.#schedule('throttled');
  }

  /** A person changed the pool (or asks again after an error): the figures follow at once. */
  changed(): void {
    this.#stale = true;
    this.#schedule('now');
  }

  /** A part of a figure was clicked: the pool table shows the tasks behind it, as the shown figures counted them. */
  async showRows(part: FigurePart, label: string): Promise<void> {
    try {
      const figure: FigureRows = { label, ids: await this.worker().rowsBehind(this.projectId, part) };
      this.showInPool({ figure });
    } catch (error) {
      this.#error = `The tasks behind “${label}” could not be found (${errorMessage(error).replace(/\.$/, '')}). Try again, or reload the page.`;
    }
  }

  /** Computes the same figures of a reference (a dataset file or another project) to show beside these; nothing is stored. */
  async compareWith(reference: Reference, name: string): Promise<void> {
    this.#comparing = name;
    this.#compareError = undefined;
    try {
      const compared = await this.worker().compare(this.projectId, reference);
      if (compared.ok) this.#reference = { name, stats: compared.stats, tree: compared.tree };
      else this.#compareError = compared.problem;
    } catch (error) {
      this.#compareError = `${name} could not be compared (${errorMessage(error).replace(/\.$/, '')}). Try again, or reload the page.`;
    } finally {
      this.#comparing = undefined;
    }
  }

  stopComparing(): void {
    this.#reference = undefined;
    this.#compareError = undefined;
  }

  /** A rejection rule was clicked: the pool shows the candidates it rejected (a filter of its own, no ids needed). */
  showRule(rule: RejectionRule): void {
    this.showInPool({ status: 'rejected', rule });
  }

  /** Stops computing; the page calls it when it shows another project. */
  dispose(): void {
    this.#disposed = true;
    this.#clearTimer();
  }

  #schedule(when: 'now' | 'throttled'): void {
    if (!this.#opened || this.#disposed) return;
    if (this.#computing) {
      if (this.#rerun !== 'now') this.#rerun = when;
      return;
    }
    const due = when === 'now' ? Date.now() : Math.max(Date.now(), this.#lastStart + STATS_THROTTLE_MS);
    if (due >= this.#timerDue) return;
    this.#clearTimer();
    this.#timerDue = due;
    this.#timer = setTimeout(() => {
      this.#clearTimer();
      void this.#compute();
    }, due - Date.now());
  }

  async #compute(): Promise<void> {
    this.#computing = true;
    this.#error = undefined;
    this.#stale = false;
    this.#lastStart = Date.now();
    try {
      const worker = this.worker();
      this.#stats = (await worker.compute(this.projectId)).stats;
      this.#tree = await worker.verbNounTree(this.projectId, (fraction) => (this.#treeProgress = fraction));
    } catch (error) {
      this.#stale = true;
      this.#error = `The dataset figures could not be computed (${errorMessage(error).replace(/\.$/, '')}). Press “Compute again”; if it fails again, reload the page.`;
    } finally {
      this.#computing = false;
      this.#treeProgress = undefined;
    }
    const rerun = this.#rerun;
    this.#rerun = undefined;
    if (rerun) this.#schedule(rerun);
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#timerDue = Number.POSITIVE_INFINITY;
  }
}
