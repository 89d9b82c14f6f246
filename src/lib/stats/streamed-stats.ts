import type { TokenizerName } from '../rouge';
import type { ExportRow, RejectedCandidate } from '../vocabulary';
import { datasetStats, type DatasetStats } from './dataset-stats';
import { handled } from './handled';
import { joinTexts } from './joined-texts';
import { LengthCounter } from './lengths';
import { MAX_N, WordNumbering } from './ngrams';
import type { StatsHelper } from './stats-helper';
import type { Timer } from './timer';
import { WordTokenIds } from './word-ids';

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
  /** Numbered part by part: distinct-2's bigrams, and self-repetition's 4-grams (two bigrams each). */
  readonly #words = new WordNumbering(new WordTokenIds(), [2, MAX_N]);

  /** `stream` names this computation's compression stream in the helper: unique per computation. */
  constructor(
    private readonly seeds: Promise<SeedsOfProject>,
    private readonly helpers: readonly StatsHelper[],
    private readonly stream: string,
  ) {}

  /** `rowsAtMost`: how many rows all parts will hold at most, which sizes the n-gram tables once. */
  add(rows: readonly ExportRow[], rowsAtMost = rows.length): void {
    const instructions = rows.map((row) => row.task.instruction);
    const joined = joinTexts(instructions);
    this.#seedScores.push(handled(this.seeds.then(({ seedInstructions, tokenizer }) => this.#helper(0).seedScores(joined, seedInstructions, tokenizer))));
    this.#compressed.push(handled(this.#helper(1).compressionAdd(this.stream, joined)));
    this.#lengths.add(rows);
    this.#words.add(instructions, rowsAtMost);
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
        ...(await this.seeds),
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

function joined(parts: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((total, part) => total + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}
