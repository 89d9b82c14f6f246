import type { CompletionResult, Instance } from '../run/ports';
import { NO_INPUT } from './instance-prompt';

type Slot = keyof Instance;
type Draft = Partial<Record<Slot, string[]>>;

// Which field label fills which slot. A classification example's label is its output; a model
// that writes "Output:" or "Class label:" for it, as the original's format did, is understood too.
const GENERATION_FIELDS: Record<string, Slot> = { input: 'input', output: 'output' };
const CLASSIFICATION_FIELDS: Record<string, Slot> = {
  input: 'input',
  label: 'output',
  'class label': 'output',
  class: 'output',
  output: 'output',
};
const FIELD = /^(input|output|label|class label|class)\s*\d*\s*:\s*(.*)$/i;
const HEADER = /^example\s*#?\s*\d*\s*[:.]?$/i;
const FENCE = /^\s*```/;
// The "none" the prompt asks for, and other ways a model says there is no input.
const NO_INPUT_SPELLINGS = new Set([NO_INPUT, '(none)', '<none>', '[none]', '<noinput>', 'no input', '(no input)', 'n/a', '-', 'empty']);
// A closing remark about the examples, which would otherwise end up in the last output.
const CHATTER =
  /^(?:(?:i hope|hope) (?:these|this|that) (?:examples? )?(?:help|are|is)|let me know|feel free to|(?:these|the above|all|each of these) (?:examples?|instances?)\b|note:|i(?: have|'ve) (?:provided|written|created|included))/i;

/**
 * The examples in an instances response: "Example N" blocks of "Input:"/"Output:" fields, or of
 * "Label:"/"Input:" fields for a classification task (the label becomes the output). A field's
 * value runs until the next field or header, so inputs and outputs may span lines; a field seen
 * twice starts a new example, so the headers may be missing. "none" as an input means no input.
 * Preambles, code fences, markdown bold and a closing remark are dropped. As in the original
 * (anchor §1.4), the last example of a response cut off by the token limit is dropped; so is that
 * of an interrupted one.
 */
export function parseInstances(result: CompletionResult, isClassification: boolean): Instance[] {
  const instances = readDrafts(result.text, isClassification ? CLASSIFICATION_FIELDS : GENERATION_FIELDS).map(toInstance);
  return result.finishReason === 'stop' ? instances : instances.slice(0, -1);
}

function readDrafts(text: string, fields: Record<string, Slot>): Draft[] {
  const drafts: Draft[] = [];
  let current: Draft | undefined;
  let slot: Slot | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (FENCE.test(line)) continue;
    const bare = withoutMarkup(line);
    if (HEADER.test(bare)) {
      [current, slot] = [undefined, undefined];
      continue;
    }
    const field = FIELD.exec(bare);
    const named = field ? fields[field[1]!.toLowerCase()] : undefined;
    if (named) {
      if (!current || current[named]) drafts.push((current = {}));
      current[named] = [field![2]!];
      slot = named;
    } else if (current && slot) {
      current[slot]!.push(line);
    }
  }
  return drafts;
}

// Bold markers, a heading's "#"s and a bullet, so "**Input:**" and "### Example 1" read as plain.
function withoutMarkup(line: string): string {
  return line.replace(/\*\*/g, '').replace(/^\s*(?:#{1,6}\s*)?(?:[-*•]\s+)?/, '').trim();
}

function toInstance(draft: Draft): Instance {
  const input = valueOf(draft.input);
  return { input: NO_INPUT_SPELLINGS.has(input.toLowerCase().replace(/\.$/, '')) ? '' : input, output: valueOf(draft.output) };
}

function valueOf(lines: string[] | undefined): string {
  const rows = (lines ?? []).join('\n').trim().split('\n');
  while (rows.length > 1 && CHATTER.test(rows.at(-1)!.trim())) {
    rows.pop();
    while (rows.at(-1)?.trim() === '') rows.pop();
  }
  return rows.join('\n').trim();
}
