// Fills a fresh database with a project of the given size: a stepwise sample through PoolStore,
// as the run loop writes and reads, then the rest in batched transactions of the same rows.
import seedFile from '../../public/seeds/default.jsonl?raw';
import { hashSeedSet, settingsFingerprint } from '../../src/lib/method';
import { createIdFactory } from '../../src/lib/ids';
import type { Run, SeedTask } from '../../src/lib/vocabulary';
import { parseSeedFile } from '../../src/lib/seeds';
import { openStudioDB, PoolStore, ProjectStore, type StudioDatabase } from '../../src/lib/store';
import { SELF_INSTRUCT_SETTINGS } from '../../test/fixtures/method/settings';
import { addCalls, JOURNAL_STORES, journalStores } from '../../src/lib/store/call-journal';
import { appendFinished, collectFinished } from '../../src/lib/store/dataset-pages';
import { percentile } from './measure';
import type { InsertOptions, InsertReport, TransactionFigures } from './protocol';
import { finalRows, SyntheticRun } from './synthetic-run';

const MODEL_ID = 'Qwen2.5-1.5B-Instruct-q4f16_1-MLC';
/** Generation steps per transaction on the batched path: about 2,700 rows. */
const BATCH_STEPS = 100;
const PROGRESS_EVERY = 10_000;

/** Deletes every database of the page, then writes the project; closes the database when done. */
export async function fillPool({ accepted, sample, seed }: InsertOptions): Promise<InsertReport> {
  const started = performance.now();
  for (const { name } of await indexedDB.databases()) if (name) await deleteDatabase(name);
  const db = await openStudioDB();
  const pool = new PoolStore(db);
  const project = await new ProjectStore(db).create('Store bench');
  const projectId = project.id;
  const seeds = defaultSeeds();
  await pool.putSeeds(projectId, seeds);
  const newId = createIdFactory();
  const seedSetHash = hashSeedSet(seeds);
  const fingerprint = settingsFingerprint(SELF_INSTRUCT_SETTINGS, seedSetHash);
  const now = Date.now();
  const run: Run = {
    id: newId('run'),
    projectId,
    config: { modelId: MODEL_ID, targetSize: accepted, rngSeed: seed, settings: SELF_INSTRUCT_SETTINGS },
    seedSetHash,
    fingerprint,
    started: now,
    updated: now,
    status: 'running',
  };
  await pool.saveRun(run);
  const synthetic = new SyntheticRun({ projectId, runId: run.id, fingerprint, modelId: MODEL_ID }, seeds, newId, seed);
  let done = 0;
  let candidates = 0;
  let calls = 0;
  const progress = () => {
    if (Math.floor(done / PROGRESS_EVERY) > Math.floor((done - 1) / PROGRESS_EVERY) || done === accepted) {
      console.log(`[insert] ${done.toLocaleString('en')} accepted tasks, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }
  };

  // The run loop's own store traffic (src/lib/run/bootstrap-run.ts): a generation step, then for
  // each accepted task nextPending, a classify step and an instances step, counts after each step.
  const times = new Map<string, number[]>();
  const timed = async (kind: string, work: () => Promise<unknown>) => {
    const start = performance.now();
    await work();
    const list = times.get(kind) ?? [];
    list.push(performance.now() - start);
    times.set(kind, list);
  };
  const stepwiseStart = performance.now();
  let generationSteps = 0;
  while (done < Math.min(sample, accepted)) {
    const step = synthetic.next(Math.min(sample, accepted) - done);
    await timed('nextPending() + counts() before a generation step', async () => {
      await pool.nextPending(projectId);
      await pool.counts(projectId);
    });
    await timed('saveGeneration (1 call, ~7 candidates)', () => pool.saveGeneration(step.generation));
    await timed('counts() after each step', () => pool.counts(projectId));
    for (const taskStep of [...step.classify, ...step.instances]) {
      await timed('nextPending() before a task step', () => pool.nextPending(projectId));
      const kind = taskStep.instances.length > 0 ? 'saveTaskStep instances (1 call, task, ~1.6 instances)' : 'saveTaskStep classify (1 call, task)';
      await timed(kind, () => pool.saveTaskStep(taskStep));
      await timed('counts() after each step', () => pool.counts(projectId));
    }
    generationSteps++;
    candidates += step.generation.candidates.length;
    calls += 1 + step.classify.length + step.instances.length;
    done += step.instances.length;
    progress();
  }
  const stepwiseMs = performance.now() - stepwiseStart;
  const stepwiseAccepted = done;
  const stepwiseCandidates = candidates;
  const transactions: TransactionFigures[] = [...times].map(([kind, samples]) => ({
    kind,
    count: samples.length,
    meanMs: samples.reduce((sum, ms) => sum + ms, 0) / samples.length,
    p95Ms: percentile(samples, 0.95),
    maxMs: Math.max(...samples),
  }));

  // The remainder: each step's final rows, BATCH_STEPS steps to a transaction.
  let batchMs = 0;
  let batches = 0;
  let batchRows = 0;
  while (done < accepted) {
    const rows = { calls: [] as StepRows['calls'], tasks: [] as StepRows['tasks'], instances: [] as StepRows['instances'] };
    for (let i = 0; i < BATCH_STEPS && done < accepted; i++) {
      const step = synthetic.next(accepted - done);
      const final = finalRows(step);
      rows.calls.push(...final.calls);
      rows.tasks.push(...final.tasks);
      rows.instances.push(...final.instances);
      candidates += step.generation.candidates.length;
      done += step.instances.length;
    }
    const start = performance.now();
    await writeBatch(db, projectId, rows);
    batchMs += performance.now() - start;
    batches++;
    batchRows += rows.calls.length + rows.tasks.length + rows.instances.length;
    calls += rows.calls.length;
    progress();
  }
  await pool.saveRun({ ...run, status: 'paused', updated: Date.now() });
  const counts = await pool.counts(projectId);
  db.close();
  return {
    counts,
    calls,
    stepwise: {
      accepted: stepwiseAccepted,
      candidates: stepwiseCandidates,
      generationSteps,
      ms: stepwiseMs,
      storeMs: transactions.reduce((sum, { meanMs, count }) => sum + meanMs * count, 0),
      transactions,
    },
    batched: {
      accepted: done - stepwiseAccepted,
      candidates: candidates - stepwiseCandidates,
      transactions: batches,
      rowsPerTransaction: batches ? Math.round(batchRows / batches) : 0,
      ms: batchMs,
    },
    totalMs: performance.now() - started,
  };
}

type StepRows = ReturnType<typeof finalRows>;

/** The batched path's one transaction: every row of ~100 finished steps, and their dataset pages. */
async function writeBatch(db: StudioDatabase, projectId: string, rows: StepRows): Promise<void> {
  const tx = db.transaction([...JOURNAL_STORES, 'tasks', 'instances', 'datasetPages'], 'readwrite');
  await Promise.all([
    addCalls(journalStores(tx), rows.calls),
    ...rows.tasks.map((row) => tx.objectStore('tasks').add(row)),
    ...rows.instances.map((row) => tx.objectStore('instances').add(row)),
    appendFinished(tx.objectStore('datasetPages'), projectId, collectFinished(rows.tasks, rows.instances)),
    tx.done,
  ]);
}

function defaultSeeds(): SeedTask[] {
  const parsed = parseSeedFile(seedFile);
  if (!parsed.ok) throw new Error(`public/seeds/default.jsonl line ${parsed.line}: ${parsed.problem}`);
  return parsed.seeds;
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
