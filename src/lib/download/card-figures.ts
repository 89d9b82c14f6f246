import { barChartSvg, histogramBars, instancesBars, sunburstSvg } from '../charts';
import type { CardFigures } from '../export';
import type { TokenizerName } from '../rouge';
import { datasetStats, verbNounTree, type DatasetStats, type Distribution, type VerbNounTree } from '../stats';
import type { ExportRow, RejectedCandidate } from '../vocabulary';

/** What the figures of an export read besides its rows. */
export interface FigureInputs {
  seedInstructions: readonly string[];
  rejected: readonly RejectedCandidate[];
  tokenizer?: TokenizerName;
}

/**
 * The exported rows' figures for the dataset card, computed as the Dataset figures card computes
 * them (the same statistics, the same chart geometry), here in the download worker: the main
 * figures as a table, Fig. 3's top verbs, and each chart as an SVG file under figures/.
 */
export async function cardFigures(rows: readonly ExportRow[], { seedInstructions, rejected, tokenizer }: FigureInputs): Promise<CardFigures> {
  const stats = await datasetStats({ rows, seedInstructions, rejected, ...(tokenizer ? { tokenizer } : {}) });
  const tree = await verbNounTree(rows.map((row) => row.task.instruction));
  const chart = (name: string, about: string, svg: string) => ({ name: `figures/${name}.svg`, about, svg });
  const { seedSimilarity, lengths, shares } = stats;
  return {
    markdown: markdownOf(stats, tree),
    charts: [
      chart('verbs-and-nouns', 'the top 20 verbs of the instructions and their top 4 nouns (the paper’s Fig. 3).', sunburstSvg('Verbs of the instructions and their nouns (Fig. 3)', tree)),
      chart('rouge-to-seeds', 'ROUGE-L of each instruction to its most similar seed (Fig. 4).', barChartSvg('ROUGE-L to the most similar seed (Fig. 4)', histogramBars(seedSimilarity.histogram, false))),
      chart('instruction-lengths', 'instruction lengths in words (Fig. 5).', barChartSvg('Instruction length in words (Fig. 5)', histogramBars(lengths.instructions.histogram, true))),
      chart('input-lengths', 'non-empty input lengths in words (Fig. 5).', barChartSvg('Non-empty input length in words', histogramBars(lengths.inputs.histogram, true))),
      chart('output-lengths', 'output lengths in words (Fig. 5).', barChartSvg('Output length in words', histogramBars(lengths.outputs.histogram, true))),
      chart('instances-per-task', 'tasks by their number of instances.', barChartSvg('Instances per task', instancesBars(shares.instancesPerTask))),
    ],
  };
}

function markdownOf({ seedSimilarity, lengths, shares, acceptance, diversity }: DatasetStats, tree: VerbNounTree): string {
  const mean = ({ mean }: Distribution, digits: number) => (mean === null ? '–' : mean.toFixed(digits));
  const value = (figure: number | null) => (figure === null ? '–' : figure.toFixed(3));
  const percent = (share: number | null) => (share === null ? '–' : `${(share * 100).toFixed(1)} %`);
  const rows: [string, string][] = [
    ['Instructions with a verb–object structure (Fig. 3)', percent(tree.instructions === 0 ? null : tree.share)],
    ['Mean ROUGE-L to the most similar seed (Fig. 4)', mean(seedSimilarity, 3)],
    ['Mean instruction length, words (Fig. 5)', mean(lengths.instructions, 1)],
    ['Mean non-empty input length, words', mean(lengths.inputs, 1)],
    ['Mean output length, words', mean(lengths.outputs, 1)],
    ['Tasks with an input', percent(shares.withInput)],
    ['Accepted candidates', percent(acceptance.rate)],
    ['Compression ratio (higher: more repetitive)', value(diversity.compressionRatio.value)],
    ['Self-repetition of 4-grams (higher: more repetitive)', value(diversity.selfRepetition.value)],
    ['Self-BLEU on a sample of 1,000 (higher: more alike)', value(diversity.selfBleu.value)],
    ['Distinct-1 / distinct-2', `${value(diversity.distinct1.value)} / ${value(diversity.distinct2.value)}`],
  ];
  const table = [['figure', 'value'], ['---', '---:'], ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
  const verbs = tree.verbs.map(({ verb, count, nouns }) => `${verb} ${count} (${nouns.map(({ noun }) => noun).join(', ')})`).join('; ');
  return [table, ...(verbs ? [`Top verbs, with their top nouns: ${verbs}.`] : []), 'The charts are in `figures/`.'].join('\n\n');
}
