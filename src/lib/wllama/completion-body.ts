// Our completion requests as the JSON that wllama hands to llama-server's completion code, and
// its streamed chunks back as a CompletionResult.
import type {
  ChatCompletionChunk,
  ChatCompletionMessage,
  ChatCompletionUsage,
  RawCompletionChunk,
  ResultTimings,
} from '@wllama/wllama/esm/index.js';
import { openAiSampling } from '../engine';
import type { CompletionRequest, CompletionResult, FinishReason } from '../vocabulary';

// wllama serialises the whole options object for llama-server, which reads the OpenAI names for
// both chat and raw completions (`stop` included, though wllama's chat type leaves it out).
type Sampling = ReturnType<typeof openAiSampling>;

export type CompletionBody =
  | { mode: 'chat'; params: { messages: ChatCompletionMessage[]; response_format?: JsonSchemaFormat } & Sampling }
  | { mode: 'text'; params: { prompt: string; json_schema?: unknown } & Sampling };

interface JsonSchemaFormat {
  type: 'json_schema';
  json_schema: { name: string; schema: unknown };
}

/**
 * The request body. A JSON response format becomes a grammar inside llama-server: chat takes
 * OpenAI's `response_format`, a raw completion llama-server's own `json_schema`.
 */
export function completionBody(request: CompletionRequest): CompletionBody {
  const { params } = request;
  const sampling = openAiSampling(params);
  const schema = request.responseFormat ? (JSON.parse(request.responseFormat.schema) as unknown) : undefined;
  if (request.mode === 'chat') {
    const format: JsonSchemaFormat | undefined = schema === undefined ? undefined : { type: 'json_schema', json_schema: { name: 'answer', schema } };
    return { mode: 'chat', params: { messages: request.messages, ...sampling, ...(format ? { response_format: format } : {}) } };
  }
  return { mode: 'text', params: { prompt: request.prompt, ...sampling, ...(schema === undefined ? {} : { json_schema: schema }) } };
}

/** Collects a streamed answer: the text so far, how it ended, and the engine's own figures. */
export class StreamedAnswer {
  text = '';
  #finishReason: FinishReason = 'stop';
  #usage: ChatCompletionUsage | undefined;
  #timings: ResultTimings | undefined;
  #chunks = 0;

  /** Takes one chunk; true when it added text. */
  add(chunk: ChatCompletionChunk | RawCompletionChunk): boolean {
    const choice = chunk.choices[0];
    const piece = choice ? ('delta' in choice ? choice.delta.content : choice.text) : undefined;
    if (choice?.finish_reason) this.#finishReason = choice.finish_reason === 'length' ? 'length' : 'stop';
    if (chunk.usage) this.#usage = chunk.usage;
    if (chunk.timings) this.#timings = chunk.timings;
    if (!piece) return false;
    this.text += piece;
    this.#chunks++;
    return true;
  }

  result(durationMs: number, aborted: boolean): CompletionResult {
    const timings = this.#timings;
    const result: CompletionResult = {
      text: this.text,
      finishReason: aborted ? 'abort' : this.#finishReason,
      promptTokens: this.#usage?.prompt_tokens ?? (timings ? timings.prompt_n + (timings.cache_n ?? 0) : 0),
      completionTokens: this.#usage?.completion_tokens ?? timings?.predicted_n ?? this.#chunks,
      durationMs,
    };
    if (timings && timings.predicted_per_second > 0) result.tokensPerSecond = timings.predicted_per_second;
    if (timings?.cache_n !== undefined) result.cachedPromptTokens = timings.cache_n;
    return result;
  }
}
