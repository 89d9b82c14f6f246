import { JUDGE_NEWS, NewsChannel, POOL_NEWS, TabCoordinator, type JudgeNews, type PoolNews } from '../lib/coordination';
import { connectWorker, DownloadClient, FilterClient, GeneratorClient, ImportClient, ModelRouter, PoolViewClient, StatsClient } from '../lib/clients';
import { PromptApiEngine, type LanguageModelApi } from '../lib/prompt-api';
import type { GeneratorApi } from '../lib/engine';
import type { FilterApi } from '../lib/novelty';
import type { DownloadApi } from '../lib/download';
import type { PoolViewApi } from '../lib/pool-view';
import type { StatsApi } from '../lib/stats';
import type { SeedTask } from '../lib/vocabulary';
import { parseSeedFile, type ImportApi } from '../lib/seeds';
import { openStudioDB, PoolStore, ProjectStore, QualityStore } from '../lib/store';

export interface AppServices {
  /** The generate port and model loading: the generator worker's engines and the browser's own model. */
  generator: ModelRouter;
  filter: FilterClient;
  pool: PoolStore;
  projects: ProjectStore;
  /** The judge's judgments and a person's audit. */
  quality: QualityStore;
  tabs: TabCoordinator;
  /** A person's changes to a pool, between this tab and the others. */
  poolNews: NewsChannel<PoolNews>;
  /** The judge's judgments and runs, between this tab and the others. */
  judgeNews: NewsChannel<JudgeNews>;
  /** The download worker, started on the first download. */
  downloads: () => DownloadClient;
  /** The import worker, started on the first import of seed tasks. */
  imports: () => ImportClient;
  /** The pool view worker (search, filters and sort over every row; a person's changes and their undo), started when the table is first shown. */
  poolView: () => PoolViewClient;
  /** The stats worker (the dataset figures), started when the "Dataset figures" card is first opened. */
  stats: () => StatsClient;
  /** Settles when a newer version of the app, in another tab, took over the database. */
  storageClosed: Promise<void>;
}

/** Starts both workers and opens the database. */
export async function startServices(): Promise<AppServices> {
  // Vite bundles a worker only when `new URL(…, import.meta.url)` is written inside `new Worker`.
  const generatorWorker = new Worker(new URL('../../workers/generator.worker.ts', import.meta.url), { type: 'module', name: 'generator' });
  const filterWorker = new Worker(new URL('../../workers/filter.worker.ts', import.meta.url), { type: 'module', name: 'filter' });
  let closeStorage!: () => void;
  const storageClosed = new Promise<void>((resolve) => (closeStorage = resolve));
  const db = await openStudioDB(undefined, closeStorage);
  const worker = new GeneratorClient(connectWorker<GeneratorApi>(generatorWorker, 'model worker'));
  // Chrome's Prompt API: a global of the page, absent in other browsers and in workers.
  const languageModel = (globalThis as { LanguageModel?: LanguageModelApi }).LanguageModel;
  if (import.meta.env.MODE === 'e2e') {
    // The browser tests' stand-in for Chrome's model answers with the scripted engine's texts.
    const scriptedPromptAnswer = async (...args: Parameters<typeof import('../../test/prompt-api-answers').scriptedPromptAnswer>) =>
      (await import('../../test/prompt-api-answers')).scriptedPromptAnswer(...args);
    Object.assign(globalThis, { __studio: { generator: worker, scriptedPromptAnswer } });
  }
  return {
    generator: new ModelRouter(worker, new PromptApiEngine(languageModel)),
    filter: new FilterClient(connectWorker<FilterApi>(filterWorker, 'filter worker')),
    pool: new PoolStore(db),
    projects: new ProjectStore(db),
    quality: new QualityStore(db),
    tabs: new TabCoordinator(navigator.locks),
    poolNews: new NewsChannel<PoolNews>(POOL_NEWS),
    judgeNews: new NewsChannel<JudgeNews>(JUDGE_NEWS),
    downloads: once(() => {
      const worker = new Worker(new URL('../../workers/download.worker.ts', import.meta.url), { type: 'module', name: 'download' });
      return new DownloadClient(connectWorker<DownloadApi>(worker, 'download worker'));
    }),
    imports: once(() => {
      const worker = new Worker(new URL('../../workers/import.worker.ts', import.meta.url), { type: 'module', name: 'import' });
      return new ImportClient(connectWorker<ImportApi>(worker, 'import worker'));
    }),
    poolView: once(() => {
      const worker = new Worker(new URL('../../workers/pool.worker.ts', import.meta.url), { type: 'module', name: 'pool' });
      return new PoolViewClient(connectWorker<PoolViewApi>(worker, 'pool view worker'));
    }),
    stats: once(() => {
      const worker = new Worker(new URL('../../workers/stats.worker.ts', import.meta.url), { type: 'module', name: 'stats' });
      return new StatsClient(connectWorker<StatsApi>(worker, 'stats worker'));
    }),
    storageClosed,
  };
}

/** Gives a project without seed tasks the default seed set shipped with the site. */
export async function ensureSeeds(pool: PoolStore, projectId: string): Promise<void> {
  if ((await pool.seeds(projectId)).length === 0) await pool.putSeeds(projectId, await loadDefaultSeeds());
}

/** The 175 seed tasks written for this project (public/seeds/default.jsonl). */
export async function loadDefaultSeeds(): Promise<SeedTask[]> {
  const response = await fetch(new URL('seeds/default.jsonl', document.baseURI));
  if (!response.ok) throw new Error(`The default seed tasks could not be loaded (HTTP ${response.status}). Reload the page.`);
  const parsed = parseSeedFile(await response.text());
  if (!parsed.ok) throw new Error(`The default seed file is damaged at line ${parsed.line}: ${parsed.problem}.`);
  return parsed.seeds;
}

function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
