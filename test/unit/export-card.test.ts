// The dataset card (README.md) and the counts it is built from.
import { describe, expect, it } from 'vitest';
import type { DatasetCardInfo } from '../../src/lib/export';
import { countDataset } from '../../src/lib/export/count-dataset';
import { datasetCard } from '../../src/lib/export/dataset-card';
import type { ExportRow, Task } from '../../src/lib/vocabulary';
import { taskRow } from '../fixtures/pool-rows';

function task(id: string, extra: Partial<Task> = {}): Task {
  return taskRow({ id, ...extra });
}

const ROWS: ExportRow[] = [
  { task: task('a', { isClassification: true }), instances: [{ input: '', output: 'x' }, { input: 'y', output: 'z' }], modelId: 'model-b' },
  { task: task('b', { isClassification: false, edited: 5 }), instances: [{ input: '', output: 'x' }], modelId: 'model-a' },
  { task: task('c'), instances: [{ input: '', output: 'x' }], modelId: 'model-b' },
  { task: task('d', { isClassification: true, edited: 6 }), instances: [], modelId: 'model-c' },
];

const REJECTED: Task[] = [
  task('r1', { stage: 'rejected', reason: { rule: 'rouge', score: 0.9, nearest: { id: 's', instruction: 'x' } } }),
  task('r2', { stage: 'rejected', reason: { rule: 'rouge', score: 0.75, nearest: { id: 's', instruction: 'x' } } }),
  task('r3', { stage: 'rejected', reason: { rule: 'too-short', detail: '2 words' } }),
];

const INFO: DatasetCardInfo = {
  title: 'Kitchen\ntasks',
  modelLicences: { 'model-a': 'Apache-2.0', 'model-c': 'MIT' },
  settings: { 'ROUGE-L threshold': 0.7, 'Target size': 500, 'Stop words': 'a|b' },
  seedCount: 175,
  created: new Date('2025-03-04T05:06:07Z'),
};

describe('countDataset', () => {
  it('counts only tasks with instances, classification and edited ones among them, and rejections by rule', () => {
    expect(countDataset(ROWS, REJECTED)).toEqual({
      tasks: 3,
      instances: 4,
      classification: 1,
      edited: 1,
      withoutInstances: 1,
      rejected: 3,
      rejectedByRule: { rouge: 2, 'too-short': 1 },
      models: ['model-b', 'model-a'],
    });
  });
});

describe('datasetCard', () => {
  const card = datasetCard(INFO, countDataset(ROWS, REJECTED), [{ name: 'alpaca.json', about: 'Alpaca.' }]);

  it('has a one-line title and the counts, with the classification share', () => {
    expect(card.startsWith('# Kitchen tasks\n')).toBe(true);
    expect(card).toContain('| Instances | 4 |');
    expect(card).toContain('| Classification tasks | 1 (33.3%) |');
    expect(card).toContain('| Tasks edited by a person | 1 |');
    expect(card).toContain('| Accepted tasks left out, no instance survived the filters | 1 |');
    expect(card).toContain('| Rejected candidates | 3 |');
    expect(card).toContain('| Seed tasks | 175 |');
    expect(card).toContain('Rejected by rule: rouge 2, too-short 1.');
  });

  it('names each model in the rows with its licence note, and says when none was given', () => {
    expect(card).toContain('- Model: `model-b`. Licence: not recorded; see the model’s page');
    expect(card).toContain('- Model: `model-a`. Licence: Apache-2.0');
    expect(card).not.toContain('model-c');
  });

  it('lists the settings with "|" escaped, the date, the generator, the files and the citation', () => {
    expect(card).toContain('| Stop words | a\\|b |');
    expect(card).toContain('| ROUGE-L threshold | 0.7 |');
    expect(card).toContain('- Date: 2025-03-04T05:06:07.000Z');
    expect(card).toContain('- Generator: Self-Instruct Studio');
    expect(card).toContain('- `alpaca.json`: Alpaca.');
    expect(card).toContain('doi = {10.18653/v1/2023.acl-long.754}');
    expect(card).toContain('licence and its provider’s use policy');
  });

  it('says so when there are no tasks, with a 0% classification share', () => {
    const empty = datasetCard({ ...INFO, settings: {} }, countDataset([], []), []);
    expect(empty).toContain('- Model: none (the dataset has no tasks)');
    expect(empty).toContain('| Classification tasks | 0 (0%) |');
    expect(empty).toContain('Method settings: not recorded.');
  });

  it('names its scope when it holds part of the pool, and says nothing of one when it holds everything kept', () => {
    const scoped = datasetCard({ ...INFO, scope: { label: 'The current\nfilter', count: 1234, total: 5000 } }, countDataset(ROWS, REJECTED), []);
    expect(scoped).toContain('## Contents\n\nScope: The current filter, 1,234 of 5,000 finished tasks.\n\n|  | count |');
    expect(card).not.toContain('Scope:');
  });
});
