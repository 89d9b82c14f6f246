// The pool bench's page, driven by bench/pool.bench.ts: fills a project with bench:store's filler,
// then drives the real pool view worker as the table does (open, a query per keystroke and its
// first window, filters and sorts, windows while scrolling, a run's new rows, a bulk delete and
// its undo in the same worker), timing each call from the page: the round trip a user waits for.
import { connectWorker, PoolViewClient } from '../../src/lib/clients';
import { createIdFactory } from '../../src/lib/ids';
import { DEFAULT_QUERY, type PoolQuery, type PoolViewApi } from '../../src/lib/pool-view';
import { readProject } from '../../src/lib/pool-view/pool-reads';
import { openStudioDB, PoolStore, ProjectStore, type StudioDatabase } from '../../src/lib/store';
import { callRow, taskRow } from '../../test/fixtures/pool-rows';
import { fillPool } from '../store/fill-pool';
import { LongTasks } from '../store/measure';
import type { Keystroke, OpenReport, PoolBench, TimedStep, WindowReport } from './protocol';

/** The rows the table asks for after a query: about a screenful and a half. */
const FIRST_WINDOW = 40;

const longTasks = new LongTasks();

interface Opened {
  db: StudioDatabase;
  projectId: string;
  view: PoolViewClient;
}
let opened: Opened | undefined;

function current(): Opened {
  if (!opened) throw new Error('Open the project first.');
  return opened;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; longestTaskMs: number }> {
  const start = performance.now();
  const value = await work();
  const end = performance.now();
  await longTasks.settle();
  return { value, ms: end - start, longestTaskMs: longTasks.longestIn(start, end) };
}

const query = (fields: Partial<PoolQuery>): PoolQuery => ({ ...DEFAULT_QUERY, ...fields });

async function open(): Promise<OpenReport> {
  const db = await openStudioDB();
  const [project] = await new ProjectStore(db).list();
  if (!project) throw new Error('The bench project is missing: run insert first.');
  const first = await timed(async () => {
    const worker = new Worker(new URL('../../workers/pool.worker.ts', import.meta.url), { type: 'module', name: 'pool' });
    const view = new PoolViewClient(connectWorker<PoolViewApi>(worker, 'pool view worker'));
    return { view, answer: await view.open(project.id) };
  });
  const { view } = first.value;
  const again = await timed(() => view.open(project.id));
  const reads = await timed(() => readProject(db, project.id));
  opened = { db, projectId: project.id, view };
  return { rows: first.value.answer.rows, firstOpenMs: first.ms, openAgainMs: again.ms, readsMs: reads.ms };
}

/** Types each phrase letter by letter, as into the search box: a query and its first window per keystroke. */
async function type(phrases: string[]) {
  const { view } = current();
  const keystrokes: Keystroke[] = [];
  const start = performance.now();
  for (const phrase of phrases) {
    for (let length = 1; length <= phrase.length; length++) {
      const search = phrase.slice(0, length);
      const t0 = performance.now();
      const { token, counts } = await view.query(query({ search }));
      const t1 = performance.now();
      await view.rows(token, 0, FIRST_WINDOW);
      keystrokes.push({ search, matching: counts.matching, queryMs: t1 - t0, shownMs: performance.now() - t0 });
    }
  }
  const end = performance.now();
  await longTasks.settle();
  return { keystrokes, longestTaskMs: longTasks.longestIn(start, end) };
}

/** A query per filter and sort, each with its first window (open sorted every order already). */
async function queries(): Promise<TimedStep[]> {
  const { view } = current();
  const cases: [string, Partial<PoolQuery>][] = [
    ['default (kept, newest first)', {}],
    ['status rejected', { status: 'rejected' }],
    ['rule rouge', { rule: 'rouge' }],
    ['kind with-input', { kind: 'with-input' }],
    ['classification, reviewed no', { kind: 'classification', reviewed: 'no' }],
    ['sort nearest desc', { sort: 'nearest' }],
    ['sort nearest asc', { sort: 'nearest', order: 'asc' }],
    ['sort length desc', { sort: 'length' }],
    ['sort length asc', { sort: 'length', order: 'asc' }],
    ['"write" + accepted + length', { search: 'write', status: 'accepted', sort: 'length' }],
    ['"the a" (two very common words)', { search: 'the a' }],
  ];
  const steps: TimedStep[] = [];
  for (const [label, fields] of cases) {
    const { value, ms } = await timed(async () => {
      const answer = await view.query(query(fields));
      await view.rows(answer.token, 0, FIRST_WINDOW);
      return answer.counts.matching;
    });
    steps.push({ label, ms, count: value });
  }
  return steps;
}

/** Windows at random places of the whole kept pool, as scrolling asks for them, and every id. */
async function windows(count: number, size: number): Promise<WindowReport> {
  const { view } = current();
  const { token, counts } = await view.query(query({}));
  const windowMs: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = Math.floor(Math.random() * Math.max(1, counts.matching - size));
    windowMs.push((await timed(() => view.rows(token, start, start + size))).ms);
  }
  const ids = await timed(() => view.ids(token));
  return { windowMs, size, ids: { label: 'ids() of the whole snapshot', ms: ids.ms, count: ids.value.length } };
}

/** A generation step of `tasks` candidates written as the loop writes it, then what the table asks. */
async function runProgress(tasks: number): Promise<TimedStep[]> {
  const { db, projectId, view } = current();
  const pool = new PoolStore(db);
  const run = await pool.latestRun(projectId);
  const { token } = await view.query(query({}));
  const newId = createIdFactory();
  const call = { ...callRow(projectId, newId('call')), runId: run!.id };
  const candidates = Array.from({ length: tasks }, () => taskRow({ id: newId('task'), projectId, runId: run!.id, stage: 'classify', callId: call.id, created: Date.now(), instruction: 'Write a limerick about a bench.' }));
  await pool.saveGeneration({ call, candidates, instances: [] });
  const sync = await timed(() => view.syncNewer());
  const fresh = await timed(() => view.newSince(token));
  return [
    { label: 'syncNewer() after a step', ms: sync.ms, count: sync.value },
    { label: 'newSince(token) ("N new")', ms: fresh.ms, count: fresh.value },
  ];
}

/**
 * Deletes `count` accepted tasks in one action, as the bulk bar does: through the pool view
 * worker, which runs CurationStore on its own connection and updates its rows before answering.
 * Then undoes it. Each figure is the round trip the page waits for.
 */
async function bulkDelete(count: number): Promise<TimedStep[]> {
  const { projectId, view } = current();
  const taskIds = (await view.ids((await view.query(query({ status: 'accepted' }))).token)).slice(0, count);
  const deleted = await timed(() => view.apply(projectId, { kind: 'delete', taskIds }));
  const trash = (await view.query(query({ status: 'deleted' }))).counts.matching;
  const undone = await timed(() => view.undo(projectId));
  const left = (await view.query(query({ status: 'deleted' }))).counts.matching;
  if (trash !== taskIds.length || left !== 0) throw new Error(`The view shows ${trash} deleted after the delete and ${left} after its undo (expected ${taskIds.length}, 0).`);
  return [
    { label: `delete of ${taskIds.length} (apply in the pool view worker)`, ms: deleted.ms, count: deleted.value!.taskIds.length, longestTaskMs: deleted.longestTaskMs },
    { label: 'its undo', ms: undone.ms, count: undone.value!.taskIds.length, longestTaskMs: undone.longestTaskMs },
  ];
}

const poolBench: PoolBench = {
  info: () => ({ userAgent: navigator.userAgent, longTasksObserved: longTasks.observed, cores: navigator.hardwareConcurrency }),
  insert: fillPool,
  open,
  type,
  queries,
  windows,
  runProgress,
  bulkDelete,
};
Object.assign(globalThis, { poolBench });
