// Preparing a download from the store, as the download worker does: one format alone is its file,
// more go out as a zip with a dataset card that reports the project's settings and, for part of
// the pool, which part.
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { createDownloadService } from '../../src/lib/download';
import { describeSettings } from '../../src/lib/download/prepare-download';
import { defaultSettings } from '../../src/lib/method';
import { CurationStore, openStudioDB } from '../../src/lib/store';
import type { GenerationStep } from '../../src/lib/vocabulary';
import { callRow, runRow, spiceStep, taskRow } from '../fixtures/pool-rows';
import { freshDatabase } from '../helpers/fresh-database';

async function filledProject() {
  const { factory, projects, pool } = await freshDatabase();
  const project = await projects.create('Kitchen tasks');
  await projects.saveSettings(project.id, { ...defaultSettings('self-instruct'), rougeThreshold: 0.65 });
  const projectId = project.id;
  await pool.saveGeneration(spiceStep(projectId));
  await pool.saveRun(runRow({ id: 'run-1', projectId }));
  return { service: createDownloadService(() => openStudioDB(factory)), projectId };
}

test('one format alone downloads as its file, named after the project, with progress up to the end', async () => {
  const { service, projectId } = await filledProject();
  const progress: number[] = [];
  const prepared = await service.prepare({ projectId, formats: ['alpaca-json'], includeRejected: false }, (fraction) => progress.push(fraction));
  expect(prepared.name).toBe('Kitchen-tasks-alpaca.json');
  expect(JSON.parse(await prepared.blob.text())).toEqual([{ instruction: 'Name a spice.', input: '', output: 'Cumin' }]);
  expect(progress.at(-1)).toBeGreaterThan(0);
  expect([...progress].sort((a, b) => a - b)).toEqual(progress);
});

test('more than one file goes out as a zip whose card reports the project’s settings', async () => {
  const { service, projectId } = await filledProject();
  const prepared = await service.prepare({ projectId, formats: ['self-instruct-jsonl'], includeRejected: true }, () => {});
  expect(prepared).toMatchObject({ name: 'Kitchen-tasks-dataset.zip', mimeType: 'application/zip' });
  const files = unzipSync(new Uint8Array(await prepared.blob.arrayBuffer()));
  const charts = ['instances-per-task', 'input-lengths', 'instruction-lengths', 'output-lengths', 'rouge-to-seeds', 'verbs-and-nouns'].map((name) => `figures/${name}.svg`);
  expect(Object.keys(files).sort()).toEqual(['README.md', ...charts, 'rejected.jsonl', 'self-instruct.jsonl'].sort());
  expect(strFromU8(files['README.md']!)).toContain('0.65');
});

test('the zip’s card carries the main figures of its rows, and each chart as an SVG it lists', async () => {
  const { service, projectId } = await filledProject();
  const prepared = await service.prepare({ projectId, formats: ['self-instruct-jsonl', 'alpaca-json'], includeRejected: false }, () => {});
  const files = unzipSync(new Uint8Array(await prepared.blob.arrayBuffer()));
  const card = strFromU8(files['README.md']!);
  // One task, "Name a spice.", accepted of two candidates; no seeds, so ROUGE-L 0 to the nearest.
  const figureLines = [
    '## Figures',
    '| Instructions with a verb–object structure (Fig. 3) | 100.0 % |',
    '| Mean ROUGE-L to the most similar seed (Fig. 4) | 0.000 |',
    '| Mean instruction length, words (Fig. 5) | 3.0 |',
    '| Accepted candidates | 50.0 % |',
    'Top verbs, with their top nouns: name 1 (spice).',
    '- `figures/verbs-and-nouns.svg`: the top 20 verbs',
  ];
  for (const line of figureLines) expect(card).toContain(line);
  const sunburst = strFromU8(files['figures/verbs-and-nouns.svg']!);
  expect(sunburst).toContain('<title>name · spice: 1</title>');
});

test('the card describes the settings in words', () => {
  expect(describeSettings({ ...defaultSettings('alpaca'), outputMode: 'json' })).toMatchObject({
    Strategy: 'Alpaca one-shot tasks',
    Answers: 'JSON constrained by a schema',
    'ROUGE-L threshold (reject above)': 0.7,
  });
});

/** Four finished tasks, a to d (c without an instance), and one rejected candidate, in one step. */
function fourTasks(projectId: string): GenerationStep {
  const finished = ['a', 'b', 'c', 'd'].map((id) => taskRow({ id, projectId, instruction: `Task ${id}.`, instanceCount: id === 'c' ? 0 : 1 }));
  return {
    call: callRow(projectId, 'call-1'),
    candidates: [...finished, taskRow({ id: 'r', projectId, stage: 'rejected', reason: { rule: 'too-short', detail: '2 words' } })],
    instances: ['a', 'b', 'd'].map((id) => ({ id: `inst-${id}`, projectId, taskId: id, callId: 'call-1', input: '', output: `Output ${id}` })),
  };
}

async function scopedProject() {
  const { factory, db, projects, pool } = await freshDatabase();
  const { id: projectId } = await projects.create('Kitchen tasks');
  await pool.saveGeneration(fourTasks(projectId));
  await pool.saveRun(runRow({ id: 'run-1', projectId }));
  return { service: createDownloadService(() => openStudioDB(factory)), projectId, curation: new CurationStore(db) };
}

test('a scope keeps its finished tasks in the dataset’s order, and leaves out the ids of unfinished ones', async () => {
  const { service, projectId } = await scopedProject();
  const scope = { label: 'The selection', taskIds: ['d', 'r', 'b', 'gone'] };
  const prepared = await service.prepare({ projectId, formats: ['alpaca-json'], includeRejected: false, scope }, () => {});
  expect(JSON.parse(await prepared.blob.text()).map((row: { instruction: string }) => row.instruction)).toEqual(['Task b.', 'Task d.']);
  expect(prepared.tasks).toBe(2);
});

test('the card of a scoped zip names the scope and counts it among the finished tasks; rejected.jsonl keeps every rejection', async () => {
  const { service, projectId, curation } = await scopedProject();
  await curation.apply(projectId, { kind: 'edit', taskId: 'a', edit: { instruction: 'Task a, edited.', isClassification: false, instances: [{ input: '', output: 'Output a' }] } });
  const scope = { label: 'The current filter', taskIds: ['a', 'c'] };
  const prepared = await service.prepare({ projectId, formats: ['self-instruct-jsonl'], includeRejected: true, scope }, () => {});
  expect(prepared.tasks).toBe(1);
  const files = unzipSync(new Uint8Array(await prepared.blob.arrayBuffer()));
  const card = strFromU8(files['README.md']!);
  expect(card).toContain('Scope: The current filter, 2 of 4 finished tasks.');
  expect(card).toContain('| Tasks (accepted, with at least one instance) | 1 |');
  expect(card).toContain('| Tasks edited by a person | 1 |');
  expect(card).toContain('| Accepted tasks left out, no instance survived the filters | 1 |');
  expect(strFromU8(files['self-instruct.jsonl']!)).toContain('Task a, edited.');
  expect(strFromU8(files['rejected.jsonl']!).trimEnd().split('\n')).toHaveLength(1);
});

test('a scope with no finished task makes empty files, and says so in its count', async () => {
  const { service, projectId } = await scopedProject();
  const prepared = await service.prepare({ projectId, formats: ['alpaca-json'], includeRejected: false, scope: { label: 'The selection', taskIds: ['r'] } }, () => {});
  expect(prepared.tasks).toBe(0);
  expect(JSON.parse(await prepared.blob.text())).toEqual([]);
});

test('without a scope the download holds every finished task, and its card names no scope', async () => {
  const { service, projectId } = await scopedProject();
  const prepared = await service.prepare({ projectId, formats: ['alpaca-json', 'csv'], includeRejected: false }, () => {});
  expect(prepared.tasks).toBe(3);
  const files = unzipSync(new Uint8Array(await prepared.blob.arrayBuffer()));
  expect(JSON.parse(strFromU8(files['alpaca.json']!))).toHaveLength(3);
  expect(strFromU8(files['README.md']!)).not.toContain('Scope:');
});
