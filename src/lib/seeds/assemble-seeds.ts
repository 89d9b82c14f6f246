import type { Instance, SeedTask } from '../vocabulary';
import type { ImportProblem, SeedRow } from './import-result';
import { checkLimits } from './seed-limits';

/**
 * The seed tasks the rows make, once every row is within the limits (`checkLimits`). Rows with
 * the same instruction (after trimming) become one task with all their examples, exact repeats
 * dropped: instance-level files (Alpaca, CSV) hold one row per example, and a repeated seed would
 * only weigh twice in the prompts and the ROUGE pool. The first row keeps its id, name and
 * is_classification. Ids must be unique, since the pool names a near-duplicate's nearest seed by
 * id; a row without one gets `seed_task_<position>`.
 */
export function assembleSeeds(rows: readonly SeedRow[]): { ok: true; seeds: SeedTask[]; notes: string[] } | ImportProblem {
  if (rows.length === 0) return { ok: false, line: 1, problem: 'the file holds no seed tasks' };
  const checked = checkLimits(rows);
  if (!checked.ok) return checked;
  const tasks = combineRepeats(rows);
  const lineOfId = new Map<string, number>();
  const seeds: SeedTask[] = [];
  for (const [position, task] of tasks.entries()) {
    const id = task.id ?? `seed_task_${position}`;
    const earlier = lineOfId.get(id);
    if (earlier !== undefined) return { ok: false, line: task.line, problem: `the id "${id}" is already used on line ${earlier}; give each task its own id` };
    lineOfId.set(id, task.line);
    seeds.push({ id, name: task.name ?? '', instruction: task.instruction, instances: task.instances, isClassification: task.isClassification });
  }
  return { ok: true, seeds, notes: [...checked.notes, ...notesOn(rows, seeds)] };
}

function combineRepeats(rows: readonly SeedRow[]): SeedRow[] {
  const byInstruction = new Map<string, SeedRow>();
  for (const row of rows) {
    const first = byInstruction.get(row.instruction);
    if (first) first.instances = withoutRepeats([...first.instances, ...row.instances]);
    else byInstruction.set(row.instruction, { ...row, instances: withoutRepeats(row.instances) });
  }
  return [...byInstruction.values()];
}

function withoutRepeats(instances: readonly Instance[]): Instance[] {
  const seen = new Set<string>();
  return instances.filter(({ input, output }) => {
    const key = JSON.stringify([input, output]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What the user should know about the set: how rows were combined, and what the method will lack. */
function notesOn(rows: readonly SeedRow[], seeds: readonly SeedTask[]): string[] {
  const notes: string[] = [];
  if (seeds.length < rows.length) {
    notes.push(`${rows.length} entries became ${seeds.length} seed tasks: entries with the same instruction were combined into one task with all their examples.`);
  }
  const dropped = rows.filter((row) => row.droppedExample);
  if (dropped.length > 0) {
    notes.push(
      `Left out ${dropped.length} example${dropped.length === 1 ? '' : 's'} with an input but no output (the first on line ${dropped[0]!.line}), ` +
        'as Self-Instruct drops examples with an empty output.',
    );
  }
  const bare = seeds.filter((seed) => seed.instances.length === 0).length;
  if (bare > 0) {
    notes.push(
      `${bare} of ${seeds.length} seed tasks have no example input and output. They still serve as examples for new instructions; ` +
        'only seed tasks with examples are shown to the model when it writes instances.',
    );
  }
  if (!seeds.some((seed) => seed.isClassification)) {
    notes.push(
      'No seed task is marked as a classification task ("is_classification"), so the classify step sees only examples of ' +
        'non-classification tasks, and classification tasks get no examples when their instances are written.',
    );
  }
  return notes;
}
