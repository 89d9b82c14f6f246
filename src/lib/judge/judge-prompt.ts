import { placeholderProblems, renderTemplate, type PlaceholderSpec } from '../method';
import type { ChatMessage, CompletionRequest, Instance, JudgeSettings } from '../vocabulary';
import { judgmentSchema } from './judgment-schema';

/** What the judge's texts may use: the task is shown only by the user message. */
export const JUDGE_PLACEHOLDERS: Record<'system' | 'user', PlaceholderSpec> = {
  system: { required: [], optional: [] },
  user: { required: ['instruction', 'instances', 'format'], optional: [] },
};

/** What each placeholder stands for, for the prompt editor. */
export const JUDGE_PLACEHOLDER_HELP: Record<string, string> = {
  instruction: "the task's instruction",
  instances: "the task's examples, numbered from 1, each with its input and output",
  format: 'how to write the answer (labelled lines or JSON), set by the output mode',
};

/** The problems of the judge's two texts, keyed like the settings' fields (`system`, `user`). */
export function judgePromptProblems(settings: Pick<JudgeSettings, 'system' | 'user'>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const part of ['system', 'user'] as const) {
    const [first] = placeholderProblems(`Judge, ${part === 'system' ? 'system prompt' : 'user prompt'}`, settings[part], JUDGE_PLACEHOLDERS[part], JUDGE_PLACEHOLDER_HELP);
    if (first) problems[part] = first;
  }
  return problems;
}

/** The task a judge reads: what `judgedContentHash` hashes. */
export interface JudgedTask {
  instruction: string;
  instances: readonly Instance[];
}

/** A finished task as it is now, to be judged, with the hash of what the judge reads of it. */
export interface JudgeableTask extends JudgedTask {
  contentHash: string;
}

const TEXT_FORMAT = [
  'Answer in exactly these five lines:',
  'Valid task: yes or no',
  'Appropriate input: yes or no',
  'Acceptable outputs: yes or no for each example, in order, separated by commas',
  'Score: a number from 1 to 5',
  'Reason: one sentence',
].join('\n');

function jsonFormat(instanceCount: number): string {
  const outputs = Array.from({ length: instanceCount }, () => 'true').join(', ');
  return (
    'Answer with one JSON object and nothing else, like this:\n' +
    `{"valid_instruction": true, "appropriate_input": true, "acceptable_outputs": [${outputs}], "score": 4, "reason": "One sentence."}\n` +
    `acceptable_outputs holds one true or false per example (${instanceCount}), in order.`
  );
}

/** The examples as the prompt shows them; an empty input is said to be empty. */
export function instancesText(instances: readonly Instance[]): string {
  return instances
    .map(({ input, output }, i) => `Example ${i + 1}\nInput: ${input.trim() === '' ? '(empty)' : input}\nOutput: ${output}`)
    .join('\n\n');
}

/**
 * One judge call for one finished task: a chat of the system text and the user text with the task
 * filled in. JSON mode also sends the verdict's JSON Schema, so an engine with constrained
 * decoding can only answer in that shape. Check the texts with judgePromptProblems first.
 */
export function judgeRequest(task: JudgedTask, settings: JudgeSettings, seed?: number): CompletionRequest {
  const json = settings.outputMode === 'json';
  const count = task.instances.length;
  const messages: ChatMessage[] = [
    { role: 'system', content: settings.system },
    {
      role: 'user',
      content: renderTemplate(settings.user, { instruction: task.instruction, instances: instancesText(task.instances), format: json ? jsonFormat(count) : TEXT_FORMAT }),
    },
  ];
  return {
    purpose: 'judge',
    mode: 'chat',
    messages,
    params: { temperature: settings.temperature, topP: 1, maxTokens: settings.maxTokens, ...(seed === undefined ? {} : { seed }) },
    ...(json ? { responseFormat: { type: 'json_object' as const, schema: judgmentSchema(count) } } : {}),
  };
}
