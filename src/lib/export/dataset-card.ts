import { formatKappa, formatShare, MEASURE_LABELS, type AuditReport } from '../audit';
import type { DatasetCardInfo, DatasetCounts, DatasetScope } from './types';

const GENERATOR = 'Self-Instruct Studio';

const LICENCE_REMINDER =
  'A model’s licence and its provider’s use policy can restrict what its outputs may be used for, ' +
  'and seed tasks keep the licence of their source. Check both before you share this dataset or train a model on it.';

const CITATION = `@inproceedings{wang-etal-2023-self-instruct,
  title = {Self-Instruct: Aligning Language Models with Self-Generated Instructions},
  author = {Wang, Yizhong and Kordi, Yeganeh and Mishra, Swaroop and Liu, Alisa and Smith, Noah A. and Khashabi, Daniel and Hajishirzi, Hannaneh},
  booktitle = {Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)},
  year = {2023},
  pages = {13484--13508},
  doi = {10.18653/v1/2023.acl-long.754}
}`;

/** One file in the export, for the card's list. */
export interface CardFile {
  name: string;
  about: string;
}

/**
 * The dataset card, README.md: what is in the export and how it was made (its scope when it is
 * part of the pool, counts, models and their licence notes, method settings, seed set size,
 * date), the files, and the citation.
 */
export function datasetCard(info: DatasetCardInfo, counts: DatasetCounts, files: readonly CardFile[]): string {
  return [
    `# ${inline(info.title)}`,
    `An instruction-tuning dataset made with the Self-Instruct method (Wang et al., 2023) by ${GENERATOR}, which runs the model in the browser.`,
    '## Contents',
    ...(info.scope ? [scope(info.scope)] : []),
    contents(counts, info.seedCount),
    '## Files',
    files.map(({ name, about }) => `- \`${name}\`: ${about}`).join('\n'),
    '## How it was made',
    [`- Generator: ${GENERATOR}`, `- Date: ${info.created.toISOString()}`, ...models(info, counts)].join('\n'),
    settings(info.settings),
    ...(info.audit ? auditSection(info.audit) : []),
    '## Licence',
    LICENCE_REMINDER,
    '## Citation',
    `\`\`\`bibtex\n${CITATION}\n\`\`\``,
  ].join('\n\n') + '\n';
}

function contents(counts: DatasetCounts, seedCount: number): string {
  const rows: [string, string][] = [
    ['Tasks (accepted, with at least one instance)', number(counts.tasks)],
    ['Instances', number(counts.instances)],
    ['Classification tasks', `${number(counts.classification)} (${share(counts.classification, counts.tasks)})`],
    ['Tasks edited by a person', number(counts.edited)],
    ['Accepted tasks left out, no instance survived the filters', number(counts.withoutInstances)],
    ['Rejected candidates', number(counts.rejected)],
    ['Seed tasks', number(seedCount)],
  ];
  const byRule = Object.entries(counts.rejectedByRule).map(([rule, count]) => `${rule} ${number(count)}`);
  return [table(['', 'count'], rows), ...(byRule.length > 0 ? [`Rejected by rule: ${byRule.join(', ')}.`] : [])].join('\n\n');
}

function scope({ label, count, total }: DatasetScope): string {
  return `Scope: ${inline(label)}, ${number(count)} of ${number(total)} finished tasks.`;
}

function models(info: DatasetCardInfo, counts: DatasetCounts): string[] {
  if (counts.models.length === 0) return ['- Model: none (the dataset has no tasks)'];
  return counts.models.map((id) => `- Model: \`${inline(id)}\`. Licence: ${inline(info.modelLicences[id] ?? 'not recorded; see the model’s page')}`);
}

function settings(values: DatasetCardInfo['settings']): string {
  const rows = Object.entries(values).map(([name, value]): [string, string] => [name, String(value)]);
  return rows.length === 0 ? 'Method settings: not recorded.' : `Method settings:\n\n${table(['setting', 'value'], rows)}`;
}

/**
 * A person's audit with the paper's three questions: the result table beside Self-Instruct's
 * Table 2, with 95% Wilson intervals, and the judge model's agreement where it has one.
 */
function auditSection({ seed, report }: NonNullable<DatasetCardInfo['audit']>): string[] {
  const skipped = report.gone > 0 ? ` ${number(report.gone)} sampled tasks deleted since sampling are left out.` : '';
  const edited = report.edited > 0 ? ` ${number(report.edited)} tasks edited since sampling are rated as they are now.` : '';
  const rows = report.rows.map((row) => [MEASURE_LABELS[row.measure], `${number(row.yes)} of ${number(row.n)}`, formatShare(row.share, row.interval), formatShare(row.paper)]);
  return [
    '## Quality audit',
    `A person rated ${number(report.rated)} of a seeded random sample of ${number(report.sampled)} finished tasks (seed ${seed}), one instance each, ` +
      `with the three questions of the Self-Instruct paper (its Table 2 rates 200 tasks).${skipped}${edited} Shares are given with their 95% Wilson interval.`,
    table(['question', 'yes', 'share (95% interval)', 'Self-Instruct paper'], rows),
    ...judgeAgreement(report),
  ];
}

function judgeAgreement(report: AuditReport): string[] {
  if (report.agreement.length === 0) return ['No judge model had a current, readable judgment of the rated tasks, so no agreement is reported.'];
  const models = report.judgeModels.map((id) => `\`${inline(id)}\``).join(', ');
  const rows = report.agreement.map(({ question, n, agreement, kappa, counts }) => [
    MEASURE_LABELS[question],
    number(n),
    formatShare(agreement),
    formatKappa(kappa),
    `${counts.bothYes} / ${counts.bothNo} / ${counts.personOnly} / ${counts.judgeOnly}`,
  ]);
  return [
    `Agreement of the judge model (${models}) with the person, on the rated tasks it has a current, readable judgment of:`,
    table(['question', 'tasks', 'agreement', "Cohen's kappa", 'both yes / both no / person only / judge only'], rows),
  ];
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((cells) => `| ${cells.map(cell).join(' | ')} |`).join('\n');
}

/** A table cell: on one line, with "|" escaped so that it cannot end the cell. */
function cell(text: string): string {
  return inline(text).replaceAll('|', '\\|');
}

function inline(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function number(value: number): string {
  return value.toLocaleString('en-US');
}

function share(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${((100 * part) / whole).toFixed(1)}%`;
}
