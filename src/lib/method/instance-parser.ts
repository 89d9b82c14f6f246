import type { CompletionResult, Instance, MethodSettings } from '../vocabulary';
import { FENCE, fieldValue, inputOrEmpty, withoutMarkup } from './field-text';
import { listField, readJson, stringField } from './json-read';
import { DEFAULT_SETTINGS } from './settings';

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

/**
 * The examples in an instances response, before the instance filters.
 *
 * Text: "Example N" blocks of "Input:"/"Output:" fields, or of "Label:"/"Input:" fields for a
 * classification task (the label becomes the output). A field's value runs until the next field
 * or header, so inputs and outputs may span lines; a field seen twice starts a new example, so the
 * headers may be missing. "none" as an input means no input. Preambles, code fences, markdown bold
 * and a closing remark are dropped. As in the original (anchor §1.4), the last example of a
 * response cut off by the token limit is dropped; so is that of an interrupted one.
 *
 * JSON: the "instances" list of the first JSON object, of {input, output} or, for a
 * classification task, {label, input} objects; entries of another shape are skipped. Of a cut-off
 * object only the whole entries are kept (see readJson), so nothing whole is dropped.
 */
export function parseInstances(result: CompletionResult, isClassification: boolean, settings: MethodSettings = DEFAULT_SETTINGS): Instance[] {
  if (settings.outputMode === 'json') return fromJson(result.text, isClassification);
  const instances = readDrafts(result.text, isClassification ? CLASSIFICATION_FIELDS : GENERATION_FIELDS).map(toInstance);
  return result.finishReason === 'stop' ? instances : instances.slice(0, -1);
}

function fromJson(text: string, isClassification: boolean): Instance[] {
  const outputKey = isClassification ? 'label' : 'output';
  return (listField(readJson(text, { salvage: true }), 'instances') ?? []).flatMap((entry) => {
    const [input, output] = [stringField(entry, 'input'), stringField(entry, outputKey)];
    return input === undefined || output === undefined ? [] : [{ input: inputOrEmpty(input), output: output.trim() }];
  });
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

function toInstance(draft: Draft): Instance {
  return { input: inputOrEmpty(fieldValue(draft.input)), output: fieldValue(draft.output) };
}
