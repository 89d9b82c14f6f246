// Judging a dataset: the Self-Instruct paper's three questions about a finished task (Table 2),
// answered by the loaded model (a judgment) or by a person (an audit). Types only.

/** The paper's questions, in its order: a valid task, an appropriate input, a correct output. */
export type QualityQuestion = 'instruction' | 'input' | 'output';

/** A score from 1 (unusable) to 5 (excellent), as AlpaGasus-style filters keep "score ≥ t". */
export type QualityScore = 1 | 2 | 3 | 4 | 5;

/** What the judge model said of one finished task. */
export interface JudgeVerdict {
  /** Does the instruction describe a valid task? */
  validInstruction: boolean;
  /** Are the inputs appropriate for the instruction (an empty input is, where the task needs none)? */
  appropriateInput: boolean;
  /** Is each output a correct and acceptable response to its instruction and input? In the task's instance order. */
  acceptableOutputs: boolean[];
  score: QualityScore;
  /** Why, in one sentence. */
  reason: string;
}

/** A judgment: a verdict, or the problem that kept the parser from reading one (the raw text is the call's). */
export type Judgment = { status: 'judged'; verdict: JudgeVerdict } | { status: 'unreadable'; problem: string };

/** One task's latest judgment, as stored (key: project, task). */
export interface StoredJudgment {
  projectId: string;
  taskId: string;
  /** The journaled model call (model, prompt, raw text) that gave it. */
  callId: string;
  modelId: string;
  judged: number;
  /**
   * The hash of the task's content as judged (its instruction, inputs and outputs): a person's
   * edit since then leaves the judgment stale, and a judge run judges the task again.
   */
  contentHash: string;
  judgment: Judgment;
}

/** How the judge asks: its prompt (editable like the method's templates) and sampling. */
export interface JudgeSettings {
  /** The system message; the task is shown in the user message by `user` (placeholders checked). */
  system: string;
  user: string;
  /** JSON-constrained answers where the engine supports them, else free text read tolerantly. */
  outputMode: 'json' | 'text';
  temperature: number;
  maxTokens: number;
  /** Judge each task as soon as a generation run finishes it. */
  whileGenerating: boolean;
}

/** A person's answers to the paper's questions about one audited task and instance. */
export type AuditAnswer = Record<QualityQuestion, boolean>;

/** One audited item: a finished task and the instance shown with it, as the paper rated one instance per task. */
export interface AuditItem {
  taskId: string;
  /** The index of the shown instance among the task's instances. */
  instance: number;
}

/** A project's audit (key: project): a seeded sample, answered one item at a time, kept across reloads. */
export interface Audit {
  projectId: string;
  seed: number;
  /** The sample, in the order it is shown. */
  items: AuditItem[];
  /** Answers by task id; an item without one is still to do. */
  answers: Record<string, AuditAnswer>;
  /** Set when the pool had fewer tasks to rate than asked for when the sample was drawn (all were taken). */
  short?: { asked: number; available: number };
  created: number;
  updated: number;
}
