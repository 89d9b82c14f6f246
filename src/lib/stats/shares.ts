import type { ExportRow } from '../vocabulary';

/** The largest instances-per-task bin; tasks with more count in it. */
const MOST_INSTANCES = 10;

/** What kind of tasks the dataset holds; a share is null when there is no task. */
export interface Shares {
  tasks: number;
  /** Share of tasks that are classification tasks. */
  classification: number | null;
  /** Share of tasks with at least one non-empty input. */
  withInput: number | null;
  /** Tasks by their number of instances: index i counts tasks with i, the last also those with more. */
  instancesPerTask: number[];
}

export function sharesOf(rows: readonly ExportRow[]): Shares {
  const instancesPerTask = new Array<number>(MOST_INSTANCES + 1).fill(0);
  let classification = 0;
  let withInput = 0;
  for (const { task, instances } of rows) {
    if (task.isClassification === true) classification++;
    if (instances.some(({ input }) => input.trim() !== '')) withInput++;
    instancesPerTask[Math.min(MOST_INSTANCES, instances.length)]!++;
  }
  const share = (count: number) => (rows.length === 0 ? null : count / rows.length);
  return { tasks: rows.length, classification: share(classification), withInput: share(withInput), instancesPerTask };
}
