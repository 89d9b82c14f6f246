import { NoveltyPool } from '../../src/lib/novelty';
import type { RunPorts } from '../../src/lib/run';
import type { PoolStore, StudioDatabase } from '../../src/lib/store';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';
import { SCRIPTED_MODEL_ID, type ScriptedEngineOptions } from '../scripted-engine';
import type { ServedApi } from './comlink-channels';
import { freshDatabase } from './fresh-database';
import { scriptedGenerator } from './scripted-generator';

/**
 * What a run of `projectId` needs, wired as on the page: the scripted model loaded behind the
 * generator client, the novelty pool (in this realm), and a fresh database holding the test seeds.
 */
export async function scriptedRunPorts(serve: (api: object) => ServedApi, projectId: string, options: ScriptedEngineOptions = {}): Promise<RunPorts & { store: PoolStore; db: StudioDatabase }> {
  const { pool: store, db } = await freshDatabase();
  await store.putSeeds(projectId, SEED_TASKS);
  const generator = scriptedGenerator(serve, options);
  const loaded = await generator.load(SCRIPTED_MODEL_ID, () => {});
  if (!loaded.ok) throw new Error(`The scripted model did not load: ${JSON.stringify(loaded)}`);
  return { generator, novelty: new NoveltyPool(), store, db };
}
