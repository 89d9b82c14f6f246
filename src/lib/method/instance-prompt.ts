import type { ChatMessage, CompletionRequest, Instance, SeedTask } from '../run/ports';
import { collapseWhitespace } from './whitespace';

/** How an input that a task does not need is written; the parser reads it back as "". */
export const NO_INPUT = 'none';

const DEMO_TASKS = 3;
const INSTANCES_PER_DEMO = 3;
// Long seed examples (essays, code) would crowd a small model's context window.
const DEMO_MAX_CHARS = 700;

const INPUT_FIRST = [
  'You write examples for tasks, to teach an AI assistant. For the task the user gives, write up to 3 different examples in exactly this format:',
  '',
  'Example 1',
  `Input: <what the task works on, or "${NO_INPUT}" if the task needs no input>`,
  'Output: <the correct, complete response>',
  '',
  'Example 2',
  'Input: …',
  'Output: …',
  '',
  'Make each input specific and realistic, never a placeholder. Write nothing else.',
].join('\n');

const OUTPUT_FIRST = [
  [
    'You write examples for classification tasks, to teach an AI assistant.',
    'For the task the user gives, first pick one of its class labels, then write an input that has that label.',
    'Use a different label in each example where you can, and write up to 3 examples in exactly this format:',
  ].join(' '),
  '',
  'Example 1',
  'Label: <one class label of the task>',
  `Input: <an input with that label, or "${NO_INPUT}" if the task needs no input>`,
  '',
  'Example 2',
  'Label: …',
  'Input: …',
  '',
  'Make each input specific and realistic, never a placeholder. Write nothing else.',
].join('\n');

/**
 * The instance-generation prompt (anchor §1.3): output-first for classification tasks, so the
 * label is chosen before the input and inputs do not all lean to one label, and input-first for
 * the rest. Seed tasks of the same kind, in the order given and short enough, are shown as earlier
 * turns of the chat. Greedy, as the original. No presence penalty (the original's 1.5): it would
 * also push down the repeated "Input:"/"Output:" labels that a small model needs to keep the format.
 */
export function instancesRequest(
  instruction: string,
  isClassification: boolean,
  examples: readonly SeedTask[],
): CompletionRequest {
  const demos = examples
    .filter((task) => task.isClassification === isClassification)
    .map((task): [string, string] => [task.instruction, render(task.instances, isClassification)])
    .filter(([, shown]) => shown.length <= DEMO_MAX_CHARS)
    .slice(0, DEMO_TASKS)
    .flatMap(([task, shown]): ChatMessage[] => [
      { role: 'user', content: asTask(task) },
      { role: 'assistant', content: shown },
    ]);
  return {
    purpose: 'instances',
    mode: 'chat',
    messages: [
      { role: 'system', content: isClassification ? OUTPUT_FIRST : INPUT_FIRST },
      ...demos,
      { role: 'user', content: asTask(instruction) },
    ],
    params: { temperature: 0, topP: 1, maxTokens: 384, stop: ['\nTask:'] },
  };
}

function asTask(instruction: string): string {
  return `Task: ${collapseWhitespace(instruction)}`;
}

function render(instances: readonly Instance[], isClassification: boolean): string {
  return instances
    .slice(0, INSTANCES_PER_DEMO)
    .map(({ input, output }, i) => {
      const shownInput = `Input: ${input.trim() || NO_INPUT}`;
      const fields = isClassification ? [`Label: ${output.trim()}`, shownInput] : [shownInput, `Output: ${output.trim()}`];
      return [`Example ${i + 1}`, ...fields].join('\n');
    })
    .join('\n\n');
}
