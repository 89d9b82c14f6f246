// The judge's cost in the pool view worker, on the pool view's own code in Node (V8, as in the
// worker; no IndexedDB): 100k finished tasks, each judged, put into the row table (a row's
// judgment hashes its task to tell current from stale) against the same tasks not judged, then the
// quality queries a filter change runs: a score range, a verdict, the score sort, and the Keep
// dialog's query. Target: a query ≤ 100 ms p95, as a search keystroke's (bench:pool).
//   npm run bench:pool-quality [-- --tasks 100000]
import { parseArgs } from 'node:util';
import { judgedContentHash } from '../src/lib/judge';
import { DEFAULT_QUERY, type PoolQuery } from '../src/lib/pool-view';
import { rowOf, rowTexts } from '../src/lib/pool-view/pool-row';
import { RowTable } from '../src/lib/pool-view/row-table';
import { runQuery } from '../src/lib/pool-view/run-query';
import type { QualityScore, StoredJudgment, TaskState } from '../src/lib/vocabulary';
import { ms, n, verdict } from './figures';
import { percentile } from './store/measure';

const QUERY_TARGET_MS = 100;
const RUNS = 30;

const { values: args } = parseArgs({ options: { tasks: { type: 'string', default: '100000' } } });
const count = Number(args.tasks);
if (!(count > 0)) throw new Error('--tasks must be a positive number.');

const WORDS = ['write', 'a', 'short', 'story', 'about', 'dog', 'classify', 'the', 'sentiment', 'of', 'this', 'review', 'summarize', 'article', 'explain', 'difference'];
const text = (seed: number, words: number) => Array.from({ length: words }, (_, i) => WORDS[(seed * 7 + i * 13) % WORDS.length]).join(' ');

const states: TaskState[] = Array.from({ length: count }, (_, i) => {
  const id = `task-${String(i).padStart(7, '0')}`;
  return {
    task: { id, projectId: 'p', runId: 'run-1', instruction: text(i, 14), stage: 'done', callId: 'c', fingerprint: 'f', created: i, isClassification: i % 5 === 0 },
    instances: [0, 1].map((n) => ({ id: `${id}-${n}`, projectId: 'p', taskId: id, input: text(i + n, 8), output: text(i + n + 1, 20) })),
  };
});
const judgments = states.map(({ task, instances }, i): StoredJudgment => ({
  projectId: 'p',
  taskId: task.id,
  callId: `judge-${i}`,
  modelId: 'judge',
  judged: i,
  contentHash: judgedContentHash(task.instruction, instances),
  judgment: { status: 'judged', verdict: { validInstruction: i % 11 !== 0, appropriateInput: i % 7 !== 0, acceptableOutputs: [true, i % 3 !== 0], score: ((i % 5) + 1) as QualityScore, reason: 'r' } },
}));

function filled(judged: boolean): { table: RowTable; ms: number } {
  const start = performance.now();
  const table = new RowTable();
  for (const [i, state] of states.entries()) table.put(rowOf(state, 'self-instruct', judged ? judgments[i] : undefined), rowTexts(state));
  table.settle();
  return { table, ms: performance.now() - start };
}

console.log(`pool view rows, ${n(count)} finished tasks with 2 instances each (Node ${process.version})`);
// The table not judged is dropped before the judged one is built, so neither pays for the other's garbage.
console.log(`  put and settle, not judged             ${ms(filled(false).ms).padStart(7)} ms`);
const hashStart = performance.now();
for (const { task, instances } of states) judgedContentHash(task.instruction, instances);
console.log(`  of which a judged table adds, hashing  ${ms(performance.now() - hashStart).padStart(7)} ms  (judgedContentHash of every task)`);
const judged = filled(true);
console.log(`  put and settle, every task judged      ${ms(judged.ms).padStart(7)} ms`);

const QUERIES: [string, Partial<PoolQuery>][] = [
  ['the default view', {}],
  ['score 4 or more', { scoreFrom: 4 }],
  ['some output not acceptable', { acceptableOutput: 'no' }],
  ['sorted by length (an order of before)', { sort: 'length' }],
  ['sorted by score', { sort: 'score' }],
  ['Keep dialog: finished, best first', { status: 'accepted', sort: 'score', order: 'desc' }],
  ['search "story" + score 2 to 3', { search: 'story', scoreFrom: 2, scoreTo: 3 }],
];
let allOk = true;
console.log(`queries on the judged table, ${RUNS} runs each`);
for (const [label, fields] of QUERIES) {
  const query = { ...DEFAULT_QUERY, ...fields };
  const samples: number[] = [];
  let matching = 0;
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    matching = runQuery(judged.table, query).counts.matching;
    samples.push(performance.now() - start);
  }
  const p95 = percentile(samples, 0.95);
  const ok = p95 <= QUERY_TARGET_MS;
  allOk &&= ok;
  console.log(`  ${label.padEnd(38)} p50 ${ms(percentile(samples, 0.5)).padStart(5)} ms, p95 ${ms(p95).padStart(5)} ms ${n(matching).padStart(8)} rows   ${verdict(ok)}`);
}
if (!allOk) console.log(`** A quality query took over ${QUERY_TARGET_MS} ms at p95. **`);
