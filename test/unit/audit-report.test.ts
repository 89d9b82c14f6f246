// The audit's result table (Table 2's rows with Wilson intervals) and the judge's agreement per
// question, from answers, tasks as they are now and stored judgments (current, stale, unreadable).
import { describe, expect, it } from 'vitest';
import { auditItemState, auditReport, type AuditedTask } from '../../src/lib/audit';
import { judgedContentHash } from '../../src/lib/judge';
import type { Audit, AuditAnswer, JudgeVerdict, StoredJudgment } from '../../src/lib/vocabulary';

const CREATED = 1000;
const task = (id: string, edited?: number): AuditedTask => ({
  instruction: `Do ${id}.`,
  instances: [
    { input: '', output: `${id} zero` },
    { input: 'x', output: `${id} one` },
  ],
  ...(edited ? { edited } : {}),
});
const answer = (instruction: boolean, input: boolean, output: boolean): AuditAnswer => ({ instruction, input, output });
const judged = (taskId: string, of: AuditedTask, verdict: Partial<JudgeVerdict>, hash = judgedContentHash(of.instruction, of.instances)): StoredJudgment => ({
  projectId: 'p',
  taskId,
  callId: `c-${taskId}`,
  modelId: 'm',
  judged: 2000,
  contentHash: hash,
  judgment: { status: 'judged', verdict: { validInstruction: true, appropriateInput: true, acceptableOutputs: [true, true], score: 4, reason: 'ok', ...verdict } },
});

function audit(answers: Record<string, AuditAnswer>, ids = ['a', 'b', 'c', 'd', 'e']): Audit {
  return { projectId: 'p', seed: 1, items: ids.map((taskId) => ({ taskId, instance: 1 })), answers, created: CREATED, updated: CREATED };
}

describe('auditItemState', () => {
  it('tells a task as sampled, edited since, deleted, or without its shown instance', () => {
    const item = { taskId: 'a', instance: 1 };
    expect(auditItemState(item, task('a'), { created: CREATED }).kind).toBe('as-sampled');
    expect(auditItemState(item, task('a', CREATED - 1), { created: CREATED }).kind).toBe('as-sampled');
    expect(auditItemState(item, task('a', CREATED + 1), { created: CREATED }).kind).toBe('edited');
    expect(auditItemState(item, undefined, { created: CREATED })).toEqual({ kind: 'gone', why: 'deleted' });
    expect(auditItemState({ taskId: 'a', instance: 2 }, task('a'), { created: CREATED })).toEqual({ kind: 'gone', why: 'instance-removed' });
  });
});

describe('auditReport', () => {
  const tasks = new Map(['a', 'b', 'c', 'd'].map((id) => [id, task(id)]));

  it('counts each question, and all valid, over the answered items with Wilson intervals beside the paper', () => {
    // a: yes yes yes; b: yes no yes; c: no yes no; d unanswered; e deleted (not in the tasks).
    // Instruction 2/3, input 2/3, output 2/3, all valid 1/3 (only a).
    const report = auditReport(audit({ a: answer(true, true, true), b: answer(true, false, true), c: answer(false, true, false) }), tasks, []);
    expect(report).toMatchObject({ sampled: 5, rated: 3, gone: 1, edited: 0, unjudged: 3, agreement: [], judgeModels: [] });
    expect(report.rows.map(({ measure, yes, n, paper }) => [measure, yes, n, paper])).toEqual([
      ['instruction', 2, 3, 0.92],
      ['input', 2, 3, 0.79],
      ['output', 2, 3, 0.58],
      ['all', 1, 3, 0.54],
    ]);
    // 1 of 3: p = 1/3, z² = 3.8415; centre = (0.33333 + 0.64025) / 2.28049 = 0.42691;
    // half = 1.96/2.28049 × √(0.074074 + 0.106708) = 0.85946 × 0.42518 = 0.36543: 0.0615 to 0.7923.
    expect(report.rows[3]!.share).toBeCloseTo(1 / 3, 10);
    expect(report.rows[3]!.interval!.low).toBeCloseTo(0.0615, 3);
    expect(report.rows[3]!.interval!.high).toBeCloseTo(0.7923, 3);
  });

  it('leaves a deleted task’s answer out of the table and rates an edited task as it is now', () => {
    const now = new Map([...tasks, ['a', task('a', CREATED + 5)]]);
    now.delete('b');
    const report = auditReport(audit({ a: answer(true, true, true), b: answer(false, false, false) }), now, []);
    expect(report).toMatchObject({ rated: 1, gone: 2, edited: 1 });
    expect(report.rows.map((row) => row.yes)).toEqual([1, 1, 1, 1]);
  });

  it('has no share nor interval before any answer', () => {
    const report = auditReport(audit({}), tasks, []);
    expect(report.rows.every((row) => row.n === 0 && row.share === undefined && row.interval === undefined)).toBe(true);
  });

  it('compares the judge on current readable judgments only, its output verdict on the shown instance', () => {
    // Person: a yes yes yes, b yes no yes, c no yes no, d yes yes no.
    // Judge: a current (yes, yes, outputs [no, yes] → shown instance 1: yes); b current (yes, yes, [yes, no] → no);
    // c current (no, yes, [yes, yes] → yes); d stale (hash of other text): left out.
    // instruction: a Y/Y, b Y/Y, c N/N → bothYes 2, bothNo 1: agreement 1, chance 2/3·2/3 + 1/3·1/3 = 5/9, kappa 1.
    // input: a Y/Y, b N/Y, c Y/Y → bothYes 2, judgeOnly 1; person yes 2/3, judge yes 1: chance 2/3, observed 2/3, kappa 0.
    // output: a Y/Y, b Y/N, c N/Y → bothYes 1, personOnly 1, judgeOnly 1; observed 1/3, chance 2/3·2/3 + 1/3·1/3 = 5/9,
    // kappa = (1/3 − 5/9) / (4/9) = −0.5.
    const judgments = [
      judged('a', task('a'), { acceptableOutputs: [false, true] }),
      judged('b', task('b'), { acceptableOutputs: [true, false] }),
      judged('c', task('c'), { validInstruction: false }),
      judged('d', task('d'), {}, 'stale-hash'),
    ];
    const answers = { a: answer(true, true, true), b: answer(true, false, true), c: answer(false, true, false), d: answer(true, true, false) };
    const report = auditReport(audit(answers), tasks, judgments);
    expect(report.unjudged).toBe(1);
    expect(report.judgeModels).toEqual(['m']);
    const [instruction, input, output] = report.agreement;
    expect(instruction).toMatchObject({ question: 'instruction', n: 3, counts: { bothYes: 2, bothNo: 1, personOnly: 0, judgeOnly: 0 }, agreement: 1 });
    expect(instruction!.kappa).toEqual({ kind: 'value', value: 1 });
    expect(input).toMatchObject({ n: 3, counts: { bothYes: 2, bothNo: 0, personOnly: 0, judgeOnly: 1 }, kappa: { kind: 'value', value: 0 } });
    expect(input!.agreement).toBeCloseTo(2 / 3, 10);
    expect(output).toMatchObject({ n: 3, counts: { bothYes: 1, bothNo: 0, personOnly: 1, judgeOnly: 1 } });
    expect(output!.kappa.kind === 'value' && output!.kappa.value).toBeCloseTo(-0.5, 10);
  });

  it('leaves unreadable judgments and edited-since-judged tasks out of the agreement', () => {
    const unreadable: StoredJudgment = { ...judged('a', task('a'), {}), judgment: { status: 'unreadable', problem: 'no JSON' } };
    const beforeEdit = judged('b', task('b'), {});
    const edited = new Map([...tasks, ['b', { ...task('b', CREATED + 1), instruction: 'Do b, edited.' }]]);
    const report = auditReport(audit({ a: answer(true, true, true), b: answer(true, true, true) }), edited, [unreadable, beforeEdit]);
    expect(report).toMatchObject({ rated: 2, unjudged: 2, agreement: [] });
  });
});
