// The judge's columns in the exports: Self-Instruct JSONL, CSV and Parquet carry a current verdict
// (each output's own in the per-instance table), empty or null for a task not judged, judged
// unreadably or edited since; the other formats are unchanged; the same pool and judgments give
// the same bytes; and the download worker reads the judgments with the rows.
import { strFromU8, unzipSync } from 'fflate';
import { parquetReadObjects } from 'hyparquet';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { createDownloadService } from '../../src/lib/download';
import { withJudgments } from '../../src/lib/download/judged-rows';
import { exportFile, type ExportFormat } from '../../src/lib/export';
import { CurationStore, openStudioDB } from '../../src/lib/store';
import type { ExportRow, GenerationStep } from '../../src/lib/vocabulary';
import { judgmentOf, unreadableOf } from '../fixtures/judgments';
import { callRow, runRow, taskRow } from '../fixtures/pool-rows';
import { freshDatabase } from '../helpers/fresh-database';

const row = (id: string, instruction: string, outputs: string[]): ExportRow => ({
  task: taskRow({ id, instruction }),
  instances: outputs.map((output) => ({ input: '', output })),
  modelId: 'writer-model',
});

const ROWS = [row('t1', 'Name two fruits.', ['Apple', 'Rock']), row('t2', 'Say hi.', ['Hi']), row('t3', 'Count to two.', ['1 2']), row('t4', 'Spell cat.', ['c-a-t'])];
const about = ({ task, instances }: ExportRow) => ({ id: task.id, instruction: task.instruction, instances });
const JUDGED = withJudgments(ROWS, [
  judgmentOf(about(ROWS[0]!), 3, { acceptableOutputs: [true, false], reason: 'One output is wrong.' }),
  unreadableOf(about(ROWS[1]!)),
  // Judged before an edit: the content hash is of another text.
  { ...judgmentOf(about(ROWS[2]!), 5), contentHash: 'before-the-edit' },
]);

const text = (format: ExportFormat, rows: ExportRow[]) => [...exportFile(format, rows).chunks].join('');

describe('withJudgments', () => {
  test('attaches only a current, readable verdict, with the judging model', () => {
    expect(JUDGED.map((exported) => exported.judge?.verdict.score)).toEqual([3, undefined, undefined, undefined]);
    expect(JUDGED[0]!.judge).toMatchObject({ modelId: 'judge-model', verdict: { acceptableOutputs: [true, false] } });
  });
});

describe('judge columns', () => {
  test('Self-Instruct JSONL: one field per question, the outputs’ verdicts in instance order, null without a current verdict', () => {
    const records = text('self-instruct-jsonl', JUDGED).trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(records[0]).toMatchObject({
      id: 't1',
      judge_score: 3,
      judge_valid_instruction: true,
      judge_appropriate_input: true,
      judge_acceptable_outputs: [true, false],
      judge_reason: 'One output is wrong.',
      judge_model: 'judge-model',
    });
    for (const record of records.slice(1)) expect(record).toMatchObject({ judge_score: null, judge_acceptable_outputs: null, judge_reason: null, judge_model: null });
  });

  test('CSV: each instance carries its own output’s verdict; empty cells without a current verdict', () => {
    const parsed = Papa.parse<Record<string, string>>(text('csv', JUDGED).slice(1), { header: true, skipEmptyLines: true }).data;
    expect(parsed.map((cells) => [cells.output, cells.judge_score, cells.judge_acceptable_output, cells.judge_model])).toEqual([
      ['Apple', '3', 'true', 'judge-model'],
      ['Rock', '3', 'false', 'judge-model'],
      ['Hi', '', '', ''],
      ['1 2', '', '', ''],
      ['c-a-t', '', '', ''],
    ]);
  });

  test('Parquet: typed judge columns, null without a current verdict', async () => {
    const bytes = Uint8Array.from([...exportFile('parquet', JUDGED).chunks].flatMap((chunk) => [...(chunk as Uint8Array)]));
    const records = await parquetReadObjects({ file: bytes.buffer });
    expect(records[1]).toMatchObject({ output: 'Rock', judge_score: 3, judge_valid_instruction: true, judge_acceptable_output: false, judge_reason: 'One output is wrong.', judge_model: 'judge-model' });
    expect(records[2]).toMatchObject({ output: 'Hi', judge_score: null, judge_valid_instruction: null, judge_acceptable_output: null, judge_reason: null, judge_model: null });
  });

  test.each<ExportFormat>(['alpaca-json', 'sharegpt-json', 'openai-jsonl', 'prompt-completion-jsonl'])('%s is the same with or without judgments', (format) => {
    expect(text(format, JUDGED)).toBe(text(format, ROWS));
  });
});

/** Three finished tasks a, b, c, each with one instance. */
function threeTasks(projectId: string): GenerationStep {
  return {
    call: callRow(projectId, 'call-1'),
    candidates: ['a', 'b', 'c'].map((id) => taskRow({ id, projectId, instruction: `Task ${id}.`, instanceCount: 1 })),
    instances: ['a', 'b', 'c'].map((id) => ({ id: `inst-${id}`, projectId, taskId: id, callId: 'call-1', input: '', output: `Output ${id}` })),
  };
}

describe('the download worker', () => {
  async function judgedProject() {
    const { factory, db, projects, pool } = await freshDatabase();
    const { id: projectId } = await projects.create('Judged');
    await pool.saveGeneration(threeTasks(projectId));
    await pool.saveRun(runRow({ id: 'run-1', projectId }));
    const task = (id: string) => ({ id, projectId, instruction: `Task ${id}.`, instances: [{ input: '', output: `Output ${id}` }] });
    await Promise.all([db.put('judgments', judgmentOf(task('a'), 5)), db.put('judgments', judgmentOf(task('b'), 2))]);
    return { service: createDownloadService(() => openStudioDB(factory)), projectId, curation: new CurationStore(db) };
  }

  const scores = async (blob: Blob) => (await blob.text()).trimEnd().split('\n').map((line) => (JSON.parse(line) as { id: string; judge_score: number | null }).judge_score);

  test('reads the judgments with the rows; a person’s edit leaves its task’s columns empty', async () => {
    const { service, projectId, curation } = await judgedProject();
    const request = { projectId, formats: ['self-instruct-jsonl' as const], includeRejected: false };
    expect(await scores((await service.prepare(request, () => {})).blob)).toEqual([5, 2, null]);
    await curation.apply(projectId, { kind: 'edit', taskId: 'b', edit: { instruction: 'Task b, edited.', isClassification: false, instances: [{ input: '', output: 'Output b' }] } });
    expect(await scores((await service.prepare(request, () => {})).blob)).toEqual([5, null, null]);
  });

  test('"judged t or more only" keeps the tasks with a current verdict of t or more, within a scope too, and the card names it', async () => {
    const { service, projectId } = await judgedProject();
    const judgedFrom = 2 as const;
    expect(await scores((await service.prepare({ projectId, formats: ['self-instruct-jsonl'], includeRejected: false, judgedFrom }, () => {})).blob)).toEqual([5, 2]);
    const scope = { label: 'The selection', taskIds: ['b', 'c'] };
    const prepared = await service.prepare({ projectId, formats: ['self-instruct-jsonl'], includeRejected: true, scope, judgedFrom }, () => {});
    const files = unzipSync(new Uint8Array(await prepared.blob.arrayBuffer()));
    expect(strFromU8(files['README.md']!)).toContain('Scope: The selection, Judged 2 or more only, 1 of 3 finished tasks.');
    expect(prepared.tasks).toBe(1);
  });

  test('the same pool and judgments give the same bytes, in every format with judge columns', async () => {
    const { service, projectId } = await judgedProject();
    for (const format of ['self-instruct-jsonl', 'csv', 'parquet'] as const) {
      const request = { projectId, formats: [format], includeRejected: false };
      const [first, second] = await Promise.all([service.prepare(request, () => {}), service.prepare(request, () => {})]);
      expect(new Uint8Array(await first.blob.arrayBuffer()), format).toEqual(new Uint8Array(await second.blob.arrayBuffer()));
    }
  });
});
