import type { ExportRow, Task } from '../vocabulary';
import type { DatasetCounts } from './types';

/** The dataset card's figures. A task counts only when it has an instance, as in the files. */
export function countDataset(rows: Iterable<ExportRow>, rejected: Iterable<Task>): DatasetCounts {
  let tasks = 0;
  let instances = 0;
  let classification = 0;
  let edited = 0;
  let withoutInstances = 0;
  const models = new Set<string>();
  for (const row of rows) {
    if (row.instances.length === 0) {
      withoutInstances++;
      continue;
    }
    tasks++;
    instances += row.instances.length;
    if (row.task.isClassification) classification++;
    if (row.task.edited !== undefined) edited++;
    models.add(row.modelId);
  }
  const rejectedByRule: Record<string, number> = {};
  let rejectedCount = 0;
  for (const task of rejected) {
    rejectedCount++;
    const rule = task.reason?.rule ?? 'unrecorded';
    rejectedByRule[rule] = (rejectedByRule[rule] ?? 0) + 1;
  }
  return { tasks, instances, classification, edited, withoutInstances, rejected: rejectedCount, rejectedByRule, models: [...models] };
}
