// A chat request as the Prompt API takes it: the conversation before the last user message becomes
// the session's initial prompts, the last user message its prompt. The API has no raw completion,
// so a completion-style request is refused with a reason.
import { FailureError } from '../failure';
import type { CompletionRequest } from '../vocabulary';
import type { LanguageModelMessage } from './language-model';

export interface PromptInput {
  initialPrompts: LanguageModelMessage[];
  input: string;
  /** The JSON Schema of JSON mode, parsed for `responseConstraint`. */
  responseConstraint?: object;
}

export const NO_RAW_COMPLETION =
  "Chrome's built-in model has no raw completion, so it cannot run completion-style prompts. Choose chat prompts in the method settings, or load another model.";

export function promptInputOf(request: CompletionRequest): PromptInput {
  if (request.mode !== 'chat') throw new FailureError('completion-failed', NO_RAW_COMPLETION);
  const last = request.messages.at(-1);
  if (last?.role !== 'user') throw new FailureError('completion-failed', 'A chat request must end with a user message.');
  // The API takes one system prompt, and only first: later ones are read as the user's words.
  const before = request.messages.slice(0, -1);
  const system = before.filter((message, i) => message.role === 'system' && before.slice(0, i).every((earlier) => earlier.role === 'system'));
  const rest = before.slice(system.length).map((message) => ({ role: message.role === 'system' ? 'user' : message.role, content: message.content }) as const);
  const initialPrompts = [...(system.length > 0 ? [{ role: 'system' as const, content: system.map((message) => message.content).join('\n\n') }] : []), ...rest];
  return {
    initialPrompts,
    input: last.content,
    ...(request.responseFormat ? { responseConstraint: JSON.parse(request.responseFormat.schema) as object } : {}),
  };
}
