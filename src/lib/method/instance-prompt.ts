import type { CompletionRequest, Instance, MethodSettings, SeedTask } from '../vocabulary';
import { NO_INPUT } from './field-text';
import { instancesSchema } from './json-schemas';
import { composeRequest, fewShotChat, type RequestBody } from './request';
import { renderTemplate } from './templates';
import { collapseWhitespace } from './whitespace';

const DEMO_TASKS = 3;
const INSTANCES_PER_DEMO = 3;
// Long seed examples (essays, code) would crowd a small model's context window.
const DEMO_MAX_CHARS = 700;

const INPUT_FIRST_TEXT = [
  'Write them in exactly this format:',
  '',
  'Example 1',
  `Input: <what the task works on, or "${NO_INPUT}" if the task needs no input>`,
  'Output: <the correct, complete response>',
  '',
  'Example 2',
  'Input: …',
  'Output: …',
].join('\n');

const OUTPUT_FIRST_TEXT = [
  'Write them in exactly this format:',
  '',
  'Example 1',
  'Label: <one class label of the task>',
  `Input: <an input with that label, or "${NO_INPUT}" if the task needs no input>`,
  '',
  'Example 2',
  'Label: …',
  'Input: …',
].join('\n');

const INPUT_FIRST_JSON =
  'Write them as one JSON object and nothing else, in this shape: {"instances": [{"input": "<what the task works on, or an empty string if it needs no input>", "output": "<the correct, complete response>"}, …]}';

const OUTPUT_FIRST_JSON =
  'Write them as one JSON object and nothing else, in this shape: {"instances": [{"label": "<one class label of the task>", "input": "<an input with that label, or an empty string if the task needs no input>"}, …]}';

/**
 * The instance-generation prompt (anchor §1.3): output-first for classification tasks, so the
 * label is chosen before the input and inputs do not all lean to one label, and input-first for
 * the rest. Seed tasks of the same kind, in the order given and short enough, are the
 * demonstrations: earlier chat turns, or "Task:" blocks above the open "Task:" of a completion
 * prompt, which stops, as the original, at the next "Task:" or at the example after the last
 * wanted one ("Example 6"), both only at a line's start. A JSON completion stops at the end of its
 * line.
 */
export function instancesRequest(
  instruction: string,
  isClassification: boolean,
  examples: readonly SeedTask[],
  settings: MethodSettings,
  seed?: number,
): CompletionRequest {
  const demos = examples
    .filter((task) => task.isClassification === isClassification)
    .filter((task) => renderText(task.instances, isClassification).length <= DEMO_MAX_CHARS)
    .slice(0, DEMO_TASKS)
    .map((task): [string, string] => [collapseWhitespace(task.instruction), render(task.instances, isClassification, settings)]);
  const schema = instancesSchema(isClassification, settings.maxInstances);
  return composeRequest(settings, 'instances', body(collapseWhitespace(instruction), isClassification, demos, settings), { stop: stops(settings), seed, schema });
}

function stops({ outputMode, promptStyle, maxInstances }: MethodSettings): string[] {
  if (outputMode === 'json') return promptStyle === 'chat' ? [] : ['\n'];
  return promptStyle === 'chat' ? ['\nTask:'] : ['\nTask:', `\nExample ${maxInstances + 1}`];
}

function body(instruction: string, isClassification: boolean, demos: [string, string][], settings: MethodSettings): RequestBody {
  const { chat, completion } = settings.templates[isClassification ? 'outputFirst' : 'inputFirst'];
  if (settings.promptStyle === 'completion') {
    const blocks = demos.map(([task, shown]) => `Task: ${task}\n${shown}`);
    return { mode: 'text', prompt: `${[renderTemplate(completion, {}), ...blocks].join('\n\n')}\n\nTask: ${instruction}\n` };
  }
  const json = settings.outputMode === 'json';
  const format = isClassification ? (json ? OUTPUT_FIRST_JSON : OUTPUT_FIRST_TEXT) : json ? INPUT_FIRST_JSON : INPUT_FIRST_TEXT;
  return fewShotChat(chat, format, demos, instruction);
}

function render(instances: readonly Instance[], isClassification: boolean, settings: MethodSettings): string {
  return settings.outputMode === 'json' ? renderJson(instances, isClassification) : renderText(instances, isClassification);
}

function renderText(instances: readonly Instance[], isClassification: boolean): string {
  return instances
    .slice(0, INSTANCES_PER_DEMO)
    .map(({ input, output }, i) => {
      const shownInput = `Input: ${input.trim() || NO_INPUT}`;
      const fields = isClassification ? [`Label: ${output.trim()}`, shownInput] : [shownInput, `Output: ${output.trim()}`];
      return [`Example ${i + 1}`, ...fields].join('\n');
    })
    .join('\n\n');
}

// One line, so a JSON completion prompt's demonstrations look like the line it asks for.
function renderJson(instances: readonly Instance[], isClassification: boolean): string {
  const shown = instances.slice(0, INSTANCES_PER_DEMO).map(({ input, output }) =>
    isClassification ? { label: output.trim(), input: input.trim() } : { input: input.trim(), output: output.trim() },
  );
  return JSON.stringify({ instances: shown });
}
