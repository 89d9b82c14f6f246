import type { CompletionResult, Instance, MethodSettings } from '../vocabulary';
import { readDrafts, type DraftLayout } from './field-drafts';
import { fieldValue, inputOrEmpty, withoutMarkup } from './field-text';
import { listField, readJson, stringField } from './json-read';
import { collapseWhitespace } from './whitespace';

/** A whole task from Alpaca's one-shot generation: its instruction and one instance. */
export interface AlpacaTask extends Instance {
  instruction: string;
}

// "4. Instruction: …", "Instruction 4: …", "**Input:**", "- Output: …"; chat models often say "Response".
const FIELD = /^(?:\d{1,3}\s*[.)]?\s*)?(instruction|input|output|response)\s*\d*\s*:\s*(.*)$/i;
// Lines between tasks: Alpaca's "###", a rule, or a heading such as "**Task 5:**". Not a bare
// number, which may well be an output.
const SEPARATOR = /^\s*(?:#{3,}|[-*_=]{3,})\s*$/;
const HEADER = /^(?:task|example)\s*#?\s*\d{1,3}\s*[:.)]?$/i;

const LAYOUT: DraftLayout<keyof AlpacaTask> = {
  field: FIELD,
  slots: { instruction: 'instruction', input: 'input', output: 'output', response: 'output' },
  isBreak: (bare, line) => SEPARATOR.test(line) || HEADER.test(bare),
  opener: 'instruction',
};

/**
 * The tasks in an Alpaca-style response, at most `maxNewPerPrompt` (20), for the caller to screen.
 *
 * Text: each "Instruction:" field starts a task, numbered or not, in bold or not; its "Input:" and
 * "Output:" (or "Response:") fields follow, and a value runs until the next field or separator, so
 * it may span lines. A field a task already has is text of the current value, so an output may
 * quote an "Input:" line. A missing input, "<noinput>" or "none" is "". A task without an output
 * field is dropped. Preambles, code fences and closing remarks are left out. After a completion
 * prompt, which ends with "Instruction:", the response starts inside the instruction. As Alpaca
 * does (anchor §2.4), the last task of a response cut off by the token limit, or interrupted, is
 * dropped.
 *
 * JSON: the "tasks" list of the first JSON object, entries with a string instruction and output
 * (input may be missing); of a cut-off object only whole entries are kept (see readJson).
 */
export function parseAlpacaTasks(result: CompletionResult, settings: MethodSettings): AlpacaTask[] {
  const tasks = settings.outputMode === 'json' ? fromJson(result.text) : fromText(continued(result.text, settings), result.finishReason === 'stop');
  return tasks.slice(0, settings.maxNewPerPrompt);
}

function fromJson(text: string): AlpacaTask[] {
  return (listField(readJson(text, { salvage: true }), 'tasks') ?? []).flatMap((entry) => {
    const [instruction, output] = [stringField(entry, 'instruction'), stringField(entry, 'output')];
    if (instruction === undefined || output === undefined) return [];
    return taskOf(instruction, stringField(entry, 'input') ?? '', output);
  });
}

function fromText(text: string, whole: boolean): AlpacaTask[] {
  const drafts = readDrafts(text, LAYOUT);
  return (whole ? drafts : drafts.slice(0, -1)).flatMap((draft) =>
    draft.output ? taskOf(fieldValue(draft.instruction), fieldValue(draft.input), fieldValue(draft.output)) : [],
  );
}

function taskOf(instruction: string, input: string, output: string): AlpacaTask[] {
  const task = { instruction: collapseWhitespace(instruction), input: inputOrEmpty(input), output: output.trim() };
  return task.instruction === '' ? [] : [task];
}

// The completion prompt ended with "N. Instruction:": give the first task its label back.
function continued(text: string, settings: MethodSettings): string {
  if (settings.promptStyle !== 'completion') return text;
  return FIELD.test(withoutMarkup(text.trimStart().split('\n')[0] ?? '')) ? text : `Instruction: ${text.trimStart()}`;
}
