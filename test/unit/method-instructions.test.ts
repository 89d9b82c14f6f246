// instructionRequest and parseInstructions: the generation prompt's shape and parameters, and
// golden parses of messy small-model responses (test/fixtures/method/instruction-responses.ts).
import { describe, expect, it } from 'vitest';
import { instructionRequest, parseInstructions } from '../../src/lib/method';
import type { CompletionResult, FinishReason } from '../../src/lib/vocabulary';
import { INSTRUCTION_CASES } from '../fixtures/method/instruction-responses';
import { SELF_INSTRUCT_SETTINGS } from '../fixtures/method/settings';

function result(text: string, finishReason: FinishReason = 'stop'): CompletionResult {
  return { text, finishReason, promptTokens: 100, completionTokens: 50, durationMs: 10 };
}

function userText(examples: string[]): string {
  const request = instructionRequest(examples, 1, SELF_INSTRUCT_SETTINGS);
  if (request.mode !== 'chat') throw new Error('expected a chat request');
  return request.messages.at(-1)!.content;
}

describe('instructionRequest', () => {
  it('is a chat request with the paper\'s sampling parameters and the given seed', () => {
    const request = instructionRequest(['Write a poem about tea.'], 1234, SELF_INSTRUCT_SETTINGS);
    expect(request.purpose).toBe('instructions');
    expect(request.mode).toBe('chat');
    expect(request.params).toEqual({ temperature: 0.7, topP: 0.5, presencePenalty: 2, maxTokens: 1024, seed: 1234 });
  });

  it('lists the examples numbered from 1, whitespace collapsed and trailing colons removed, after the request', () => {
    const text = userText(['Translate  the sentence\nbelow:', 'Name a color.']);
    // Last, so that the request before them is the part every call shares (llama.cpp's prompt cache).
    expect(text.endsWith('\n\n1. Translate the sentence below\n2. Name a color.')).toBe(true);
  });

  it('asks for 7 new tasks numbered after the examples', () => {
    const text = userText(Array.from({ length: 8 }, (_, i) => `Example task number ${i}.`));
    expect(text).toContain('7 new tasks, numbered 9 to 15');
  });

  it('ends with a user message, as web-llm requires', () => {
    const request = instructionRequest(['Write a poem about tea.'], 1, SELF_INSTRUCT_SETTINGS);
    expect(request.mode === 'chat' && request.messages.at(-1)!.role).toBe('user');
  });
});

describe('parseInstructions', () => {
  it.each(INSTRUCTION_CASES)('$name', ({ text, expected }) => {
    expect(parseInstructions(result(text), SELF_INSTRUCT_SETTINGS)).toEqual(expected);
  });

  it('returns nothing for a response cut off by the token limit, as the paper drops it', () => {
    expect(parseInstructions(result(INSTRUCTION_CASES[0]!.text, 'length'), SELF_INSTRUCT_SETTINGS)).toEqual([]);
  });

  it('returns nothing for an interrupted response', () => {
    expect(parseInstructions(result(INSTRUCTION_CASES[0]!.text, 'abort'), SELF_INSTRUCT_SETTINGS)).toEqual([]);
  });

  it('drops items left empty by their markup', () => {
    expect(parseInstructions(result('9. ****\n10. Name the capital of Peru and one fact about it.'), SELF_INSTRUCT_SETTINGS)).toEqual([
      'Name the capital of Peru and one fact about it.',
    ]);
  });
});
