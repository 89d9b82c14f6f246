import type { PromptTemplates } from '../vocabulary';

// Our own wording, for small instruct models (Qwen2.5 1.5B, Llama 3.2 1B/3B). The originals'
// prompts are described, not copied, in the anchor (§1.1–§1.3, §2.3). `{format}` is where the app
// says how to write the answer, in the output mode's form, so the parsers can read it back.

// The request comes before the examples in both list prompts: the examples are sampled anew for
// each call, so only what precedes them is shared, and llama.cpp evaluates a shared beginning once
// (its prompt cache). Written after the examples, the request was evaluated again on every call.
const INSTRUCTIONS_CHAT_USER = [
  [
    'Below is a numbered list of tasks that people give to an AI assistant.',
    'Continue it with {count} new tasks, numbered {first} to {last}.',
    'Each new task must differ from every task in the list and from the others: use a different verb,',
    'topic and kind of work (answering, writing, rewriting, classifying, explaining, planning, solving).',
    'Each task is one or two sentences that can be answered in text alone.',
    '{format}',
  ].join(' '),
  '',
  '{examples}',
].join('\n');

const CLASSIFY_CHAT_SYSTEM = [
  'You decide whether a task is a classification task: one whose answer is chosen from a small,',
  'fixed set of labels, such as positive/negative, true/false, or one of a few named categories.',
  'Tasks whose answers are free text, lists, numbers or code are not classification tasks.',
  '{format}',
].join(' ');

const INPUT_FIRST_CHAT_SYSTEM = [
  'You write examples for tasks, to teach an AI assistant. For the task the user gives, write up to 3 different examples.',
  '{format}',
  '',
  'Make each input specific and realistic, never a placeholder. Write nothing else.',
].join('\n');

const OUTPUT_FIRST_CHAT_SYSTEM = [
  [
    'You write examples for classification tasks, to teach an AI assistant.',
    'For the task the user gives, first pick one of its class labels, then write an input that has that label.',
    'Use a different label in each example where you can, and write up to 3 examples.',
  ].join(' '),
  '{format}',
  '',
  'Make each input specific and realistic, never a placeholder. Write nothing else.',
].join('\n');

const ALPACA_CHAT_USER = [
  'Write {count} new tasks, numbered {first} to {last} after the example tasks below, following these guidelines:',
  '- Use a different main verb in each instruction, and mix questions with commands.',
  '- Mix kinds of work: open-ended writing, classification, rewriting and editing, explaining, brainstorming, reasoning.',
  '- Every task must be answerable in text alone: nothing to look at, listen to or draw, and nothing to do in the physical world.',
  '- Write in English. An instruction is one or two sentences.',
  '- An input is a concrete, realistic example of about 100 words at most, never a placeholder. Many tasks need no input.',
  '- An output is a correct, complete answer in under 100 words.',
  '{format}',
  '',
  'The example tasks. Each has an instruction, an input for the instruction to work on (or <noinput>), and the output a good assistant would give:',
  '',
  '{examples}',
].join('\n');

const ALPACA_COMPLETION = [
  'A list of {count} varied tasks for teaching an AI assistant to follow instructions. Each task has an instruction,',
  'an input for it to work on (<noinput> when it needs none) and a correct output of under 100 words.',
  'The instructions use different verbs, mix questions with commands, and can all be answered in text.',
].join(' ');

/** The prompts a new project starts with. */
export const DEFAULT_TEMPLATES: PromptTemplates = {
  instructions: {
    chat: {
      system: 'You help build a dataset that teaches an AI assistant to follow instructions. You write clear, self-contained task instructions in English.',
      user: INSTRUCTIONS_CHAT_USER,
    },
    completion: 'A list of varied tasks that people ask an AI assistant to do, each one or two sentences of plain English:',
  },
  classify: {
    chat: { system: CLASSIFY_CHAT_SYSTEM, user: 'Task: {instruction}\nIs it a classification task?' },
    completion:
      'For each task below, say whether it is a classification task: one whose answer is a label from a small, fixed set, such as positive or negative, true or false, or one of a few categories.',
  },
  inputFirst: {
    chat: { system: INPUT_FIRST_CHAT_SYSTEM, user: 'Task: {instruction}' },
    completion:
      'Tasks for an AI assistant, each followed by examples: the input it works on ("none" when it needs no input), then the correct output.',
  },
  outputFirst: {
    chat: { system: OUTPUT_FIRST_CHAT_SYSTEM, user: 'Task: {instruction}' },
    completion:
      'Classification tasks for an AI assistant, each followed by examples: first one of its class labels, then an input that has that label ("none" when it needs no input).',
  },
  alpaca: {
    chat: {
      system: 'You help build a dataset that teaches an AI assistant to follow instructions. You write varied, realistic tasks in English, each with a correct answer.',
      user: ALPACA_CHAT_USER,
    },
    completion: ALPACA_COMPLETION,
  },
};
