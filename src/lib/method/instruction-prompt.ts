import type { CompletionRequest } from '../run/ports';
import { collapseWhitespace } from './whitespace';

/** The most new instructions one response may add: items 9–15 after 8 examples (anchor §1.1). */
export const NEW_INSTRUCTIONS_PER_PROMPT = 7;

const SYSTEM = [
  'You help build a dataset that teaches an AI assistant to follow instructions.',
  'You write clear, self-contained task instructions in English.',
].join(' ');

/**
 * The instruction-generation prompt. The original shows a base LM a numbered list and lets it
 * continue after "9." (anchor §1.1); a chat model needs the request spelled out, so the list is
 * followed by one sentence asking for the next numbers. Sampling is the paper's: temperature 0.7,
 * top-p 0.5, presence penalty 2, 1024 tokens. No stop sequence: a chat model ends its turn by
 * itself, the parser keeps at most 7 items, and "16." would cut instructions that contain it
 * (anchor §6.5).
 */
export function instructionRequest(examples: readonly string[], seed: number): CompletionRequest {
  const first = examples.length + 1;
  const last = examples.length + NEW_INSTRUCTIONS_PER_PROMPT;
  const user = [
    'Here is a numbered list of tasks that people give to an AI assistant:',
    '',
    ...examples.map((text, i) => `${i + 1}. ${asListItem(text)}`),
    '',
    [
      `Continue the list with ${NEW_INSTRUCTIONS_PER_PROMPT} new tasks, numbered ${first} to ${last}.`,
      'Each new task must differ from every task above and from the others: use a different verb,',
      'topic and kind of work (answering, writing, rewriting, classifying, explaining, planning, solving).',
      'Each task is one or two sentences that can be answered in text alone.',
      'Write only the numbered list, one task per line.',
    ].join(' '),
  ].join('\n');
  return {
    purpose: 'instructions',
    mode: 'chat',
    messages: [
      { role: 'system', content: SYSTEM },
      { role: 'user', content: user },
    ],
    params: { temperature: 0.7, topP: 0.5, presencePenalty: 2, maxTokens: 1024, seed },
  };
}

// One line per example, with trailing colons removed as the original does (anchor §1.1).
function asListItem(instruction: string): string {
  return collapseWhitespace(instruction).replace(/\s*:+$/, '');
}
