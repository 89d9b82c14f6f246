import type { TaskDetail } from '../../lib/store';
import type { CurationAction, TaskEdit } from '../../lib/vocabulary';
import { errorMessage } from '../handle-error';
import type { NearDuplicateCheck } from './near-duplicate-check.svelte';

/** What the detail needs of the store: one task with its instances and calls, from the pool or the trash. */
export interface TaskDetailPort {
  taskDetail(taskId: string): Promise<TaskDetail | undefined>;
}

/** The one action the detail's buttons take through the curation (and its undo step). */
export interface DetailCuration {
  perform(action: CurationAction): Promise<boolean>;
}

/** Where an unsaved edit waits for its task to be opened again: closing the panel or the page loses nothing. */
const UNSAVED_KEY = (taskId: string) => `self-instruct-studio:unsaved-edit:${taskId}`;

/**
 * The one task opened from the table: its instances, every model call behind it, and the edit form
 * (instruction, classification flag, instances). Saving, deleting, restoring, accepting and marking
 * reviewed go through the curation, so each is one undo step; the detail then reads the task again.
 */
export class TaskDetailState {
  #detail = $state.raw<TaskDetail | undefined>();
  #error = $state<string | undefined>();
  #problem = $state<string | undefined>();
  #restored = $state(false);
  /** The edit form; compared with the stored task to know whether there is anything to save. */
  draft = $state<TaskEdit>({ instruction: '', isClassification: false, instances: [] });
  readonly #stored = $derived(this.#detail ? JSON.stringify(editOf(this.#detail)) : undefined);
  readonly #changed = $derived(this.#stored !== undefined && JSON.stringify(this.draft) !== this.#stored);

  constructor(
    private readonly store: TaskDetailPort,
    private readonly curation: DetailCuration,
    readonly nearDuplicate: NearDuplicateCheck,
  ) {}

  get detail() { return this.#detail; }
  get error() { return this.#error; }
  /** What keeps the form from being saved, in words beside Save. */
  get problem() { return this.#problem; }
  /** The form differs from the stored task. */
  get changed() { return this.#changed; }
  /** The form holds an edit left unsaved when the task was last closed (or the page left). */
  get restored() { return this.#restored; }

  /** Shows this task, or none: the table's open row, from a click or the address. */
  async show(taskId: string | undefined): Promise<void> {
    if (taskId === undefined) this.close();
    else if (taskId !== this.#detail?.task.id) await this.open(taskId);
  }

  async open(taskId: string): Promise<void> {
    this.#error = undefined;
    try {
      this.#detail = await this.store.taskDetail(taskId);
      if (!this.#detail) this.#error = 'That candidate is no longer in the pool.';
      this.#showStored();
      const unsaved = readUnsaved(taskId);
      if (this.#detail && unsaved) {
        this.draft = unsaved;
        this.#restored = this.#changed;
      }
    } catch (error) {
      this.#error = errorMessage(error);
    }
  }

  /** Closes the task; an unsaved edit is kept for its next opening. */
  close(): void {
    this.keepUnsaved();
    this.#detail = undefined;
    this.#restored = false;
    this.nearDuplicate.clear();
  }

  /** Writes an unsaved edit down (on close, and when the page is left), or forgets one no longer unsaved. */
  keepUnsaved(): void {
    const taskId = this.#detail?.task.id;
    if (!taskId) return;
    if (this.#changed) localStorage.setItem(UNSAVED_KEY(taskId), JSON.stringify($state.snapshot(this.draft)));
    else localStorage.removeItem(UNSAVED_KEY(taskId));
  }

  /** Puts the form back to the stored task, dropping any unsaved edit. */
  revert(): void {
    const taskId = this.#detail?.task.id;
    if (taskId) localStorage.removeItem(UNSAVED_KEY(taskId));
    this.#showStored();
  }

  #showStored(): void {
    if (this.#detail) this.draft = editOf(this.#detail);
    this.#restored = false;
    this.#problem = undefined;
    this.nearDuplicate.clear();
  }

  /** The instruction was edited: it is checked against the pool once the typing pauses. */
  setInstruction(text: string): void {
    this.draft.instruction = text;
    const task = this.#detail?.task;
    if (!task) return;
    if (text.trim() && text !== task.instruction) this.nearDuplicate.schedule(text, task.id);
    else this.nearDuplicate.clear();
  }

  addInstance(): void {
    this.draft.instances.push({ input: '', output: '' });
  }

  removeInstance(index: number): void {
    this.draft.instances.splice(index, 1);
  }

  async save(): Promise<void> {
    const task = this.#detail?.task;
    if (!task) return;
    this.#problem = problemOf(this.draft);
    if (this.#problem) return;
    this.draft.instruction = this.draft.instruction.trim();
    // The curation has the detail follow the stored edit before it returns; the form then shows it.
    if (await this.curation.perform({ kind: 'edit', taskId: task.id, edit: $state.snapshot(this.draft) })) this.revert();
  }

  /** Delete, restore or accept this task; the form keeps any unsaved edit. */
  async act(kind: 'delete' | 'restore' | 'accept'): Promise<void> {
    const task = this.#detail?.task;
    if (task) await this.curation.perform({ kind, taskIds: [task.id] });
  }

  async markReviewed(reviewed: boolean): Promise<void> {
    const task = this.#detail?.task;
    if (task) await this.curation.perform({ kind: 'review', taskIds: [task.id], reviewed });
  }

  /** These tasks changed (an action here or in the table, an undo): the open one is read again; the form keeps an unsaved edit. */
  async follow(taskIds: readonly string[]): Promise<void> {
    const taskId = this.#detail?.task.id;
    if (!taskId || !taskIds.includes(taskId)) return;
    const unsaved = this.#changed ? $state.snapshot(this.draft) : undefined;
    await this.open(taskId);
    if (unsaved) this.draft = unsaved;
  }
}

/** An unsaved edit written down for this task, if a readable one is there. */
function readUnsaved(taskId: string): TaskEdit | undefined {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(UNSAVED_KEY(taskId)) ?? 'null');
    return isEdit(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isEdit(value: unknown): value is TaskEdit {
  const edit = value as Partial<TaskEdit> | null;
  return (
    typeof edit?.instruction === 'string' &&
    typeof edit.isClassification === 'boolean' &&
    Array.isArray(edit.instances) &&
    edit.instances.every((instance) => typeof instance?.input === 'string' && typeof instance.output === 'string')
  );
}

/** The stored task as the form holds it. */
function editOf({ task, instances }: TaskDetail): TaskEdit {
  return {
    instruction: task.instruction,
    isClassification: task.isClassification ?? false,
    instances: instances.map(({ input, output }) => ({ input, output })),
  };
}

function problemOf(edit: TaskEdit): string | undefined {
  if (!edit.instruction.trim()) return 'Write an instruction before saving.';
  if (edit.instances.some((instance) => !instance.output.trim())) return 'Every instance needs an output: write one, or remove the instance.';
  return undefined;
}
