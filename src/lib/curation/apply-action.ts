import type { CurationAction, Instance, StoredInstance, Task, TaskEdit, TaskState } from '../vocabulary';

export interface ActionContext {
  /** The time the action is stamped with (edited, reviewed, deleted). */
  now: number;
  /** A new instance id (an instance a person wrote). */
  newId: (prefix: string) => string;
}

/**
 * The states `action` leaves the given tasks in, one for each of `states`, in the same order. A
 * task the action does not apply to (restoring one not in the trash, accepting one not rejected)
 * comes back as the same object, so the caller can tell what changed by identity.
 */
export function applyAction(states: readonly TaskState[], action: CurationAction, context: ActionContext): TaskState[] {
  return states.map((state) => applyOne(state, action, context));
}

function applyOne(state: TaskState, action: CurationAction, { now, newId }: ActionContext): TaskState {
  const inPool = state.deleted === undefined;
  switch (action.kind) {
    case 'edit':
      return inPool && isChange(state, action.edit) ? edited(state, action.edit, now, newId) : state;
    case 'delete':
      return inPool ? { ...state, deleted: now } : state;
    case 'restore': {
      if (inPool) return state;
      const { deleted: _deleted, ...restored } = state;
      return restored;
    }
    case 'accept':
      return inPool && state.task.stage === 'rejected' ? accepted(state) : state;
    case 'review': {
      if (!inPool || (state.task.reviewed !== undefined) === action.reviewed) return state;
      const { reviewed: _reviewed, ...task } = state.task;
      return { ...state, task: action.reviewed ? { ...task, reviewed: now } : task };
    }
  }
}

function isChange({ task, instances }: TaskState, edit: TaskEdit): boolean {
  return (
    cleanText(edit.instruction) !== task.instruction ||
    edit.isClassification !== (task.isClassification ?? false) ||
    edit.instances.length !== instances.length ||
    edit.instances.some((instance, i) => !sameInstance(instance, instances[i]!))
  );
}

/**
 * The task with a person's content. The model's text is kept in `original` at the first edit. A
 * waiting task given instances is finished by hand: the loop has nothing left to do for it.
 */
function edited({ task, instances }: TaskState, edit: TaskEdit, now: number, newId: (prefix: string) => string): TaskState {
  const original = task.original ?? {
    instruction: task.instruction,
    ...(task.isClassification === undefined ? {} : { isClassification: task.isClassification }),
    instances: instances.map(({ input, output }) => ({ input, output })),
  };
  // An instance left as it was keeps its row, and with it the model call that wrote it.
  const kept: StoredInstance[] = edit.instances.map((instance, i) => {
    const old = instances[i];
    if (old && sameInstance(instance, old)) return old;
    return { id: newId('inst'), projectId: task.projectId, taskId: task.id, input: instance.input, output: instance.output };
  });
  const finishes = (task.stage === 'classify' || task.stage === 'instances') && kept.length > 0;
  const stage = finishes ? 'done' : task.stage;
  const next: Task = {
    ...task,
    instruction: cleanText(edit.instruction),
    isClassification: edit.isClassification,
    stage,
    original,
    edited: now,
    ...(stage === 'done' ? { instanceCount: kept.length } : {}),
  };
  return { task: next, instances: kept };
}

/** A rejected candidate taken into the pool: its rejection kept as overruled, its next step due. */
function accepted({ task, instances }: TaskState): TaskState {
  const { reason, ...rest } = task;
  const stage = instances.length > 0 ? 'done' : 'classify';
  return {
    task: { ...rest, ...(reason ? { overruled: reason } : {}), stage, ...(stage === 'done' ? { instanceCount: instances.length } : {}) },
    instances,
  };
}

function sameInstance(a: Instance, b: Instance): boolean {
  return a.input === b.input && a.output === b.output;
}

/** An instruction as the pool stores it: no surrounding white space. */
function cleanText(text: string): string {
  return text.trim();
}
