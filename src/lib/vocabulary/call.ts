// One model call: what is asked, what comes back, and the journal record of both. Types only.

import type { SamplingSettings } from './settings';

/** Which step of the method a model call serves. */
export type MethodPurpose = 'instructions' | 'classify' | 'instances';

/** What a model call serves, journaled with it: a step of the method, or judging a finished task. */
export type CallPurpose = MethodPurpose | 'judge';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** A call's sampling: the stage's settings, plus what the request builder adds. */
export interface SamplingParams extends SamplingSettings {
  stop?: string[];
  /** Passed to the model so a run can be replayed. */
  seed?: number;
}

/** Chat mode goes through the model's chat template; text mode is a raw completion. */
export type CompletionRequest = {
  purpose: CallPurpose;
  params: SamplingParams;
  /**
   * Asks the engine to constrain the output to JSON matching `schema`, a JSON Schema as a string
   * (web-llm's grammar-constrained JSON mode). The prompt must ask for that JSON as well.
   */
  responseFormat?: { type: 'json_object'; schema: string };
} & (
  | { mode: 'chat'; messages: ChatMessage[] }
  | { mode: 'text'; prompt: string }
);

export type FinishReason = 'stop' | 'length' | 'abort';

export interface CompletionResult {
  text: string;
  finishReason: FinishReason;
  promptTokens: number;
  /** Of promptTokens, those the engine took from its KV cache instead of evaluating, where it says. */
  cachedPromptTokens?: number;
  completionTokens: number;
  durationMs: number;
  /** Decode speed as the engine measured it, when it reports one. */
  tokensPerSecond?: number;
}

/** One model call, as it happened: the whole request, the raw text and the figures. */
export interface CallRecord {
  id: string;
  projectId: string;
  runId: string;
  purpose: CallPurpose;
  request: CompletionRequest;
  modelId: string;
  result: CompletionResult;
  created: number;
}

/** Tokens a set of calls took: the prompts read and the answers written. */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}
