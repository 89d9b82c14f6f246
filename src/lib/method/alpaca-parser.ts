import type { CompletionResult, MethodSettings } from '../vocabulary';
import { FENCE, fieldValue, inputOrEmpty, withoutMarkup } from './field-text';
import { listField, readJson, stringField } from './json-read';
import { collapseWhitespace } from './whitespace';

/** A whole task from Alpaca's one-shot generation: its instruction and one instance. */
export interface AlpacaTask {
  instruction: string;
  input: string;
  output: string;
}

type Slot = keyof AlpacaTask;
type Draft = Partial<Record<Slot, string[]>>;

// "4. Instruction: …", "Instruction 4: …", "**Input:**", "- Output: …"; chat models often say "Response".
const FIELD = /^(?:\d{1,3}\s*[.)]?\s*)?(instruction|input|output|response)\s*\d*\s*:\s*(.*)$/i;
const SLOTS: Record<string, Slot> = { instruction: 'instruction', input: 'input', output: 'output', response: 'output' };
// Lines between tasks: Alpaca's "###", a rule, or a heading such as "**Task 5:**". Not a bare
// number, which may well be an output.
const SEPARATOR = /^\s*(?:#{3,}|[-*_=]{3,})\s*$/;
const HEADER = /^(?:task|example)\s*#?\s*\d{1,3}\s*[:.)]?$/i;

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
  const drafts = readDrafts(text);
  return (whole ? drafts : drafts.slice(0, -1)).flatMap((draft) =>
    draft.output ? taskOf(fieldValue(draft.instruction), fieldValue(draft.input), fieldValue(draft.output)) : [],
  );
}

function readDrafts(text: string): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let slot: Slot | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (FENCE.test(line)) continue;
    const bare = withoutMarkup(line);
    if (SEPARATOR.test(line) || HEADER.test(bare)) {
      slot = undefined;
      continue;
    }
    const field = FIELD.exec(bare);
    const named = field ? SLOTS[field[1]!.toLowerCase()] : undefined;
    if (named === 'instruction') drafts.push((current = {}));
    if (named && current && !current[named]) {
      current[named] = [field![2]!];
      slot = named;
    } else if (current && slot) {
      current[slot]!.push(line);
    }
  }
  return drafts;
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
