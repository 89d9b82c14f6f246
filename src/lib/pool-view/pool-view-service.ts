import { CurationStore, openStudioDB, QualityStore, type AppliedCuration, type JudgeCounts, type StudioDatabase } from '../store';
import type { CurationAction, CurationResult, Run, StoredJudgment, TaskState, UndoSummary } from '../vocabulary';
import { readJudgments, readJudgmentsOf, readNewer, readProject, readRuns, readTasks } from './pool-reads';
import { rowOf, rowTexts, type PoolRow } from './pool-row';
import type { PoolQuery, RunInfo, ViewCounts } from './pool-query';
import { judgeCountsOf } from './row-judgment';
import { RowTable } from './row-table';
import { runQuery } from './run-query';
import { Snapshots } from './snapshots';

/** A query's answer: the token of its frozen snapshot, and the counts beside the filters. */
export interface ViewAnswer {
  token: number;
  counts: ViewCounts;
  /** The project's runs as the worker knows them now, oldest first: a run started after open() is among them. */
  runs: RunInfo[];
}

/** The verbs the pool view worker serves (workers/pool.worker.ts). */
export interface PoolViewApi {
  /** Reads the project's tasks, trash, instances and runs. */
  open(projectId: string): Promise<{ rows: number; runs: RunInfo[] }>;
  /** Reads these tasks again (from the pool or the trash); one found in neither is dropped. */
  sync(taskIds: string[]): Promise<void>;
  /** Reads these tasks' judgments again (the judge stored new ones), and their rows with them. */
  judged(taskIds: string[]): Promise<void>;
  /** Reads the tasks made since the newest known, and the pending ones again (a run's progress); answers how many came. */
  syncNewer(): Promise<number>;
  /** Runs a query and keeps its matching ids, in order, as a snapshot that later rows do not change. */
  query(query: PoolQuery): Promise<ViewAnswer>;
  /** A window [start, end) of a snapshot, each row as it is now; a row gone from the project since is left out. */
  rows(token: number, start: number, end: number): Promise<PoolRow[]>;
  /** Every id of a snapshot (bulk actions, an export's scope). */
  ids(token: number): Promise<string[]>;
  /** How many rows match the snapshot's query now that are not in it: the "N new" of a run in progress. */
  newSince(token: number): Promise<number>;
  /**
   * A person's action on a project (CurationStore, on this worker's connection, so a 10k-task
   * action never holds up the page); the open project's rows follow before it answers.
   * Undefined when it changed nothing.
   */
  apply(projectId: string, action: CurationAction): Promise<CurationResult | undefined>;
  /** Undoes the project's latest action; its rows follow as with `apply`. */
  undo(projectId: string): Promise<CurationResult | undefined>;
  /** The project's undo steps, newest first. */
  history(projectId: string): Promise<UndoSummary[]>;
  /**
   * The judge panel's counts: the project's finished tasks by where each stands with the judge.
   * From the rows in memory when the project is open (a 100k-task pool's pages read and hashed on
   * the page took most of a second, every 2 s while judging); else read from the database here.
   */
  judgeCounts(projectId: string): Promise<JudgeCounts>;
}

/** The project open in the view: its rows in memory and its runs. */
class OpenProject {
  readonly table = new RowTable();
  #runs = new Map<string, RunInfo>();

  constructor(
    readonly id: string,
    runs: readonly Run[],
    /** The judge's latest judgment of each task, by task id: a row is judged against its task as it is now. */
    readonly judgments: Map<string, StoredJudgment>,
  ) {
    this.setRuns(runs);
  }

  get runs(): RunInfo[] {
    return [...this.#runs.values()].sort((a, b) => a.started - b.started);
  }

  setRuns(runs: readonly Run[]): void {
    this.#runs = new Map(runs.map((run) => [run.id, { id: run.id, started: run.started, modelId: run.config.modelId, strategy: run.config.settings.strategy }]));
  }

  knowsRunsOf(states: readonly TaskState[]): boolean {
    return states.every(({ task }) => this.#runs.has(task.runId));
  }

  put(states: readonly TaskState[]): void {
    for (const state of states) this.table.put(rowOf(state, this.#runs.get(state.task.runId)?.strategy ?? 'unknown', this.judgments.get(state.task.id)), rowTexts(state));
  }
}

/**
 * What the pool view worker serves: a project's rows held in memory over its own connection to
 * the database, searched, filtered and sorted there, so the page only ever receives a window.
 * Verbs run one after another, so a read never lands on rows another verb is changing.
 */
export function createPoolViewService(open: () => Promise<StudioDatabase> = () => openStudioDB()): PoolViewApi {
  let connection: Promise<StudioDatabase> | undefined;
  const database = () => (connection ??= open());
  let project: OpenProject | undefined;
  const snapshots = new Snapshots();
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T> | T): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => {});
    return result;
  };
  const opened = (): OpenProject => {
    if (!project) throw new Error('The pool view has no project open: call open first.');
    return project;
  };
  const curation = async () => new CurationStore(await database());
  /** The open project's rows take an action's new states; the page gets the result without them. */
  const follow = async (projectId: string, applied: AppliedCuration | undefined): Promise<CurationResult | undefined> => {
    if (!applied) return undefined;
    const { states, ...result } = applied;
    if (project?.id === projectId) await update(await database(), project, states);
    return result;
  };
  /** Puts the tasks read again, after the runs if one of them is new. */
  const update = async (db: StudioDatabase, view: OpenProject, states: readonly TaskState[]) => {
    if (!view.knowsRunsOf(states)) view.setRuns(await readRuns(db, view.id));
    view.put(states);
  };

  return {
    open: (projectId) =>
      serial(async () => {
        project = undefined;
        snapshots.clear();
        const db = await database();
        const [{ states, runs }, judgments] = await Promise.all([readProject(db, projectId), readJudgments(db, projectId)]);
        const view = new OpenProject(projectId, runs, judgments);
        view.put(states);
        view.table.settle();
        project = view;
        return { rows: view.table.size, runs: view.runs };
      }),
    sync: (taskIds) =>
      serial(async () => {
        const view = opened();
        const db = await database();
        const { states, gone } = await readTasks(db, view.id, taskIds);
        await update(db, view, states);
        for (const id of gone) view.table.remove(id);
      }),
    judged: (taskIds) =>
      serial(async () => {
        const view = opened();
        const db = await database();
        const [judgments, { states }] = await Promise.all([readJudgmentsOf(db, view.id, taskIds), readTasks(db, view.id, taskIds)]);
        for (const taskId of taskIds) {
          const judgment = judgments.get(taskId);
          if (judgment) view.judgments.set(taskId, judgment);
          else view.judgments.delete(taskId);
        }
        await update(db, view, states);
      }),
    syncNewer: () =>
      serial(async () => {
        const view = opened();
        const db = await database();
        const pending = [...view.table.rows()].filter((row) => row.status === 'pending').map((row) => row.id);
        const [newer, again] = await Promise.all([readNewer(db, view.id, view.table.newestId), readTasks(db, view.id, pending)]);
        await update(db, view, [...newer, ...again.states]);
        for (const id of again.gone) view.table.remove(id);
        return newer.length;
      }),
    query: (query) =>
      serial(() => {
        const view = opened();
        const { ids, counts } = runQuery(view.table, query);
        return { token: snapshots.take({ ...query }, ids), counts, runs: view.runs };
      }),
    rows: (token, start, end) =>
      serial(() => {
        const { table } = opened();
        return snapshots
          .get(token)
          .ids.slice(start, end)
          .map((id) => table.get(id))
          .filter((row) => row !== undefined);
      }),
    ids: (token) => serial(() => [...snapshots.get(token).ids]),
    newSince: (token) =>
      serial(() => {
        const snapshot = snapshots.get(token);
        return runQuery(opened().table, snapshot.query).ids.filter((id) => !snapshot.has(id)).length;
      }),
    apply: (projectId, action) => serial(async () => follow(projectId, await (await curation()).apply(projectId, action))),
    undo: (projectId) => serial(async () => follow(projectId, await (await curation()).undo(projectId))),
    history: (projectId) => serial(async () => (await curation()).history(projectId)),
    judgeCounts: (projectId) =>
      serial(async () => (project?.id === projectId ? judgeCountsOf(project.table.rows()) : new QualityStore(await database()).judgeCounts(projectId))),
  };
}
