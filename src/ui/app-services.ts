import { connectWorker, FilterClient, GeneratorClient, type FilterApi, type GeneratorApi } from '../lib/clients';
import { parseSeedFile } from '../lib/seeds';
import { openStudioDB, PoolStore } from '../lib/store';

/** The single project until projects arrive (issue 5); its id keys every row. */
export const PROJECT_ID = 'default';

export interface AppServices {
  generator: GeneratorClient;
  filter: FilterClient;
  store: PoolStore;
}

/** Starts both workers and opens the pool. */
export async function startServices(): Promise<AppServices> {
  // Vite bundles a worker only when `new URL(…, import.meta.url)` is written inside `new Worker`.
  const generatorWorker = new Worker(new URL('../../workers/generator.worker.ts', import.meta.url), { type: 'module', name: 'generator' });
  const filterWorker = new Worker(new URL('../../workers/filter.worker.ts', import.meta.url), { type: 'module', name: 'filter' });
  const store = new PoolStore(await openStudioDB());
  await store.ensureProject(PROJECT_ID, 'My dataset');
  return {
    generator: new GeneratorClient(connectWorker<GeneratorApi>(generatorWorker, 'model worker')),
    filter: new FilterClient(connectWorker<FilterApi>(filterWorker, 'filter worker')),
    store,
  };
}

/** Gives a new project the default seed set shipped with the site. */
export async function ensureSeeds(store: PoolStore): Promise<number> {
  const existing = await store.seeds(PROJECT_ID);
  if (existing.length > 0) return existing.length;
  const response = await fetch(new URL('seeds/default.jsonl', document.baseURI));
  if (!response.ok) throw new Error(`The default seed tasks could not be loaded (HTTP ${response.status}). Reload the page.`);
  const parsed = parseSeedFile(await response.text());
  if (!parsed.ok) throw new Error(`The default seed file is damaged at line ${parsed.line}: ${parsed.problem}.`);
  await store.putSeeds(PROJECT_ID, parsed.seeds);
  return parsed.seeds.length;
}
