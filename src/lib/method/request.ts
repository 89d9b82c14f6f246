import type { ChatMessage, ChatTemplate, CompletionRequest, MethodPurpose, MethodSettings, SamplingParams } from '../vocabulary';
import { renderTemplate } from './templates';

export type RequestBody = { mode: 'chat'; messages: ChatMessage[] } | { mode: 'text'; prompt: string };

export interface RequestOptions {
  stop?: string[];
  seed?: number;
  /** The answer's JSON Schema, sent in JSON output mode. */
  schema: string;
  /** In JSON output mode, the least maxTokens that leaves room for the JSON around the answer. */
  jsonMinTokens?: number;
}

/**
 * A step's request: its body, the purpose's sampling from the settings, the stop sequences and
 * seed the step chose, and in JSON output mode the schema that constrains the answer.
 */
export function composeRequest(
  settings: MethodSettings,
  purpose: MethodPurpose,
  body: RequestBody,
  { stop, seed, schema, jsonMinTokens = 0 }: RequestOptions,
): CompletionRequest {
  const sampling = settings.sampling[purpose];
  const json = settings.outputMode === 'json';
  const maxTokens = json ? Math.max(sampling.maxTokens, jsonMinTokens) : sampling.maxTokens;
  const params: SamplingParams = withoutUndefined({ ...sampling, maxTokens, stop: stop?.length ? stop : undefined, seed });
  return { purpose, params, ...(json ? { responseFormat: { type: 'json_object' as const, schema } } : {}), ...body };
}

/**
 * A few-shot chat: the system message with its answer format, each demonstration as a user turn
 * and the model's answer, then the task at hand. Classification and instance prompts share it.
 */
export function fewShotChat(chat: ChatTemplate, format: string, shots: readonly [task: string, answer: string][], instruction: string): RequestBody {
  const turns = shots.flatMap(([task, answer]): ChatMessage[] => [
    { role: 'user', content: renderTemplate(chat.user, { instruction: task }) },
    { role: 'assistant', content: answer },
  ]);
  return {
    mode: 'chat',
    messages: [
      { role: 'system', content: renderTemplate(chat.system, { format }) },
      ...turns,
      { role: 'user', content: renderTemplate(chat.user, { instruction }) },
    ],
  };
}

// The call is journaled as it was sent: no keys that say "undefined".
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
