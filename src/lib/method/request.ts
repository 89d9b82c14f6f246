import type { CallPurpose, ChatMessage, CompletionRequest, MethodSettings, SamplingParams } from '../run/ports';

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
  purpose: CallPurpose,
  body: RequestBody,
  { stop, seed, schema, jsonMinTokens = 0 }: RequestOptions,
): CompletionRequest {
  const sampling = settings.sampling[purpose];
  const json = settings.outputMode === 'json';
  const maxTokens = json ? Math.max(sampling.maxTokens, jsonMinTokens) : sampling.maxTokens;
  const params: SamplingParams = withoutUndefined({ ...sampling, maxTokens, stop: stop?.length ? stop : undefined, seed });
  return { purpose, params, ...(json ? { responseFormat: { type: 'json_object' as const, schema } } : {}), ...body };
}

// The call is journaled as it was sent: no keys that say "undefined".
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
