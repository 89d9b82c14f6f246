// The scripted engine's answers for the Prompt API's test double in the e2e build: the double sees
// only messages, so the call's purpose is read from the default templates' last user message.
import type { CallPurpose, ChatMessage, CompletionRequest } from '../src/lib/vocabulary';
import { ScriptedEngine } from './scripted-engine';

const engine = new ScriptedEngine();

function purposeOf(lastUser: string): CallPurpose {
  if (!lastUser.startsWith('Task: ')) return 'instructions';
  return /Is it a classification task\?$/.test(lastUser) ? 'classify' : 'instances';
}

export async function scriptedPromptAnswer(messages: ChatMessage[], responseConstraint: unknown): Promise<string> {
  const request: CompletionRequest = {
    purpose: purposeOf(messages.at(-1)?.content ?? ''),
    mode: 'chat',
    messages,
    params: { temperature: 0, topP: 1, maxTokens: 4096 },
    ...(responseConstraint ? { responseFormat: { type: 'json_object' as const, schema: JSON.stringify(responseConstraint) } } : {}),
  };
  return (await engine.complete(request)).text;
}
