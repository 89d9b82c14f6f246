// Call journal benchmark (issue 14, item 5): the real bootstrap loop, the scripted engine and the
// default seeds make 1,000 model calls into PoolStore on fake-indexeddb, once per prompt layout,
// and the bytes stored per call are compared: the version 3 layout (each call whole, as a backup
// still holds it) against the version 5 one (the calls store plus the parts store). Then the
// issue's case: one classification seed 10 MB long, which every classify prompt shows, 24 calls.
//   npm run bench:journal [-- --calls 1000 --huge-mb 10]  (about 2 minutes on 2 busy cores)
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { IDBFactory } from 'fake-indexeddb';
import { defaultSettings } from '../src/lib/method';
import { NoveltyPool } from '../src/lib/novelty';
import { runBootstrap } from '../src/lib/run';
import { parseSeedFile } from '../src/lib/seeds';
import { openStudioDB, PoolStore, ProjectStore, type StudioDatabase } from '../src/lib/store';
import type { CompletionRequest, CompletionResult, Generator, MethodSettings, SeedTask } from '../src/lib/vocabulary';
import { SCRIPTED_MODEL_ID, ScriptedEngine } from '../test/scripted-engine';

const SEED_FILE = new URL('../public/seeds/default.jsonl', import.meta.url);

const { values: args } = parseArgs({ options: { calls: { type: 'string', default: '1000' }, 'huge-mb': { type: 'string', default: '10' } } });
const CALLS = Number(args.calls);
const HUGE_CHARS = Number(args['huge-mb']) * 1_000_000;
const HUGE_CALLS = 24;
if (!(CALLS > 0 && HUGE_CHARS >= 0)) throw new Error('--calls must be a positive number and --huge-mb zero or more.');

const LAYOUTS: [string, MethodSettings][] = [
  ['Self-Instruct, chat, text (default)', defaultSettings('self-instruct')],
  ['Self-Instruct, chat, JSON', { ...defaultSettings('self-instruct'), outputMode: 'json' }],
  ['Self-Instruct, completion, text', { ...defaultSettings('self-instruct'), promptStyle: 'completion' }],
  ['Self-Instruct, completion, JSON', { ...defaultSettings('self-instruct'), promptStyle: 'completion', outputMode: 'json' }],
  ['Alpaca, chat, text', defaultSettings('alpaca')],
];

interface Figures {
  calls: number;
  parts: number;
  wholeBytes: number;
  callBytes: number;
  partBytes: number;
}

/** The scripted model, answering `limit` calls; the next one pauses the run, so exactly `limit` are journaled. */
function countedGenerator(limit: number, pause: AbortController): Generator {
  const engine = new ScriptedEngine();
  let calls = 0;
  return {
    complete: async (request: CompletionRequest, options): Promise<CompletionResult> => {
      if (++calls > limit) {
        pause.abort();
        return { text: '', finishReason: 'abort', promptTokens: 0, completionTokens: 0, durationMs: 0 };
      }
      return engine.complete(request, options?.onText);
    },
  };
}

async function measure(settings: MethodSettings, seeds: SeedTask[], calls: number): Promise<Figures> {
  const db = await openStudioDB(new IDBFactory());
  const project = await new ProjectStore(db).create('Journal bench');
  const store = new PoolStore(db);
  await store.putSeeds(project.id, seeds);
  const pause = new AbortController();
  const ports = { generator: countedGenerator(calls, pause), novelty: new NoveltyPool(), store };
  const config = { modelId: SCRIPTED_MODEL_ID, targetSize: 1_000_000, rngSeed: 42, settings };
  const outcome = await runBootstrap(ports, project.id, config, { signal: pause.signal });
  if (outcome.status !== 'paused') throw new Error(`The run ended before ${calls} calls: ${JSON.stringify(outcome)}`);
  return figures(db, project.id);
}

async function figures(db: StudioDatabase, projectId: string): Promise<Figures> {
  const whole = (await new ProjectStore(db).read(projectId)).calls;
  const records = await db.getAll('calls');
  if (records.length !== whole.length) throw new Error(`${records.length} calls stored, ${whole.length} read back.`);
  const parts = await db.getAll('parts', IDBKeyRange.bound([projectId], [projectId, []]));
  const bytes = (rows: readonly unknown[]) => rows.reduce<number>((sum, row) => sum + Buffer.byteLength(JSON.stringify(row)), 0);
  return { calls: records.length, parts: parts.length, wholeBytes: bytes(whole), callBytes: bytes(records), partBytes: bytes(parts) };
}

/** The seeds with the first classification seed's instruction padded to `chars`. */
function withHugeSeed(seeds: readonly SeedTask[], chars: number): SeedTask[] {
  const at = seeds.findIndex((seed) => seed.isClassification);
  const huge = seeds[at]!;
  return seeds.with(at, { ...huge, instruction: `${huge.instruction} ${'padding '.repeat(Math.ceil(chars / 8))}` });
}

function defaultSeeds(): SeedTask[] {
  const parsed = parseSeedFile(readFileSync(SEED_FILE, 'utf8'));
  if (!parsed.ok) throw new Error(`public/seeds/default.jsonl line ${parsed.line}: ${parsed.problem}`);
  return parsed.seeds;
}

const n = (value: number): string => Math.round(value).toLocaleString('en');
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const seeds = defaultSeeds();
console.log(`Bytes per journaled call (UTF-8 JSON of the stored rows), ${n(CALLS)} calls of the bootstrap loop on ${seeds.length} default seeds:\n`);
console.log(`${'layout'.padEnd(38)}${'v3 whole'.padStart(10)}${'v5 calls'.padStart(10)}${'+ parts'.padStart(9)}${'= v5'.padStart(8)}${'parts'.padStart(7)}${'saved'.padStart(7)}`);
for (const [name, settings] of LAYOUTS) {
  const f = await measure(settings, seeds, CALLS);
  if (f.calls !== CALLS) throw new Error(`${name}: ${f.calls} calls journaled, not ${CALLS}.`);
  const [whole, calls, parts] = [f.wholeBytes / f.calls, f.callBytes / f.calls, f.partBytes / f.calls];
  const saved = `${Math.round((1 - (calls + parts) / whole) * 100)} %`;
  console.log(`${name.padEnd(38)}${n(whole).padStart(10)}${n(calls).padStart(10)}${n(parts).padStart(9)}${n(calls + parts).padStart(8)}${n(f.parts).padStart(7)}${saved.padStart(7)}`);
}
if (HUGE_CHARS > 0) {
  const f = await measure(defaultSettings('self-instruct'), withHugeSeed(seeds, HUGE_CHARS), HUGE_CALLS);
  console.log(`\nOne classification seed of ${mb(HUGE_CHARS)}, ${f.calls} calls (default layout): v3 ${mb(f.wholeBytes)}, v5 ${mb(f.callBytes + f.partBytes)} (${mb(f.callBytes)} in calls, ${mb(f.partBytes)} in ${f.parts} parts)`);
}
