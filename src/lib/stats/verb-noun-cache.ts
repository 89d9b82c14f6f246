import type { ExportRow } from '../vocabulary';
import type { StatsHelper } from './stats-helper';
import type { VerbNoun } from './verb-noun';

/** Instructions a helper parses per call: small enough for progress, large enough that the calls cost little. */
const CHUNK = 2_000;

/**
 * Each task's verb–noun pair, kept by task id with the instruction it was read from, so a
 * recomputation during a run parses only the tasks that are new or whose instruction changed:
 * tagging takes about 40 µs an instruction, seconds for a 100k-task pool.
 */
export class VerbNounCache {
  #pairs = new Map<string, { instruction: string; pair: VerbNoun | null }>();

  /** The rows' pairs in their order; the instructions not yet parsed are shared among the helpers. */
  async pairsOf(rows: readonly ExportRow[], helpers: readonly StatsHelper[], onProgress: (fraction: number) => void = () => {}): Promise<(VerbNoun | null)[]> {
    const next = new Map<string, { instruction: string; pair: VerbNoun | null }>();
    const unparsed: ExportRow['task'][] = [];
    for (const { task } of rows) {
      const known = this.#pairs.get(task.id);
      if (known?.instruction === task.instruction) next.set(task.id, known);
      else unparsed.push(task);
    }
    const chunks = Array.from({ length: Math.ceil(unparsed.length / CHUNK) }, (_, index) => unparsed.slice(index * CHUNK, (index + 1) * CHUNK));
    let done = 0;
    // Each helper takes the next chunk as soon as it is free.
    await Promise.all(
      helpers.map(async (helper) => {
        for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) {
          const pairs = await helper.verbNouns(chunk.map((task) => task.instruction));
          chunk.forEach((task, index) => next.set(task.id, { instruction: task.instruction, pair: pairs[index]! }));
          onProgress((done += chunk.length) / unparsed.length);
        }
      }),
    );
    // Only this pool's tasks are kept: deleted tasks and other projects' do not pile up.
    this.#pairs = next;
    return rows.map(({ task }) => next.get(task.id)!.pair);
  }
}
