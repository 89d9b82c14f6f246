// Completion style (base-model prompting, anchor §1.1–§1.3, §6.5): raw prompts that end where the
// model continues, the stop sequences chosen, and the parsers reading the continuations, in text
// and JSON output mode.
import { describe, expect, it } from 'vitest';
import {
  classifyRequest,
  defaultSettings,
  instancesRequest,
  instructionRequest,
  parseClassification,
  parseInstances,
  parseInstructions,
} from '../../src/lib/method';
import type { CompletionRequest, CompletionResult, FinishReason, MethodSettings } from '../../src/lib/vocabulary';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';

const TEXT: MethodSettings = { ...defaultSettings('self-instruct'), promptStyle: 'completion' };
const JSON_MODE: MethodSettings = { ...TEXT, outputMode: 'json' };
const EIGHT = SEED_TASKS.slice(0, 8).map((task) => task.instruction);

function result(text: string, finishReason: FinishReason = 'stop'): CompletionResult {
  return { text, finishReason, promptTokens: 100, completionTokens: 50, durationMs: 10 };
}

function promptOf(request: CompletionRequest): string {
  if (request.mode !== 'text') throw new Error('expected a completion request');
  return request.prompt;
}

describe('instruction generation in completion style', () => {
  it('lists the examples under the header and ends with the bare next number', () => {
    const prompt = promptOf(instructionRequest(EIGHT, 1, TEXT));
    expect(prompt.startsWith(`${TEXT.templates.instructions.completion}\n1. ${EIGHT[0]}\n`)).toBe(true);
    expect(prompt.endsWith(`\n8. ${EIGHT[7]}\n9.`)).toBe(true);
  });

  it('stops at a blank line and at a line-start "16.", so "16." inside an item does not cut it', () => {
    expect(instructionRequest(EIGHT, 1, TEXT).params.stop).toEqual(['\n\n', '\n16.']);
    expect(instructionRequest(EIGHT.slice(0, 5), 1, TEXT).params.stop).toEqual(['\n\n', '\n13.']);
  });

  it("keeps the paper's sampling and the seed", () => {
    expect(instructionRequest(EIGHT, 5, TEXT).params).toMatchObject({ temperature: 0.7, topP: 0.5, presencePenalty: 2, maxTokens: 1024, seed: 5 });
  });

  it('reads a continuation whose first item has no number', () => {
    const text = ' Explain why the sea is salty.\n10. Sum the numbers 7 and 16.\n11. Name a bird that cannot fly.';
    expect(parseInstructions(result(text), TEXT)).toEqual(['Explain why the sea is salty.', 'Sum the numbers 7 and 16.', 'Name a bird that cannot fly.']);
  });

  it('reads a continuation that wrote the number again', () => {
    expect(parseInstructions(result('\n9. Explain why the sea is salty.\n10. Name a bird.'), TEXT)).toEqual(['Explain why the sea is salty.', 'Name a bird.']);
  });

  it('still drops a continuation cut off by the token limit', () => {
    expect(parseInstructions(result(' Explain why the sea is salty.\n10. Name a', 'length'), TEXT)).toEqual([]);
  });

  it('shows the examples as one JSON line in JSON mode, and stops at the end of the next line', () => {
    const request = instructionRequest(EIGHT.slice(0, 2), 1, JSON_MODE);
    expect(promptOf(request).endsWith(`\n${JSON.stringify({ instructions: EIGHT.slice(0, 2) })}\n`)).toBe(true);
    expect(request.params.stop).toEqual(['\n']);
    expect(parseInstructions(result(' {"instructions": ["Name a bird that cannot fly."]}'), JSON_MODE)).toEqual(['Name a bird that cannot fly.']);
  });
});

describe('classification in completion style', () => {
  it('shows answered "Task:" blocks and ends at the question about the instruction', () => {
    const prompt = promptOf(classifyRequest('Sort  these words.', SEED_TASKS, TEXT));
    expect(prompt).toContain(`Task: ${SEED_TASKS[1]!.instruction}\nIs it a classification task? Yes`);
    expect(prompt).toContain(`Task: ${SEED_TASKS[0]!.instruction}\nIs it a classification task? No`);
    expect(prompt.endsWith('\n\nTask: Sort these words.\nIs it a classification task?')).toBe(true);
  });

  it('stops at the end of the line, greedy and short', () => {
    expect(classifyRequest('Sort these words.', SEED_TASKS, TEXT).params).toEqual({ temperature: 0, topP: 1, maxTokens: 3, stop: ['\n'] });
  });

  it.each([
    [' Yes', true],
    [' No', false],
    [' Yes, because', false],
  ])('reads %j strictly', (text, expected) => {
    expect(parseClassification(text, TEXT)).toBe(expected);
  });

  it('answers the demonstrations in JSON in JSON mode', () => {
    const prompt = promptOf(classifyRequest('Sort these words.', SEED_TASKS, JSON_MODE));
    expect(prompt).toContain('Is it a classification task? {"is_classification":true}');
    expect(parseClassification(' {"is_classification": true}', JSON_MODE)).toBe(true);
  });
});

describe('instance generation in completion style', () => {
  it('shows "Task:" blocks of the same kind and ends with the open task', () => {
    const prompt = promptOf(instancesRequest('Sort these words.', true, SEED_TASKS, TEXT));
    const first = SEED_TASKS.find((t) => t.isClassification)!;
    expect(prompt).toContain(`Task: ${first.instruction}\nExample 1\nLabel: ${first.instances[0]!.output}\nInput: ${first.instances[0]!.input}`);
    expect(prompt.endsWith('\n\nTask: Sort these words.\n')).toBe(true);
  });

  it('stops at a line-start "Task:" or the example after the last wanted one, as the original', () => {
    expect(instancesRequest('Sort these words.', false, SEED_TASKS, TEXT).params.stop).toEqual(['\nTask:', '\nExample 6']);
    expect(instancesRequest('Sort these words.', false, SEED_TASKS, JSON_MODE).params.stop).toEqual(['\n']);
  });

  it('reads the continuation with the text parser', () => {
    const text = 'Example 1\nInput: pear, apple\nOutput: apple, pear\n\nExample 2\nInput: fig, date\nOutput: date, fig\n';
    expect(parseInstances(result(text), false, TEXT)).toEqual([
      { input: 'pear, apple', output: 'apple, pear' },
      { input: 'fig, date', output: 'date, fig' },
    ]);
  });
});
