import type { SamplingParams } from '../vocabulary';

/**
 * Our sampling parameters in the OpenAI request shape that web-llm and llama-server both read.
 * Penalties default to 0 (web-llm zeroes the other penalty when only one is given).
 */
export function openAiSampling(params: SamplingParams) {
  return {
    temperature: params.temperature,
    top_p: params.topP,
    max_tokens: params.maxTokens,
    presence_penalty: params.presencePenalty ?? 0,
    frequency_penalty: params.frequencyPenalty ?? 0,
    ...(params.stop?.length ? { stop: params.stop } : {}),
    ...(params.seed !== undefined ? { seed: params.seed } : {}),
  };
}
