import type { ExportRow } from '../vocabulary';
import { binOf } from './histogram';
import { LENGTH_BINS, type Lengths } from './lengths';
import { SEED_SIMILARITY_BIN } from './seed-similarity';
import type { VerbNoun } from './verb-noun';
import { wordCount } from './words';

/** A part of a figure a person can click: the pool table then shows the tasks behind it. */
export type FigurePart =
  | { figure: 'seed-similarity'; bin: number }
  | { figure: 'length'; of: keyof Lengths; bin: number }
  | { figure: 'verb-noun'; verb: string; noun?: string };

/** The figures' view of each task, as the last computation saw it. */
export interface RowFigures {
  rows: readonly ExportRow[];
  /** Each row's ROUGE-L F to its nearest seed, in the rows' order. */
  seedScores: ArrayLike<number>;
  /** Each row's verb–noun pair, null where it has none; absent until the tree was computed. */
  pairs?: readonly (VerbNoun | null)[];
}

/**
 * The ids of the tasks a part of a figure counts. Inputs and outputs are counted per instance
 * (Fig. 5), so a task is behind a bin when one of its instances falls in it.
 */
export function rowsBehind({ rows, seedScores, pairs }: RowFigures, part: FigurePart): string[] {
  const behind = (index: number): boolean => {
    const row = rows[index]!;
    switch (part.figure) {
      case 'seed-similarity':
        return binOf(seedScores[index]!, SEED_SIMILARITY_BIN.width, SEED_SIMILARITY_BIN.bins) === part.bin;
      case 'length': {
        const { width, bins } = LENGTH_BINS[part.of];
        const inBin = (text: string) => binOf(wordCount(text), width, bins) === part.bin;
        if (part.of === 'instructions') return inBin(row.task.instruction);
        if (part.of === 'inputs') return row.instances.some(({ input }) => input.trim() !== '' && inBin(input));
        return row.instances.some(({ output }) => inBin(output));
      }
      case 'verb-noun': {
        const pair = pairs?.[index];
        return !!pair && pair.verb === part.verb && (part.noun === undefined || pair.noun === part.noun);
      }
    }
  };
  return rows.flatMap((row, index) => (behind(index) ? [row.task.id] : []));
}
