import { createIdFactory } from '../ids';
import { repairJudgeSettings } from '../judge';
import { repairSettings } from '../method';
import type { Audit, CallRecord, JudgeSettings, MethodSettings, PoolEntry, RejectionReason, Run, StoredInstance, StoredJudgment, Task } from '../vocabulary';
import { addCalls, deleteParts, JOURNAL_STORES, journalStores, readCalls } from './call-journal';
import { appendFinished, collectFinished, deletePages } from './dataset-pages';
import type { StudioDatabase } from './open-studio-db';
import type { Project, StoredSeed } from './schema';
import { toStorageError } from './storage-error';
import { projectTrash } from './trash';
import { judgmentsOf } from './quality-store';
import { writeTransaction } from './write-transaction';

const PROJECT_STORES = ['projects', 'seeds', 'tasks', 'instances', 'calls', 'parts', 'runs'] as const;
/** What reading a whole project reads: its rows, and the trash, whose tasks it leaves out. */
const READ_STORES = [...PROJECT_STORES, 'trash', 'judgments', 'audits'] as const;
/** The stores a whole-project write touches: its rows, the dataset pages and token totals made from them, its judgments and audit. */
const WRITTEN_STORES = [...PROJECT_STORES, ...JOURNAL_STORES, 'datasetPages', 'judgments', 'audits'] as const;
/** Deleting a project also empties its trash and undo steps, which backups and copies leave out. */
const DELETED_STORES = [...WRITTEN_STORES, 'trash', 'undo', 'undoStates'] as const;

/** Every row of one project, as a backup holds it and a duplicate copies it. */
export interface ProjectRows {
  project: Project;
  seeds: StoredSeed[];
  tasks: Task[];
  instances: StoredInstance[];
  calls: CallRecord[];
  runs: Run[];
  /** The judge's latest judgment of each task in `tasks` (a trashed task's stays behind with it); none in rows from before judging. */
  judgments?: StoredJudgment[];
  /** The project's audit, if a person started one: none or one. */
  audits?: Audit[];
}

/** What a project added under a taken name is marked as: "Name (copy)", "Name (restored)". */
type CopyLabel = 'copy' | 'restored';

/** The projects in this browser: independent datasets, each with its own seeds, pool and runs. */
export class ProjectStore {
  readonly #newId = createIdFactory();

  constructor(private readonly db: StudioDatabase) {}

  /** Oldest first. */
  async list(): Promise<Project[]> {
    return (await this.db.getAll('projects')).sort((a, b) => a.created - b.created);
  }

  async get(id: string): Promise<Project | undefined> {
    return this.db.get('projects', id);
  }

  async create(name: string): Promise<Project> {
    const project = { id: this.#newId('project'), name: cleanName(name), created: Date.now() };
    await this.guard(this.db.add('projects', project));
    return project;
  }

  async rename(id: string, name: string): Promise<void> {
    const project = await this.get(id);
    if (project) await this.guard(this.db.put('projects', { ...project, name: cleanName(name) }));
  }

  /** The read and the write in one transaction, so a rename between them is never written over. */
  async saveSettings(id: string, settings: MethodSettings): Promise<void> {
    await writeTransaction(this.db, ['projects'], async (tx) => {
      const projects = tx.objectStore('projects');
      const project = await projects.get(id);
      if (project) await projects.put({ ...project, settings });
    });
  }

  /** The judge's prompt and sampling, saved on the project as the method's settings are. */
  async saveJudgeSettings(id: string, judge: JudgeSettings): Promise<void> {
    await writeTransaction(this.db, ['projects'], async (tx) => {
      const projects = tx.objectStore('projects');
      const project = await projects.get(id);
      if (project) await projects.put({ ...project, judge });
    });
  }

  /** A full copy, with new ids, that grows on its own from then on; named as `adopt` names it. */
  async duplicate(id: string, name: string): Promise<Project> {
    return this.adopt(await this.read(id), name, 'copy');
  }

  /**
   * Adds the rows of a project (a backup, or a copy) as a new project under new ids. Two projects
   * of one name cannot be told apart in the project list, so a name already taken gets `label`:
   * "Name (copy)", then "Name (copy 2)"…
   */
  async adopt(rows: ProjectRows, name: string, label: CopyLabel = 'copy'): Promise<Project> {
    const taken = new Set((await this.list()).map((project) => project.name));
    const project = { ...rows.project, id: this.#newId('project'), name: freeName(cleanName(name), label, taken), created: Date.now() };
    await this.write(renumber(rows, project));
    return project;
  }

  /** Deletes the project and every row of it, in one transaction. */
  async remove(id: string): Promise<void> {
    await writeTransaction(this.db, [...DELETED_STORES], async (tx) => {
      await tx.objectStore('projects').delete(id);
      await deletePages(tx.objectStore('datasetPages'), id);
      await deleteParts(tx.objectStore('parts'), id);
      const steps = IDBKeyRange.bound([id, -Infinity], [id, Infinity]);
      await Promise.all([tx.objectStore('undo').delete(steps), tx.objectStore('undoStates').delete(steps)]);
      await Promise.all([tx.objectStore('judgments').delete(judgmentsOf(id)), tx.objectStore('audits').delete(id), tx.objectStore('callTokens').delete(id)]);
      for (const name of ['seeds', 'tasks', 'instances', 'runs', 'trash'] as const) {
        const keys = await tx.objectStore(name).index('by-project').getAllKeys(id);
        await Promise.all(keys.map((key) => tx.objectStore(name).delete(key)));
      }
      const callKeys = await tx.objectStore('calls').index('by-project-purpose').getAllKeys(callsOf(id));
      await Promise.all(callKeys.map((key) => tx.objectStore('calls').delete(key)));
    });
  }

  /** Every row of a project, read in one transaction. */
  async read(id: string): Promise<ProjectRows> {
    const tx = this.db.transaction(READ_STORES);
    const project = await tx.objectStore('projects').get(id);
    if (!project) throw new Error(`There is no project with id "${id}".`);
    const [seeds, tasks, instances, trashed, records, runs, judgments, audit] = await Promise.all([
      tx.objectStore('seeds').index('by-project').getAll(id),
      tx.objectStore('tasks').index('by-project').getAll(id),
      tx.objectStore('instances').index('by-project').getAll(id),
      projectTrash(tx.objectStore('trash'), id),
      tx.objectStore('calls').index('by-project-purpose').getAll(callsOf(id)),
      tx.objectStore('runs').index('by-project').getAll(id),
      tx.objectStore('judgments').getAll(judgmentsOf(id)),
      tx.objectStore('audits').get(id),
    ]);
    // The trash stays in this browser: its tasks' instances, kept in the instances store, too.
    const inTrash = new Set(trashed.map((entry) => entry.task.id));
    const kept = inTrash.size === 0 ? instances : instances.filter((row) => !inTrash.has(row.taskId));
    const judged = inTrash.size === 0 ? judgments : judgments.filter((row) => !inTrash.has(row.taskId));
    const calls = await readCalls(tx.objectStore('parts'), records);
    return { project, seeds, tasks, instances: kept, calls, runs, judgments: judged, audits: audit ? [audit] : [] };
  }

  /**
   * Adds a whole project in one transaction; fails whole if any of its ids is taken. Its settings
   * may come from a backup of any age, or hand-edited: they are stored repaired, the judge's too.
   */
  async write(rows: ProjectRows): Promise<void> {
    const { settings, judge, ...project } = rows.project;
    await writeTransaction(this.db, [...WRITTEN_STORES], async (tx) => {
      await tx.objectStore('projects').add({
        ...project,
        ...(settings === undefined ? {} : { settings: repairSettings(settings) }),
        ...(judge === undefined ? {} : { judge: repairJudgeSettings(judge) }),
      });
      await Promise.all([
        ...rows.seeds.map((row) => tx.objectStore('seeds').add(row)),
        ...rows.tasks.map((row) => tx.objectStore('tasks').add(row)),
        ...rows.instances.map((row) => tx.objectStore('instances').add(row)),
        addCalls(journalStores(tx), rows.calls),
        ...rows.runs.map((row) => tx.objectStore('runs').add(row)),
        ...(rows.judgments ?? []).map((row) => tx.objectStore('judgments').add(row)),
        ...(rows.audits ?? []).map((row) => tx.objectStore('audits').add(row)),
        appendFinished(tx.objectStore('datasetPages'), rows.project.id, collectFinished(rows.tasks, rows.instances)),
      ]);
    });
  }

  /** The first project, created under `name` when there is none yet. */
  async ensureOne(name: string): Promise<Project> {
    return (await this.list())[0] ?? (await this.create(name));
  }

  private async guard<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } catch (error) {
      throw toStorageError(error);
    }
  }
}

/** Every [projectId, purpose] key of one project. */
function callsOf(projectId: string): IDBKeyRange {
  return IDBKeyRange.bound([projectId, ''], [projectId, '\uffff']);
}

const MAX_NAME_LENGTH = 120;

function cleanName(name: string): string {
  return name.trim().replace(/\s+/g, ' ').slice(0, MAX_NAME_LENGTH) || 'Untitled dataset';
}

/**
 * `name` if no project has it, else the first of "name (label)", "name (label 2)"… that none has.
 * A name that already ends in the label counts from its stem, so a copy of "A (copy)" is
 * "A (copy 2)", not "A (copy) (copy)"; the stem is cut so that the label always fits.
 */
function freeName(name: string, label: CopyLabel, taken: ReadonlySet<string>): string {
  if (!taken.has(name)) return name;
  const stem = name.replace(new RegExp(` \\(${label}(?: \\d+)?\\)$`), '');
  for (let number = 1; ; number++) {
    const suffix = ` (${label}${number === 1 ? '' : ` ${number}`})`;
    const candidate = stem.slice(0, MAX_NAME_LENGTH - suffix.length).trimEnd() + suffix;
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The rows under a new project, every task, instance, call and run id given a suffix so the copy
 * (its judgments and audit naming them too)
 * never collides with its original; a common suffix keeps the ids in creation order.
 */
function renumber(rows: ProjectRows, project: Project): ProjectRows {
  const suffix = `~${project.id}`;
  const copied = new Set([...rows.tasks, ...rows.instances, ...rows.calls, ...rows.runs].map((row) => row.id));
  const id = (old: string) => (copied.has(old) ? old + suffix : old);
  const entry = (pool: PoolEntry): PoolEntry => ({ ...pool, id: id(pool.id) });
  const reason = (why: RejectionReason): RejectionReason => (why.rule === 'rouge' ? { ...why, nearest: entry(why.nearest) } : why);
  const projectId = project.id;
  return {
    project,
    seeds: rows.seeds.map((seed) => ({ ...seed, projectId })),
    tasks: rows.tasks.map((task) => ({
      ...task,
      projectId,
      id: id(task.id),
      runId: id(task.runId),
      callId: id(task.callId),
      ...(task.classifyCallId ? { classifyCallId: id(task.classifyCallId) } : {}),
      ...(task.reason ? { reason: reason(task.reason) } : {}),
      ...(task.nearest ? { nearest: { ...task.nearest, entry: entry(task.nearest.entry) } } : {}),
    })),
    instances: rows.instances.map((row) => ({ ...row, projectId, id: id(row.id), taskId: id(row.taskId), ...(row.callId ? { callId: id(row.callId) } : {}) })),
    calls: rows.calls.map((call) => ({ ...call, projectId, id: id(call.id), runId: id(call.runId) })),
    runs: rows.runs.map((run) => ({ ...run, projectId, id: id(run.id) })),
    judgments: (rows.judgments ?? []).map((row) => ({ ...row, projectId, taskId: id(row.taskId), callId: id(row.callId) })),
    audits: (rows.audits ?? []).map((audit) => ({
      ...audit,
      projectId,
      items: audit.items.map((item) => ({ ...item, taskId: id(item.taskId) })),
      answers: Object.fromEntries(Object.entries(audit.answers).map(([taskId, answer]) => [id(taskId), answer])),
    })),
  };
}
