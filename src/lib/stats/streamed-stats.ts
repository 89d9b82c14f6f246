import type { TokenizerName } from '../rouge';
import type { ExportRow } from '../vocabulary';
import type { RejectedCandidate } from './acceptance';
import { datasetStats, type DatasetStats } from './dataset-stats';
import { LengthCounter } from './lengths';
import { WordNumbering } from './ngrams';
import type { StatsHelper } from './stats-helper';
import type { Timer } from './timer';
import { wordTokens } from './words';

/** The seed instructions Fig. 4 scores against, with the project's ROUGE-L tokenizer. */
export interface SeedsOfProject {
  seedInstructions: string[];
  tokenizer?: TokenizerName;
}

/** Every statistic but Fig. 3, and each row's ROUGE-L to its nearest seed (for the click-through). */
export interface Figures {
  stats: DatasetStats;
  seedScores: Float64Array;
}

/**
 * A project's statistics, worked on while its rows are still being read. Each part of rows, as the
 * store hands it over (PoolStore.finishedTasks' onPart), goes to the helper workers (ROUGE-L to the
 * seeds; the compression ratio, as a stream of its own) and has its lengths counted and its words
 * numbered here, so that reading and counting share the cores instead of taking turns. Only what
 * needs every row (the n-grams' numbering, Self-BLEU's sample, the acceptance curve) waits for
 * the last part.
 */
export class StreamedStats {
  readonly #rows: ExportRow[] = [];
  readonly #seedScores: Promise<Float64Array>[] = [];
  readonly #compressed: Promise<void>[] = [];
  readonly #lengths = new LengthCounter();
  readonly #words = new WordNumbering<string>();

  /** `stream` names this computation's compression stream in the helper: unique per computation. */
  constructor(
    private readonly seeds: SeedsOfProject,
    private readonly helpers: readonly StatsHelper[],
    private readonly stream: string,
  ) {}

  add(rows: readonly ExportRow[]): void {
    const instructions = rows.map((row) => row.task.instruction);
    this.#seedScores.push(handled(this.#helper(0).seedScores(instructions, this.seeds.seedInstructions, this.seeds.tokenizer)));
    this.#compressed.push(handled(this.#helper(1).compressionAdd(this.stream, instructions)));
    this.#lengths.add(rows);
    this.#words.add(instructions.map(wordTokens));
    for (const row of rows) this.#rows.push(row);
  }

  /**
   * The figures of `rows`, the store's final list, when it holds the rows in the order they came:
   * the store sorts them by creation, which normally only confirms the pages' order. Undefined
   * when the sort moved a row, as the scores and the compressed text follow the order they came in.
   */
  async finish(rows: readonly ExportRow[], rejected: Promise<readonly RejectedCandidate[]>, time: Timer): Promise<Figures | undefined> {
    const compressed = Promise.all(this.#compressed).then(() => this.#helper(1).compressionEnd(this.stream));
    if (!(rows.length === this.#rows.length && rows.every((row, i) => row === this.#rows[i]))) {
      await compressed;
      return undefined;
    }
    const seedScores = Promise.all(this.#seedScores).then(joined);
    const stats = await datasetStats(
      {
        rows,
        rejected,
        ...this.seeds,
        elsewhere: {
          seedScores: time('ROUGE-L to the seeds (helper, as read)', () => seedScores),
          compressionRatio: time('compression ratio (helper, as read)', () => compressed),
        },
        counted: { lengths: this.#lengths.lengths(), words: this.#words.ngrams() },
      },
      time,
    );
    return { stats, seedScores: await seedScores };
  }

  /** Ends the helper's compression stream when the rows could not all be read: nothing is computed. */
  abandon(): void {
    void this.#helper(1).compressionEnd(this.stream).catch(() => {});
  }

  #helper(index: number): StatsHelper {
    return this.helpers[index % this.helpers.length]!;
  }
}

/** The promise, marked handled: a part that fails is reported when finish awaits it, not as an unhandled rejection before. */
function handled<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => {});
  return promise;
}

function joined(parts: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}
