import type { CompletionResult, Instance, MethodSettings } from '../vocabulary';
import { readDrafts, type Draft, type DraftLayout } from './field-drafts';
import { fieldValue, inputOrEmpty } from './field-text';
import { listField, readJson, stringField } from './json-read';

type Slot = keyof Instance;

const HEADER = /^example\s*#?\s*\d*\s*[:.]?$/i;
const EXAMPLE = { field: /^(input|output|label|class label|class)\s*\d*\s*:\s*(.*)$/i, isBreak: (bare: string) => HEADER.test(bare) };

// Which field label fills which slot. A classification example's label is its output; a model
// that writes "Output:" or "Class label:" for it, as the original's format did, is understood too.
const GENERATION: DraftLayout<Slot> = { ...EXAMPLE, slots: { input: 'input', output: 'output' } };
const CLASSIFICATION: DraftLayout<Slot> = {
  ...EXAMPLE,
  slots: { input: 'input', label: 'output', 'class label': 'output', class: 'output', output: 'output' },
};

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
export function parseInstances(result: CompletionResult, isClassification: boolean, settings: MethodSettings): Instance[] {
  if (settings.outputMode === 'json') return fromJson(result.text, isClassification);
  const instances = readDrafts(result.text, isClassification ? CLASSIFICATION : GENERATION).map(toInstance);
  return result.finishReason === 'stop' ? instances : instances.slice(0, -1);
}

function fromJson(text: string, isClassification: boolean): Instance[] {
  const outputKey = isClassification ? 'label' : 'output';
  return (listField(readJson(text, { salvage: true }), 'instances') ?? []).flatMap((entry) => {
    const [input, output] = [stringField(entry, 'input'), stringField(entry, outputKey)];
    return input === undefined || output === undefined ? [] : [{ input: inputOrEmpty(input), output: output.trim() }];
  });
}

function toInstance(draft: Draft<Slot>): Instance {
  return { input: inputOrEmpty(fieldValue(draft.input)), output: fieldValue(draft.output) };
}
