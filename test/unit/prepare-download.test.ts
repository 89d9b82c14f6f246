// Preparing a download from the store, as the download worker does: one format alone is its file,
// more go out as a zip with a dataset card that reports the project's settings.
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { createDownloadService } from '../../src/lib/download';
import { describeSettings } from '../../src/lib/download/prepare-download';
import { defaultSettings } from '../../src/lib/method';
import { openStudioDB } from '../../src/lib/store';
import { runRow, spiceStep } from '../fixtures/pool-rows';
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
  expect(Object.keys(files).sort()).toEqual(['README.md', 'rejected.jsonl', 'self-instruct.jsonl']);
  expect(strFromU8(files['README.md']!)).toContain('0.65');
});

test('the card describes the settings in words', () => {
  expect(describeSettings({ ...defaultSettings('alpaca'), outputMode: 'json' })).toMatchObject({
    Strategy: 'Alpaca one-shot tasks',
    Answers: 'JSON constrained by a schema',
    'ROUGE-L threshold (reject above)': 0.7,
  });
});
