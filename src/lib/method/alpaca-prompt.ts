import type { CompletionRequest, Instance, MethodSettings, SeedTask } from '../vocabulary';
import { alpacaSchema } from './json-schemas';
import { listChat, listStops } from './list-prompt';
import { composeRequest, type RequestBody } from './request';
import { renderTemplate } from './templates';
import { asPromptLine } from './whitespace';

// How a task without input is written in Alpaca's text layout; the parser reads it back as "".
const ALPACA_NO_INPUT = '<noinput>';

/**
 * Alpaca's one-shot generation prompt (anchor §2.3): seed tasks as "###" blocks of numbered
 * Instruction, Input and Output fields (the first instance of each, an empty input written as
 * <noinput>), and a request for `maxNewPerPrompt` (20) new tasks in the same form, with the
 * settings' sampling (Alpaca's: temperature 1, top-p 1, 3072 tokens) and the step's seed.
 *
 * Chat: the blocks, then the request and the answer format. Completion: the blocks, then an open
 * "###" block with its "Instruction:" for the model to fill, as Alpaca's prompt ends. It stops at
 * the number after the last wanted task only at a line's start ("\n24."): Alpaca's bare "20."
 * also cut any task containing "20.", such as "$20." (anchor §2.2). In JSON mode the examples are
 * one line of JSON and the model writes the next line.
 */
export function alpacaRequest(examples: readonly SeedTask[], seed: number, settings: MethodSettings): CompletionRequest {
  const stop = listStops(settings, examples.length);
  return composeRequest(settings, 'instructions', body(examples, settings), { stop, seed, schema: alpacaSchema(settings.maxNewPerPrompt) });
}

function body(examples: readonly SeedTask[], settings: MethodSettings): RequestBody {
  const { chat, completion } = settings.templates.alpaca;
  const json = settings.outputMode === 'json';
  const count = settings.maxNewPerPrompt;
  const first = examples.length + 1;
  const blocks = examples.map((task, i) => block(i + 1, task)).join('\n');
  if (settings.promptStyle === 'completion') {
    const header = renderTemplate(completion, { count });
    const tasks = examples.map((task) => ({ instruction: asPromptLine(task.instruction), ...firstInstance(task) }));
    return { mode: 'text', prompt: json ? `${header}\n${JSON.stringify({ tasks })}\n` : `${header}\n${blocks}\n###\n${first}. Instruction:` };
  }
  const format = json
    ? 'Answer with one JSON object and nothing else, in this shape: {"tasks": [{"instruction": "…", "input": "… or an empty string when the task needs no input", "output": "…"}, …]}'
    : `Write only the new tasks, in the same form as the examples: each starts with a "###" line, then its numbered Instruction, Input and Output, counting up from ${first}. Write ${ALPACA_NO_INPUT} as the input of a task that needs none.`;
  return listChat(chat, settings, { examples: blocks, shown: examples.length, format });
}

function block(n: number, task: SeedTask): string {
  const { input, output } = firstInstance(task);
  return ['###', `${n}. Instruction: ${asPromptLine(task.instruction)}`, `${n}. Input:`, input || ALPACA_NO_INPUT, `${n}. Output:`, output].join('\n');
}

// Alpaca shows each seed's first instance only (anchor §2.2).
function firstInstance(task: SeedTask): Instance {
  const [instance] = task.instances;
  return { input: instance?.input.trim() ?? '', output: instance?.output.trim() ?? '' };
}
