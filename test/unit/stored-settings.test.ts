// Method settings in storage, on fake-indexeddb: the version 4 upgrade repairs what older versions
// stored, and a restored backup or a copy stores valid settings whatever it held.
import { IDBFactory } from 'fake-indexeddb';
import { expect, test } from 'vitest';
import { readBackup, writeBackup } from '../../src/lib/backup';
import { defaultSettings } from '../../src/lib/method';
import { openStudioDB, ProjectStore, type ProjectRows } from '../../src/lib/store';
import type { MethodSettings } from '../../src/lib/vocabulary';
import { openReleasedVersion, putRows } from '../helpers/frozen-schemas';

/** Settings as version 3 saved them: a cleared threshold as null, no tokenizer yet, an unknown key. */
function oldShaped(): Record<string, unknown> {
  const settings: Record<string, unknown> = { ...structuredClone(defaultSettings('alpaca')), rougeThreshold: null, retired: 1 };
  delete settings.rougeTokenizer;
  (settings.sampling as MethodSettings['sampling']).instructions.temperature = 1.3;
  return settings;
}

function repairedOldShaped(): MethodSettings {
  const settings = defaultSettings('alpaca');
  settings.sampling.instructions.temperature = 1.3;
  return settings;
}

test('a version 3 database upgrades in place: stored settings come back in today\'s shape, valid fields kept', async () => {
  const factory = new IDBFactory();
  const v3 = await openReleasedVersion(factory, 3);
  await putRows(v3, {
    projects: [
      { id: 'old', name: 'Old settings', created: 1, settings: oldShaped() },
      { id: 'never-edited', name: 'Never edited', created: 2 },
      { id: 'damaged', name: 'Damaged', created: 3, settings: 'threshold=0.5' },
    ],
  });
  v3.close();

  const projects = new ProjectStore(await openStudioDB(factory));
  expect(await projects.get('old')).toEqual({ id: 'old', name: 'Old settings', created: 1, settings: repairedOldShaped() });
  expect(await projects.get('never-edited')).toEqual({ id: 'never-edited', name: 'Never edited', created: 2 });
  expect((await projects.get('damaged'))?.settings).toEqual(defaultSettings('self-instruct'));
});

test('a backup with old-shaped settings restores with them repaired', async () => {
  const rows: ProjectRows = {
    project: { id: 'p1', name: 'Backed up', created: 1, settings: oldShaped() as unknown as MethodSettings },
    seeds: [],
    tasks: [],
    instances: [],
    calls: [],
    runs: [],
  };
  const read = readBackup(writeBackup(rows));
  if (!read.ok) throw new Error(read.problem);
  const projects = new ProjectStore(await openStudioDB(new IDBFactory()));
  const restored = await projects.adopt(read.rows, 'Restored');
  expect((await projects.get(restored.id))?.settings).toEqual(repairedOldShaped());
});
