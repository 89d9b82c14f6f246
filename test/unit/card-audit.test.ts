// The dataset card's "Quality audit" section: the audit table with Wilson intervals beside the
// paper's figures and the judge's agreement, as written by datasetCard and by the download worker
// (prepareDownload reads the project's audit from the store).
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { auditReport, type AuditedTask } from '../../src/lib/audit';
import { createDownloadService } from '../../src/lib/download';
import { countDataset } from '../../src/lib/export/count-dataset';
import { datasetCard } from '../../src/lib/export/dataset-card';
import { judgedContentHash } from '../../src/lib/judge';
import { openStudioDB, QualityStore } from '../../src/lib/store';
import type { Audit, StoredJudgment } from '../../src/lib/vocabulary';
import { runRow, spiceStep } from '../fixtures/pool-rows';
import { freshDatabase } from '../helpers/fresh-database';

const task = (id: string): AuditedTask => ({ instruction: `Do ${id}.`, instances: [{ input: '', output: id }] });
const TASKS = new Map(['a', 'b', 'c'].map((id) => [id, task(id)]));
const AUDIT: Audit = {
  projectId: 'p',
  seed: 7,
  items: ['a', 'b', 'c', 'gone'].map((taskId) => ({ taskId, instance: 0 })),
  answers: {
    a: { instruction: true, input: true, output: true },
    b: { instruction: true, input: true, output: false },
    c: { instruction: false, input: true, output: false },
  },
  created: 1,
  updated: 1,
};
const judged = (taskId: string, validInstruction: boolean): StoredJudgment => ({
  projectId: 'p',
  taskId,
  callId: 'c',
  modelId: 'judge-model',
  judged: 2,
  contentHash: judgedContentHash(task(taskId).instruction, task(taskId).instances),
  judgment: { status: 'judged', verdict: { validInstruction, appropriateInput: true, acceptableOutputs: [true], score: 4, reason: 'Fine.' } },
});
const INFO = { title: 'T', modelLicences: {}, settings: {}, seedCount: 1, created: new Date(0) };
const card = (judgments: StoredJudgment[]) =>
  datasetCard({ ...INFO, audit: { seed: AUDIT.seed, report: auditReport(AUDIT, TASKS, judgments) } }, countDataset([], []), []);

describe('the card’s audit section', () => {
  it('gives each question’s count and share with its Wilson interval beside the paper, and what was skipped', () => {
    const text = card([]);
    expect(text).toContain('## Quality audit');
    expect(text).toContain('A person rated 3 of a seeded random sample of 4 finished tasks (seed 7)');
    expect(text).toContain('1 sampled tasks deleted since sampling are left out.');
    // 2 of 3: p = 2/3, z² = 3.8415; centre = (0.66667 + 0.64025) / 2.28049 = 0.57309,
    // half = 1.96/2.28049 × √(0.074074 + 0.106708) = 0.36543: 21% to 94%.
    expect(text).toContain('| Valid instruction | 2 of 3 | 67% (21–94%) | 92% |');
    // 3 of 3: centre = (1 + 0.64025) / 2.28049 = 0.71925, half = 0.85946 × √0.106708 = 0.28075: 44% to 100%.
    expect(text).toContain('| Appropriate input | 3 of 3 | 100% (44–100%) | 79% |');
    // 1 of 3: 6% to 79% (see audit-report.test.ts).
    expect(text).toContain('| Acceptable output | 1 of 3 | 33% (6–79%) | 58% |');
    expect(text).toContain('| All fields valid | 1 of 3 | 33% (6–79%) | 54% |');
    expect(text).toContain('No judge model had a current, readable judgment of the rated tasks');
    // Before the licence, after how the dataset was made.
    expect(text.indexOf('## Quality audit')).toBeGreaterThan(text.indexOf('## How it was made'));
    expect(text.indexOf('## Quality audit')).toBeLessThan(text.indexOf('## Licence'));
  });

  it('names the judge model and gives its agreement and kappa per question', () => {
    // Instruction: person yes, yes, no; judge yes, no, no → both yes 1, both no 1, person only 1:
    // observed 2/3; person yes 2/3, judge yes 1/3; chance 2/9 + 2/9 = 4/9; kappa = (6/9 − 4/9) / (5/9) = 0.4.
    // Input: both always yes → one class, kappa undefined.
    const text = card([judged('a', true), judged('b', false), judged('c', false)]);
    expect(text).toContain('Agreement of the judge model (`judge-model`) with the person');
    expect(text).toContain('| Valid instruction | 3 | 67% | 0.40 | 1 / 1 / 1 / 0 |');
    expect(text).toContain('| Appropriate input | 3 | 100% | undefined (one answer throughout) | 3 / 0 / 0 / 0 |');
  });

  it('is left out when there is no audit', () => {
    expect(datasetCard(INFO, countDataset([], []), [])).not.toContain('Quality audit');
  });
});

describe('the download worker', () => {
  async function download(audit?: (projectId: string) => Audit) {
    const { factory, db, projects, pool } = await freshDatabase();
    const { id: projectId } = await projects.create('Kitchen');
    await pool.saveGeneration(spiceStep(projectId));
    await pool.saveRun(runRow({ id: 'run-1', projectId }));
    if (audit) await new QualityStore(db).saveAudit(audit(projectId));
    const prepared = await createDownloadService(() => openStudioDB(factory)).prepare({ projectId, formats: ['self-instruct-jsonl', 'alpaca-json'], includeRejected: false }, () => {});
    return strFromU8(unzipSync(new Uint8Array(await prepared.blob.arrayBuffer()))['README.md']!);
  }
  const spiceAudit = (answers: Audit['answers']) => (projectId: string): Audit => ({ projectId, seed: 3, items: [{ taskId: 'task-1', instance: 0 }], answers, created: 1, updated: 1 });

  it('writes the project’s audit into the card once it has an answer', async () => {
    const text = await download(spiceAudit({ 'task-1': { instruction: true, input: true, output: false } }));
    expect(text).toContain('(seed 3)');
    expect(text).toContain('| Acceptable output | 0 of 1 |');
  });

  it('leaves the section out for an audit without answers, or none', async () => {
    expect(await download(spiceAudit({}))).not.toContain('Quality audit');
    expect(await download()).not.toContain('Quality audit');
  });
});
