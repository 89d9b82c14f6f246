import type { QualityQuestion } from '../vocabulary';

/** The paper's three questions, in its order (Self-Instruct §4.2, Table 2). */
export const AUDIT_QUESTIONS: readonly QualityQuestion[] = ['instruction', 'input', 'output'];

/** Each question as the paper asks it. */
export const QUESTION_TEXT: Readonly<Record<QualityQuestion, string>> = {
  instruction: 'Does the instruction describe a valid task?',
  input: 'Is the input appropriate for the instruction?',
  output: 'Is the output a correct and acceptable response to the instruction and input?',
};

/** A row of the result table: one question, or all three at once. */
export type AuditMeasure = QualityQuestion | 'all';

/** The table's row names, short enough for a phone. */
export const MEASURE_LABELS: Readonly<Record<AuditMeasure, string>> = {
  instruction: 'Valid instruction',
  input: 'Appropriate input',
  output: 'Acceptable output',
  all: 'All fields valid',
};

/** Table 2 of Self-Instruct: the authors' ratings of 200 tasks generated from GPT-3. */
export const PAPER_FIGURES: Readonly<Record<AuditMeasure, number>> = { instruction: 0.92, input: 0.79, output: 0.58, all: 0.54 };
