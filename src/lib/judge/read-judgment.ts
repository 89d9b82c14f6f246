import { isRecord, readJson } from '../method';
import type { CompletionResult, JudgeVerdict, Judgment, QualityScore } from '../vocabulary';

/** What one answer gave; a field left out was not found. */
type VerdictDraft = Partial<Omit<JudgeVerdict, 'acceptableOutputs'>> & { acceptableOutputs?: boolean[] };

const FIELD_NAMES: Record<keyof JudgeVerdict, string> = {
  validInstruction: 'the valid-task answer',
  appropriateInput: 'the appropriate-input answer',
  acceptableOutputs: 'an answer for each output',
  score: 'a score from 1 to 5',
  reason: 'a reason',
};

// A reason is one sentence; a model that rambles on is cut here so a row stays a row.
const MAX_REASON = 500;

/**
 * The verdict in a judge's answer, or why there is none. Reads the JSON object the JSON mode asks
 * for, and otherwise the labelled lines of the text mode ("Valid task: yes", "Score: 4", …) with
 * the allowances a small model needs: any letter case, markdown emphasis and list marks, yes/no or
 * true/false, a score as "4/5", one answer standing for every output. Model output is untrusted:
 * nothing here throws.
 */
export function readJudgment(result: Pick<CompletionResult, 'text' | 'finishReason'>, instanceCount: number): Judgment {
  const text = result.text.trim();
  if (text === '') return unreadable('The answer was empty.');
  const json = readJson(text, { salvage: false });
  const draft = isRecord(json) ? fromJson(json, instanceCount) : fromText(text, instanceCount);
  if (typeof draft === 'string') return unreadable(draft);
  const missing = (Object.keys(FIELD_NAMES) as (keyof JudgeVerdict)[]).filter((field) => draft[field] === undefined);
  if (missing.length === 0) return { status: 'judged', verdict: draft as JudgeVerdict };
  const what = missing.map((field) => FIELD_NAMES[field]).join(', ');
  if (result.finishReason === 'length') return unreadable(`The answer was cut off at the token limit before it gave ${what}; raise the judge's max tokens.`);
  if (missing.length === Object.keys(FIELD_NAMES).length) return unreadable('No verdict could be read from the answer.');
  return unreadable(`The answer did not give ${what}.`);
}

function unreadable(problem: string): Judgment {
  return { status: 'unreadable', problem };
}

function fromJson(json: Record<string, unknown>, instanceCount: number): VerdictDraft | string {
  const field = (snake: string, camel: string) => json[snake] ?? json[camel];
  return draftOf(
    yesNo(field('valid_instruction', 'validInstruction')),
    yesNo(field('appropriate_input', 'appropriateInput')),
    outputsOf(field('acceptable_outputs', 'acceptableOutputs'), instanceCount),
    scoreOf(json.score),
    typeof json.reason === 'string' && json.reason.trim() !== '' ? json.reason : undefined,
  );
}

// "**Valid task:** Yes", "- Score: 4/5", "2) Appropriate input - no": a label, then its value.
const LABELS = {
  validInstruction: /valid\s+(?:task|instruction)\s*[:=-]\s*(.*)/i,
  appropriateInput: /appropriate\s+inputs?\s*[:=-]\s*(.*)/i,
  acceptableOutputs: /acceptable\s+outputs?\s*[:=-]\s*(.*)/i,
  score: /score\s*[:=-]\s*(.*)/i,
  reason: /reason\s*[:=-]\s*([\s\S]*)/i,
};

function fromText(text: string, instanceCount: number): VerdictDraft | string {
  const plain = text.replace(/[*_`#]/g, '');
  const value = (label: RegExp) => label.exec(plain)?.[1]?.trim();
  const outputs = value(LABELS.acceptableOutputs);
  return draftOf(
    yesNo(value(LABELS.validInstruction)),
    yesNo(value(LABELS.appropriateInput)),
    outputs === undefined ? undefined : outputsOf(outputs.match(/\b(?:yes|no|true|false)\b/gi) ?? [], instanceCount),
    scoreOf(value(LABELS.score)),
    value(LABELS.reason)?.replace(/\s+/g, ' ') || undefined,
  );
}

function draftOf(
  validInstruction: boolean | undefined,
  appropriateInput: boolean | undefined,
  acceptableOutputs: boolean[] | string | undefined,
  score: QualityScore | undefined,
  reason: string | undefined,
): VerdictDraft | string {
  if (typeof acceptableOutputs === 'string') return acceptableOutputs;
  const draft: VerdictDraft = {};
  if (validInstruction !== undefined) draft.validInstruction = validInstruction;
  if (appropriateInput !== undefined) draft.appropriateInput = appropriateInput;
  if (acceptableOutputs !== undefined) draft.acceptableOutputs = acceptableOutputs;
  if (score !== undefined) draft.score = score;
  if (reason !== undefined) draft.reason = reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
  return draft;
}

/** A yes or no at the start of a value (true/false too); anything else is no answer. */
function yesNo(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const word = /^\W*(yes|no|true|false)\b/i.exec(value)?.[1]?.toLowerCase();
  return word === undefined ? undefined : word === 'yes' || word === 'true';
}

/** One answer per output, in order; a single answer stands for all. A wrong count is a problem, told as such. */
function outputsOf(value: unknown, instanceCount: number): boolean[] | string | undefined {
  const list = Array.isArray(value) ? value : value === undefined ? undefined : [value];
  if (list === undefined || list.length === 0) return undefined;
  const answers = list.map(yesNo);
  if (answers.some((answer) => answer === undefined)) return undefined;
  if (answers.length === 1) return Array.from({ length: instanceCount }, () => answers[0]!);
  if (answers.length !== instanceCount) return `The answer judged ${answers.length} outputs, but the task has ${instanceCount}.`;
  return answers as boolean[];
}

/** A whole number from 1 to 5, as a number or at the start of a text ("4", "4/5", "4 out of 5"). */
function scoreOf(value: unknown): QualityScore | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(/^\D{0,3}?(\d+(?:\.\d+)?)/.exec(value)?.[1]) : NaN;
  return Number.isInteger(number) && number >= 1 && number <= 5 ? (number as QualityScore) : undefined;
}
