// What the two list-generation prompts share, Self-Instruct's new instructions (anchor §1.1) and
// Alpaca's whole tasks (anchor §2.3): both show numbered examples and ask for `maxNewPerPrompt`
// more, numbered after them.
import type { ChatTemplate, MethodSettings } from '../vocabulary';
import type { RequestBody } from './request';
import { renderTemplate } from './templates';

/**
 * Where a list request stops, after `shown` examples. Chat: nowhere, as a chat model ends its turn
 * by itself and the parsers keep at most `maxNewPerPrompt` items. A JSON completion: at the end of
 * its line, the one line of JSON its examples show. A text completion: at `also`, then at the
 * number after the last wanted item, only at a line's start.
 */
export function listStops(settings: MethodSettings, shown: number, also: readonly string[] = []): string[] {
  if (settings.promptStyle === 'chat') return [];
  if (settings.outputMode === 'json') return ['\n'];
  return [...also, `\n${shown + settings.maxNewPerPrompt + 1}.`];
}

/**
 * A list request as a chat: the stage's system text, then its user text with the rendered
 * examples, how many new items to write and their numbers, and the answer format.
 */
export function listChat(chat: ChatTemplate, settings: MethodSettings, { examples, shown, format }: { examples: string; shown: number; format: string }): RequestBody {
  const count = settings.maxNewPerPrompt;
  const user = renderTemplate(chat.user, { examples, count, first: shown + 1, last: shown + count, format });
  return {
    mode: 'chat',
    messages: [
      { role: 'system', content: renderTemplate(chat.system, {}) },
      { role: 'user', content: user },
    ],
  };
}
