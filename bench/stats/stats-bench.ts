// The stats bench's page, driven by bench/stats.bench.ts: fills a project with bench:store's
// filler, then has the real stats worker compute its statistics from scratch, timing each call
// from the page: the round trip a user waits for.
import { connectWorker, StatsClient } from '../../src/lib/clients';
import type { StatsApi } from '../../src/lib/stats';
import { openStudioDB, ProjectStore } from '../../src/lib/store';
import { fillPool } from '../store/fill-pool';
import { LongTasks } from '../store/measure';
import type { ComputeReport, StatsBench, StatsReport, TreeReport } from './protocol';

const longTasks = new LongTasks();

async function timedCompute(client: () => StatsClient, projectId: string): Promise<ComputeReport> {
  const start = performance.now();
  const { stats, timings } = await client().compute(projectId);
  const end = performance.now();
  await longTasks.settle();
  return { ms: end - start, longestTaskMs: longTasks.longestIn(start, end), parts: timings, stats };
}

async function timedTree(client: StatsClient, projectId: string): Promise<TreeReport> {
  const start = performance.now();
  const { instructions, share } = await client.verbNounTree(projectId);
  const end = performance.now();
  await longTasks.settle();
  return { ms: end - start, longestTaskMs: longTasks.longestIn(start, end), instructions, share };
}

async function compute(): Promise<StatsReport> {
  const db = await openStudioDB();
  const [project] = await new ProjectStore(db).list();
  db.close();
  if (!project) throw new Error('The bench project is missing: run insert first.');
  let client: StatsClient | undefined;
  const started = () => {
    client ??= new StatsClient(connectWorker<StatsApi>(new Worker(new URL('../../workers/stats.worker.ts', import.meta.url), { type: 'module', name: 'stats' }), 'stats worker'));
    return client;
  };
  const first = await timedCompute(started, project.id);
  const treeFromScratch = await timedTree(started(), project.id);
  const again = await timedCompute(started, project.id);
  const treeAgain = await timedTree(started(), project.id);
  return { first, again, treeFromScratch, treeAgain };
}

const statsBench: StatsBench = {
  info: () => ({ userAgent: navigator.userAgent, longTasksObserved: longTasks.observed, cores: navigator.hardwareConcurrency }),
  insert: fillPool,
  compute,
};
Object.assign(globalThis, { statsBench });
