import type { Instance } from '../vocabulary';
import { exampleRow, INPUT_FIELDS, OUTPUT_FIELDS, type RowFields } from './example-row';

/**
 * The task a JSON value holds, or what is wrong with it. An object with "instances" is a task in
 * the Self-Instruct seed format (anchor §2.7); any other is one example in the Alpaca shape,
 * {instruction, input, output}. Either may carry "is_classification"; unknown fields are ignored.
 */
export function readRecord(value: unknown): RowFields | string {
  if (!isRecord(value)) return 'expected a JSON object';
  const { instruction, is_classification } = value;
  if (typeof instruction !== 'string' || instruction.trim() === '') return '"instruction" must be a non-empty string';
  if (is_classification !== undefined && typeof is_classification !== 'boolean') return '"is_classification" must be true or false';
  const isClassification = is_classification ?? false;
  const fields = 'instances' in value ? readTask(value, instruction, isClassification) : readExample(value, instruction, isClassification);
  return typeof fields === 'string' ? fields : { ...fields, ...names(value) };
}

function readTask({ instances }: Record<string, unknown>, instruction: string, isClassification: boolean): RowFields | string {
  if (!Array.isArray(instances) || !instances.every(isInstance)) {
    return '"instances" must be a list of {"input": string, "output": string}';
  }
  return { instruction: instruction.trim(), instances: instances.map(({ input, output }) => ({ input, output })), isClassification };
}

function readExample(value: Record<string, unknown>, instruction: string, isClassification: boolean): RowFields | string {
  const input = firstField(value, INPUT_FIELDS);
  const output = firstField(value, OUTPUT_FIELDS);
  if (input.value !== undefined && typeof input.value !== 'string') return `"${input.name}" must be text`;
  if (output.value !== undefined && typeof output.value !== 'string') return `"${output.name}" must be text`;
  return exampleRow(instruction, input.value ?? '', output.value ?? '', isClassification);
}

/** The first of the names the object has, with its value; null counts as absent. */
function firstField(value: Record<string, unknown>, names: readonly string[]): { name: string; value: unknown } {
  const name = names.find((candidate) => value[candidate] !== undefined && value[candidate] !== null) ?? names[0]!;
  return { name, value: value[name] ?? undefined };
}

function names({ id, name }: Record<string, unknown>): Pick<RowFields, 'id' | 'name'> {
  return {
    ...(typeof id === 'string' && id !== '' ? { id } : {}),
    ...(typeof name === 'string' ? { name } : {}),
  };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isInstance(value: unknown): value is Instance {
  return isRecord(value) && typeof value.input === 'string' && typeof value.output === 'string';
}
