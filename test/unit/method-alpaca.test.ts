// alpacaRequest and parseAlpacaTasks in text mode: the one-shot prompt in chat and completion
// style, and golden parses of messy responses (test/fixtures/method/alpaca-responses.ts),
// truncation and the cap (anchor §2.3, §2.4).
import { describe, expect, it } from 'vitest';
import { alpacaRequest, defaultSettings, parseAlpacaTasks } from '../../src/lib/method';
import type { CompletionResult, FinishReason, MethodSettings } from '../../src/lib/vocabulary';
import { ALPACA_CASES } from '../fixtures/method/alpaca-responses';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';

const ALPACA = defaultSettings('alpaca');
const COMPLETION: MethodSettings = { ...ALPACA, promptStyle: 'completion' };
// A task with an input, one without, and a classification task.
const EXAMPLES = [SEED_TASKS[0]!, SEED_TASKS[2]!, SEED_TASKS[1]!];

function result(text: string, finishReason: FinishReason = 'stop'): CompletionResult {
  return { text, finishReason, promptTokens: 100, completionTokens: 50, durationMs: 10 };
}

function userText(settings: MethodSettings = ALPACA): string {
  const request = alpacaRequest(EXAMPLES, 1, settings);
  if (request.mode !== 'chat') throw new Error('expected a chat request');
  return request.messages.at(-1)!.content;
}

describe('alpacaRequest', () => {
  it("is a generation call with Alpaca's sampling and the given seed", () => {
    const request = alpacaRequest(EXAMPLES, 99, ALPACA);
    expect(request.purpose).toBe('instructions');
    expect(request.params).toEqual({ temperature: 1, topP: 1, maxTokens: 3072, seed: 99 });
  });

  it('shows each seed as a "###" block of numbered fields, an empty input as <noinput>', () => {
    const text = userText();
    expect(text).toContain(
      ['###', `1. Instruction: ${EXAMPLES[0]!.instruction}`, '1. Input:', EXAMPLES[0]!.instances[0]!.input, '1. Output:', EXAMPLES[0]!.instances[0]!.output].join('\n'),
    );
    expect(text).toContain(`2. Input:\n<noinput>\n2. Output:\n${EXAMPLES[1]!.instances[0]!.output}`);
  });

  it('asks for maxNewPerPrompt tasks numbered after the examples, in the same form', () => {
    expect(userText()).toContain('Write 20 new tasks, numbered 4 to 23');
    expect(userText({ ...ALPACA, maxNewPerPrompt: 5 })).toContain('Write 5 new tasks, numbered 4 to 8');
    expect(userText()).toContain('counting up from 4');
  });

  it('renders its own demonstrations in a form parseAlpacaTasks reads back', () => {
    // The examples come last, after the request that every call shares.
    const blocks = userText().split('\n\n').at(-1)!;
    expect(parseAlpacaTasks(result(blocks), ALPACA)).toEqual(
      EXAMPLES.map((seed) => ({ instruction: seed.instruction, input: seed.instances[0]!.input, output: seed.instances[0]!.output })),
    );
  });

  it('ends a completion prompt inside the next block, as Alpaca does, and stops only at a line-start "24."', () => {
    const request = alpacaRequest(EXAMPLES, 1, COMPLETION);
    if (request.mode !== 'text') throw new Error('expected a completion request');
    expect(request.prompt.startsWith('A list of 20 varied tasks')).toBe(true);
    expect(request.prompt.endsWith(`\n${EXAMPLES[2]!.instances[0]!.output}\n###\n4. Instruction:`)).toBe(true);
    expect(request.params.stop).toEqual(['\n24.']);
  });

  it('has no stop sequence in chat, where the model ends its turn', () => {
    expect(alpacaRequest(EXAMPLES, 1, ALPACA).params.stop).toBeUndefined();
  });
});

describe('parseAlpacaTasks', () => {
  it.each(ALPACA_CASES)('$name', ({ text, expected }) => {
    expect(parseAlpacaTasks(result(text), ALPACA)).toEqual(expected);
  });

  it.each<FinishReason>(['length', 'abort'])('drops the last task of a response that ended with "%s", as Alpaca does', (finishReason) => {
    const [first] = ALPACA_CASES;
    expect(parseAlpacaTasks(result(first!.text, finishReason), ALPACA)).toEqual(first!.expected.slice(0, -1));
  });

  it('keeps at most maxNewPerPrompt tasks', () => {
    const text = Array.from({ length: 25 }, (_, i) => `###\n${i + 4}. Instruction: Name a river in country number ${i}.\n${i + 4}. Input:\n<noinput>\n${i + 4}. Output:\nThe Nile`).join('\n');
    expect(parseAlpacaTasks(result(text), ALPACA)).toHaveLength(20);
    expect(parseAlpacaTasks(result(text), { ...ALPACA, maxNewPerPrompt: 3 })).toHaveLength(3);
  });

  it('reads a completion that starts inside the instruction the prompt opened', () => {
    const text = ' Name a river in Egypt.\n4. Input:\n<noinput>\n4. Output:\nThe Nile\n###\n5. Instruction: Add 2 and 3.\n5. Input:\n<noinput>\n5. Output:\n5\n###';
    expect(parseAlpacaTasks(result(text), COMPLETION)).toEqual([
      { instruction: 'Name a river in Egypt.', input: '', output: 'The Nile' },
      { instruction: 'Add 2 and 3.', input: '', output: '5' },
    ]);
  });

  it('reads a completion whose model wrote the instruction label again', () => {
    const text = '\n4. Instruction: Name a river in Egypt.\n4. Input:\n<noinput>\n4. Output:\nThe Nile';
    expect(parseAlpacaTasks(result(text), COMPLETION)).toEqual([{ instruction: 'Name a river in Egypt.', input: '', output: 'The Nile' }]);
  });

  it('ends a value at a separator, but not the task: only the next instruction starts one', () => {
    const text = '1. Instruction: Name a river in Egypt.\n---\n1. Input:\n<noinput>\n---\n1. Output:\nThe Nile\n---\nThe longest river in Africa.';
    expect(parseAlpacaTasks(result(text), ALPACA)).toEqual([{ instruction: 'Name a river in Egypt.', input: '', output: 'The Nile' }]);
  });
});
