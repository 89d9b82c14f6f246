// Judge loop benchmark (issue 11): what runJudge adds per task beyond the model call, over 1,000
// finished tasks: reading the queue, re-reading each task, building the prompt, reading the
// answer, and writing the judgment with its journaled call in one transaction. The scripted engine
// answers at once, in this thread; the time inside its calls is measured and left out.
// QualityStore runs on fake-indexeddb, slower per request than a browser's IndexedDB, so the
// figure is an upper bound. Target: at most 5 ms per task.
//   npm run bench:judge [-- --tasks 1000]
import 'fake-indexeddb/auto';
import { parseArgs } from 'node:util';
import { IDBFactory } from 'fake-indexeddb';
import { defaultJudgeSettings } from '../src/lib/judge';
import { runJudge } from '../src/lib/run';
import { openStudioDB, PoolStore, QualityStore } from '../src/lib/store';
import type { Generator } from '../src/lib/vocabulary';
import { fillJudgePool } from '../test/fixtures/judge-pool';
import { SCRIPTED_MODEL_ID, ScriptedEngine } from '../test/scripted-engine';

const { values: args } = parseArgs({ options: { tasks: { type: 'string', default: '1000' } } });
const TASKS = Number(args.tasks);
if (!(TASKS > 0 && TASKS <= 1000)) throw new Error('--tasks must be from 1 to 1000 (the fixture numbers tasks with three digits).');
const TARGET_MS = 5;

const engine = new ScriptedEngine();
let modelMs = 0;
/** The scripted model, its time inside each call added up. */
const generator: Generator = {
  complete: async (request, options) => {
    const started = performance.now();
    try {
      return await engine.complete(request, options?.onText);
    } finally {
      modelMs += performance.now() - started;
    }
  },
};

const db = await openStudioDB(new IDBFactory());
await db.put('projects', { id: 'bench', name: 'Judge bench', created: 0 });
await fillJudgePool(new PoolStore(db), 'bench', TASKS);
const store = new QualityStore(db);

const started = performance.now();
const outcome = await runJudge({ generator, store }, 'bench', { modelId: SCRIPTED_MODEL_ID, settings: defaultJudgeSettings(), rngSeed: 1 }, { signal: new AbortController().signal });
const totalMs = performance.now() - started;
if (outcome.status !== 'finished' || outcome.progress.done !== TASKS) throw new Error(`The judge run did not judge every task: ${JSON.stringify(outcome)}`);

const perTask = (totalMs - modelMs) / TASKS;
console.log(`Judge loop over ${TASKS} tasks (scripted engine, fake-indexeddb): ${(totalMs / 1000).toFixed(2)} s in all, ${(modelMs / 1000).toFixed(2)} s inside model calls.`);
console.log(`Overhead per task beyond the model call: ${perTask.toFixed(2)} ms (target ≤ ${TARGET_MS} ms) — ${perTask <= TARGET_MS ? 'met' : 'NOT met'}.`);
console.log(`Judged ${outcome.progress.judged}, unreadable ${outcome.progress.unreadable}.`);
