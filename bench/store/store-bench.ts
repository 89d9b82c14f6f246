// The store bench's page, driven by bench/store.bench.ts: fills a project through the product's
// PoolStore, reopens it as the app does (counts, newest tasks, the pool loaded into the real
// filter worker), and exports it in every format through the download worker, as the page does.
import { connectWorker, FilterClient } from '../../src/lib/clients';
import type { FilterApi } from '../../src/lib/novelty';
import { REJECTION_RULES } from '../../src/lib/method';
import { NoveltyPool } from '../../src/lib/novelty';
import type { PoolEntry } from '../../src/lib/vocabulary';
import { openStudioDB, PoolStore, ProjectStore } from '../../src/lib/store';
import { SELF_INSTRUCT_SETTINGS } from '../../test/fixtures/method/settings';
import { exportViaWorker, readBreakdown, type OpenedProject } from './export-project';
import { fillPool } from './fill-pool';
import { LongTasks, PartTimer } from './measure';
import type { ReopenReport, StoreBench } from './protocol';

const longTasks = new LongTasks();
let opened: OpenedProject | undefined;

/** What the app does when a project is opened again and its run resumed, part by part. */
async function reopen(): Promise<ReopenReport> {
  // The filter worker starts with the page (src/ui/app-services.ts), so it is up before the clock.
  const worker = new Worker(new URL('../../workers/filter.worker.ts', import.meta.url), { type: 'module', name: 'filter' });
  const filter = new FilterClient(connectWorker<FilterApi>(worker, 'filter worker'));
  await filter.size();

  const timer = new PartTimer(longTasks);
  const part = <T>(name: string, work: () => Promise<T>) => timer.time(name, work);
  const db = await part('openStudioDB()', () => openStudioDB());
  const pool = new PoolStore(db);
  const [project] = await part('ProjectStore.list()', () => new ProjectStore(db).list());
  if (!project) throw new Error('The bench project is missing: run insert first.');
  // RunState.refresh (src/ui/run-state.svelte.ts) reads these two for the page.
  await part('counts()', () => pool.counts(project.id));
  await part('rejectionsByRule()', () => pool.rejectionsByRule(project.id, REJECTION_RULES));
  // The run's prepare() and loadPool() (src/lib/run/bootstrap-run.ts).
  const [seeds, accepted] = await part('seeds() + acceptedTasks()', () => Promise.all([pool.seeds(project.id), pool.acceptedTasks(project.id)]));
  const entries: PoolEntry[] = [...seeds, ...accepted].map(({ id, instruction }) => ({ id, instruction }));
  const options = { threshold: SELF_INSTRUCT_SETTINGS.rougeThreshold, tokenizer: SELF_INSTRUCT_SETTINGS.rougeTokenizer };
  await part(`filter worker loadPool(${entries.length.toLocaleString('en')})`, () => filter.loadPool(entries, options));
  const poolSize = await filter.size();
  worker.terminate();

  const inPageStart = performance.now();
  await new NoveltyPool().loadPool(entries, options);
  const inPagePoolMs = performance.now() - inPageStart;

  const parts = await timer.parts();
  opened = { db, pool, projectId: project.id, projectName: project.name };
  return {
    parts,
    totalMs: parts.reduce((sum, { ms }) => sum + ms, 0),
    poolSize,
    inPagePoolMs,
  };
}

function current(): OpenedProject {
  if (!opened) throw new Error('Reopen the project first.');
  return opened;
}

const storeBench: StoreBench = {
  info: () => ({ userAgent: navigator.userAgent, longTasksObserved: longTasks.observed, cores: navigator.hardwareConcurrency }),
  insert: fillPool,
  reopen,
  exportFormats: (formats) => exportViaWorker(current(), formats, longTasks),
  readBreakdown: () => readBreakdown(current(), longTasks),
};
Object.assign(globalThis, { storeBench });
