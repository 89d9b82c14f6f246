import type { CompletionRequest, MethodSettings } from '../vocabulary';
import { instructionsSchema } from './json-schemas';
import { listChat, listStops } from './list-prompt';
import { composeRequest, type RequestBody } from './request';
import { renderTemplate } from './templates';
import { asPromptLine } from './whitespace';

/**
 * The instruction-generation prompt (anchor §1.1), with the settings' sampling (the paper's:
 * temperature 0.7, top-p 0.5, presence penalty 2, 1024 tokens) and the step's seed.
 *
 * Chat: the original's numbered list, then a request for the next numbers, since a chat model
 * needs the request spelled out; no stop sequence, as a chat model ends its turn by itself and the
 * parser keeps at most `maxNewPerPrompt` items.
 *
 * Completion: the original's layout for a base model, the list ending in the bare next number
 * ("9."). It stops at a blank line, as the original, and at the number after the last wanted item
 * only at a line's start ("\n16."): the original's bare "16." also cut any instruction containing
 * "16." (anchor §6.5). In JSON mode the examples are one line of JSON and the model writes the
 * next line.
 */
export function instructionRequest(examples: readonly string[], seed: number, settings: MethodSettings): CompletionRequest {
  const items = examples.map(asPromptLine);
  const stop = listStops(settings, items.length, ['\n\n']);
  return composeRequest(settings, 'instructions', body(items, settings), { stop, seed, schema: instructionsSchema(settings.maxNewPerPrompt) });
}

function body(items: string[], settings: MethodSettings): RequestBody {
  const { chat, completion } = settings.templates.instructions;
  const json = settings.outputMode === 'json';
  const first = items.length + 1;
  if (settings.promptStyle === 'completion') {
    const header = renderTemplate(completion, {});
    return { mode: 'text', prompt: json ? `${header}\n${JSON.stringify({ instructions: items })}\n` : `${header}\n${numbered(items)}\n${first}.` };
  }
  const format = json
    ? `Answer with one JSON object and nothing else, in this shape: {"instructions": ["<task ${first}>", "<task ${first + 1}>", …]}`
    : 'Write only the numbered list, one task per line.';
  return listChat(chat, settings, { examples: numbered(items), shown: items.length, format });
}

function numbered(items: readonly string[]): string {
  return items.map((item, i) => `${i + 1}. ${item}`).join('\n');
}
