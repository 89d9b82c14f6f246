import { judgedContentHash } from '../judge';
import type { Audit, AuditAnswer, JudgeVerdict, QualityQuestion, StoredJudgment } from '../vocabulary';
import { auditItemState, type AuditedTask } from './item-state';
import { cohensKappa, countAgreement, NO_AGREEMENT, type AgreementCounts, type Kappa } from './kappa';
import { AUDIT_QUESTIONS, PAPER_FIGURES, type AuditMeasure } from './questions';
import { wilsonInterval, type Interval } from './wilson';

/** One row of the result table: how many rated items passed, with its 95% interval, beside the paper's figure. */
export interface AuditRow {
  measure: AuditMeasure;
  yes: number;
  n: number;
  /** yes / n; undefined while nothing is rated. */
  share?: number;
  interval?: Interval;
  paper: number;
}

/** The person's and the judge's answers to one question, over the rated items the judge has a current readable judgment of. */
export interface QuestionAgreement {
  question: QualityQuestion;
  counts: AgreementCounts;
  n: number;
  /** Observed agreement, (both yes + both no) / n; undefined for n = 0. */
  agreement?: number;
  kappa: Kappa;
}

export interface AuditReport {
  sampled: number;
  /** Answered items rated in the table. */
  rated: number;
  /** Sampled items whose task was deleted, or lost its shown instance, since sampling: skipped. */
  gone: number;
  /** Rated items whose task a person edited since sampling: rated as they are now. */
  edited: number;
  rows: AuditRow[];
  /** Per question; empty when no rated item has a current readable judgment. */
  agreement: QuestionAgreement[];
  /** Rated items without a current readable judgment (none, unreadable, or stale), so outside the agreement. */
  unjudged: number;
  /** The models whose judgments the agreement compares, in the order first met. */
  judgeModels: string[];
}

/**
 * The audit's result table (Self-Instruct Table 2's four rows, each with a Wilson interval) and,
 * where the judge has a CURRENT readable judgment of a rated task, its agreement with the person
 * per question. A judgment is current when its content hash is the task's hash now; the output
 * question compares the person's answer with the judge's verdict on the shown instance.
 */
export function auditReport(audit: Audit, tasks: ReadonlyMap<string, AuditedTask>, judgments: readonly StoredJudgment[]): AuditReport {
  const byTask = new Map(judgments.map((judgment) => [judgment.taskId, judgment]));
  const tally = new Map<AuditMeasure, number>();
  const agreement = new Map<QualityQuestion, AgreementCounts>();
  let rated = 0;
  let gone = 0;
  let edited = 0;
  let unjudged = 0;
  const judgeModels = new Set<string>();
  for (const item of audit.items) {
    const state = auditItemState(item, tasks.get(item.taskId), audit);
    if (state.kind === 'gone') {
      gone++;
      continue;
    }
    const answer = audit.answers[item.taskId];
    if (!answer) continue;
    rated++;
    if (state.kind === 'edited') edited++;
    for (const measure of measuresPassed(answer)) tally.set(measure, (tally.get(measure) ?? 0) + 1);
    const judgment = byTask.get(item.taskId);
    const verdict = currentVerdict(judgment, state.task);
    if (!judgment || !verdict) {
      unjudged++;
      continue;
    }
    judgeModels.add(judgment.modelId);
    const judge: Record<QualityQuestion, boolean | undefined> = {
      instruction: verdict.validInstruction,
      input: verdict.appropriateInput,
      output: verdict.acceptableOutputs[item.instance],
    };
    for (const question of AUDIT_QUESTIONS) {
      const said = judge[question];
      if (said !== undefined) agreement.set(question, countAgreement(agreement.get(question) ?? NO_AGREEMENT, answer[question], said));
    }
  }
  const measures: AuditMeasure[] = [...AUDIT_QUESTIONS, 'all'];
  return {
    sampled: audit.items.length,
    rated,
    gone,
    edited,
    rows: measures.map((measure) => row(measure, tally.get(measure) ?? 0, rated)),
    agreement: AUDIT_QUESTIONS.flatMap((question) => {
      const counts = agreement.get(question);
      return counts ? [questionAgreement(question, counts)] : [];
    }),
    unjudged,
    judgeModels: [...judgeModels],
  };
}

function measuresPassed(answer: AuditAnswer): AuditMeasure[] {
  const passed = AUDIT_QUESTIONS.filter((question) => answer[question]);
  return passed.length === AUDIT_QUESTIONS.length ? [...passed, 'all'] : passed;
}

function currentVerdict(judgment: StoredJudgment | undefined, task: AuditedTask): JudgeVerdict | undefined {
  if (!judgment || judgment.judgment.status !== 'judged') return undefined;
  return judgment.contentHash === judgedContentHash(task.instruction, task.instances) ? judgment.judgment.verdict : undefined;
}

function row(measure: AuditMeasure, yes: number, n: number): AuditRow {
  const interval = wilsonInterval(yes, n);
  return { measure, yes, n, paper: PAPER_FIGURES[measure], ...(n > 0 ? { share: yes / n } : {}), ...(interval ? { interval } : {}) };
}

function questionAgreement(question: QualityQuestion, counts: AgreementCounts): QuestionAgreement {
  const n = counts.bothYes + counts.bothNo + counts.personOnly + counts.judgeOnly;
  return { question, counts, n, ...(n > 0 ? { agreement: (counts.bothYes + counts.bothNo) / n } : {}), kappa: cohensKappa(counts) };
}
