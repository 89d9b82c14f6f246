import type { CurationAction, CurationResult, NoveltyChanges, UndoSummary } from '../../lib/vocabulary';
import { errorMessage } from '../handle-error';
import type { RowStatus } from '../../lib/pool-view';
import type { PoolNews } from '../../lib/coordination';

/** What the page needs of the curation (the store's, run in the pool view worker): an action, its undo, the list of undo steps. */
export interface CurationPort {
  /** Undefined when the action changed nothing (no undo step is written). */
  apply(projectId: string, action: CurationAction): Promise<CurationResult | undefined>;
  undo(projectId: string): Promise<CurationResult | undefined>;
  history(projectId: string): Promise<UndoSummary[]>;
}

/** Everything shown or held elsewhere that follows an action: the table, the open task, the filter worker's novelty index, the run. */
export interface CurationFollowers {
  /**
   * The worker that applied the action holds the changed rows already: the table asks it again.
   * Another tab's action is read from the store first (`readAgain`).
   */
  view: { refresh(): Promise<void>; readAgain(taskIds: string[]): Promise<void> };
  detail: { follow(taskIds: string[]): Promise<void> };
  /** False when the worker holds another pool; the next run loads this one from the store anyway. */
  novelty: { update(poolId: string, changes: NoveltyChanges): Promise<boolean> };
  /** The counts and funnel read again; a run in progress samples its next prompts from the pool as it now is. */
  run: { refresh(): Promise<void>; poolChanged(changes: NoveltyChanges): void };
  /** The project's other tabs, told of each change here, and heard of theirs. */
  tabs: { publish(news: PoolNews): void; subscribe(listener: (news: PoolNews) => void): () => void };
}

/** The actions a selection can take, each on the rows it fits. */
export type BulkKind = 'delete' | 'restore' | 'accept' | 'review';

/** Which rows each bulk action changes. */
export const BULK_FITS: Record<BulkKind, readonly RowStatus[]> = {
  delete: ['accepted', 'pending', 'rejected'],
  restore: ['deleted'],
  accept: ['rejected'],
  review: ['accepted', 'pending', 'rejected'],
};

/** The rows picked for a bulk action (PoolSelection). */
export interface BulkSelection {
  ids(statuses: readonly RowStatus[]): Promise<string[]>;
  clear(): void;
}

/** The latest action or undo, as the undo toast tells it. */
export interface CurationNotice {
  text: string;
  /** An Undo beside it: the action is the latest undo step. */
  undoable: boolean;
}

/** Undo steps the history lists: the issue asks for at least the last 20. */
export const HISTORY_SHOWN = 20;

/**
 * A person's changes to the pool (edit, delete, restore, accept, mark reviewed) and their undo, one
 * at a time in the order asked: each goes through the store as one transaction, then the table,
 * the novelty index and the run's counts follow it.
 */
export class CurationState {
  #notice = $state.raw<CurationNotice | undefined>();
  #history = $state.raw<UndoSummary[]>([]);
  #busy = $state(false);
  #error = $state<string | undefined>();
  #queue: Promise<unknown> = Promise.resolve();
  readonly #unsubscribe: () => void;

  constructor(
    private readonly port: CurationPort,
    private readonly projectId: string,
    private readonly followers: CurationFollowers,
  ) {
    this.#unsubscribe = followers.tabs.subscribe((news) => void this.#hear(news));
  }

  /** Stops hearing other tabs; the page calls it when it shows another project. */
  dispose(): void {
    this.#unsubscribe();
  }

  get notice() { return this.#notice; }
  /** The latest undo steps, newest first. */
  get history() { return this.#history; }
  get busy() { return this.#busy; }
  get error() { return this.#error; }

  async loadHistory(): Promise<void> {
    try {
      this.#history = (await this.port.history(this.projectId)).slice(0, HISTORY_SHOWN);
    } catch (error) {
      this.#error = errorMessage(error);
    }
  }

  /**
   * Applies one action; true once it is stored (or changed nothing), false when it failed and nothing
   * changed. `onStored` runs as soon as the store has it, before the rest of the page follows.
   */
  perform(action: CurationAction, onStored = () => {}): Promise<boolean> {
    return this.#serially(async () => {
      let result: CurationResult | undefined;
      try {
        result = await this.port.apply(this.projectId, action);
      } catch (error) {
        this.#error = `Nothing was changed: ${errorMessage(error)}`;
        return false;
      }
      onStored();
      if (result) {
        this.#notice = { text: result.step.label, undoable: true };
        await this.#follow(result);
      }
      return true;
    });
  }

  /** A bulk action on the selection's rows it fits; the selection is cleared once the action is stored. */
  async bulk(kind: BulkKind, selection: BulkSelection): Promise<void> {
    let taskIds: string[];
    try {
      taskIds = await selection.ids(BULK_FITS[kind]);
    } catch (error) {
      this.#error = `Nothing was changed: ${errorMessage(error)}`;
      return;
    }
    if (taskIds.length === 0) return;
    const action: CurationAction = kind === 'review' ? { kind, taskIds, reviewed: true } : { kind, taskIds };
    await this.perform(action, () => selection.clear());
  }

  /** Undoes the latest action still stored (Ctrl+Z, the toast's or the history's Undo). */
  undo(): Promise<boolean> {
    return this.#serially(async () => {
      let result: CurationResult | undefined;
      try {
        result = await this.port.undo(this.projectId);
      } catch (error) {
        this.#error = `Nothing was undone: ${errorMessage(error)}`;
        return false;
      }
      this.#notice = { text: result ? `Undone: ${result.step.label}` : 'Nothing left to undo.', undoable: false };
      if (result) await this.#follow(result);
      return result !== undefined;
    });
  }

  dismiss(): void {
    this.#notice = undefined;
    this.#error = undefined;
  }

  async #serially<T>(work: () => Promise<T>): Promise<T> {
    const turn = this.#queue.then(async () => {
      this.#busy = true;
      this.#error = undefined;
      try {
        return await work();
      } finally {
        this.#busy = false;
      }
    });
    this.#queue = turn.catch(() => {});
    return turn;
  }

  /** The action is stored: what shows or holds the pool elsewhere reads it again, the other tabs too. */
  async #follow({ taskIds, novelty }: CurationResult): Promise<void> {
    this.followers.tabs.publish({ projectId: this.projectId, taskIds, novelty });
    await this.#catchUp({ taskIds, novelty }, () => this.followers.view.refresh());
  }

  /** Another tab changed this project's pool: this tab's table, index, run and history follow. */
  #hear(news: PoolNews): Promise<void> {
    if (news.projectId !== this.projectId) return Promise.resolve();
    return this.#serially(() => this.#catchUp(news, () => this.followers.view.readAgain(news.taskIds)));
  }

  async #catchUp({ taskIds, novelty }: Omit<PoolNews, 'projectId'>, showRows: () => Promise<void>): Promise<void> {
    const { detail, novelty: index, run } = this.followers;
    run.poolChanged(novelty);
    try {
      await Promise.all([showRows(), detail.follow(taskIds), index.update(this.projectId, novelty), run.refresh(), this.loadHistory()]);
    } catch (error) {
      this.#error = `The change is stored, but the page could not show it: ${errorMessage(error)} Reload the page to see it.`;
    }
  }
}
