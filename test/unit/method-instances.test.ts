// instancesRequest, parseInstances and filterInstances: the output-first and input-first prompts,
// golden parses of messy responses (test/fixtures/method/instance-responses.ts), and every
// instance rule of the original (anchor §1.3, §1.4).
import { describe, expect, it } from 'vitest';
import { createRng, filterInstances, instancesRequest, parseInstances } from '../../src/lib/method';
import type { ChatMessage, CompletionResult, FinishReason, Instance, SeedTask } from '../../src/lib/vocabulary';
import { INSTANCE_CASES } from '../fixtures/method/instance-responses';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';
import { SELF_INSTRUCT_SETTINGS } from '../fixtures/method/settings';

function result(text: string, finishReason: FinishReason = 'stop'): CompletionResult {
  return { text, finishReason, promptTokens: 100, completionTokens: 50, durationMs: 10 };
}

function messages(instruction: string, isClassification: boolean, seeds: readonly SeedTask[] = SEED_TASKS): ChatMessage[] {
  const request = instancesRequest(instruction, isClassification, seeds, SELF_INSTRUCT_SETTINGS);
  if (request.mode !== 'chat') throw new Error('expected a chat request');
  return request.messages;
}

describe('instancesRequest', () => {
  it('is greedy with room for a few examples, and marked as the instances step', () => {
    const request = instancesRequest('Sort these words.', false, SEED_TASKS, SELF_INSTRUCT_SETTINGS);
    expect(request.purpose).toBe('instances');
    expect(request.params.temperature).toBe(0);
    expect(request.params.maxTokens).toBeGreaterThanOrEqual(350);
    expect(request.params.maxTokens).toBeLessThanOrEqual(400);
  });

  it('asks for the label before the input for a classification task', () => {
    const system = messages('Classify the review as positive or negative.', true)[0]!.content;
    expect(system.indexOf('Label:')).toBeGreaterThan(-1);
    expect(system.indexOf('Label:')).toBeLessThan(system.indexOf('Input:'));
  });

  it('asks for the input before the output for other tasks', () => {
    const system = messages('Sort these words.', false)[0]!.content;
    expect(system).not.toContain('Label:');
    expect(system.indexOf('Input:')).toBeLessThan(system.indexOf('Output:'));
  });

  it('shows up to 3 seed tasks of the same kind as earlier turns, and ends with the task', () => {
    const all = messages('Sort  these words.', true);
    const shown = all.filter((m) => m.role === 'user').slice(0, -1).map((m) => m.content.replace('Task: ', ''));
    expect(shown).toEqual(SEED_TASKS.filter((t) => t.isClassification).slice(0, 3).map((t) => t.instruction));
    expect(all.at(-1)).toEqual({ role: 'user', content: 'Task: Sort these words.' });
  });

  it('writes an empty seed input as "none"', () => {
    const demos = messages('Plan a picnic.', false).filter((m) => m.role === 'assistant');
    expect(demos.map((m) => m.content)).toContain('Example 1\nInput: none\nOutput: A waterproof tent, a rain jacket, spare socks, a dry bag and a camping stove.');
  });

  it('leaves out seed tasks whose examples are too long for a small context', () => {
    const long: SeedTask = { ...SEED_TASKS[0]!, id: 'long', instances: [{ input: 'x '.repeat(600), output: 'y' }] };
    const shown = messages('Sort these words.', false, [long, ...SEED_TASKS]).map((m) => m.content);
    expect(shown.some((content) => content.includes('x x x'))).toBe(false);
  });

  it.each([true, false])('renders demos that parseInstances reads back exactly (classification: %s)', (isClassification) => {
    const demos = messages('Sort these words.', isClassification).filter((m) => m.role === 'assistant');
    const seeds = SEED_TASKS.filter((t) => t.isClassification === isClassification).slice(0, 3);
    expect(demos.map((m) => parseInstances(result(m.content), isClassification, SELF_INSTRUCT_SETTINGS))).toEqual(seeds.map((t) => t.instances));
  });
});

describe('parseInstances', () => {
  it.each(INSTANCE_CASES)('$name', ({ text, isClassification, expected }) => {
    expect(parseInstances(result(text), isClassification, SELF_INSTRUCT_SETTINGS)).toEqual(expected);
  });

  it('drops the last instance of a response cut off by the token limit', () => {
    const [first] = INSTANCE_CASES;
    expect(parseInstances(result(first!.text, 'length'), false, SELF_INSTRUCT_SETTINGS)).toEqual(first!.expected.slice(0, -1));
  });

  it('drops the last instance of an interrupted response', () => {
    const [first] = INSTANCE_CASES;
    expect(parseInstances(result(first!.text, 'abort'), false, SELF_INSTRUCT_SETTINGS)).toEqual(first!.expected.slice(0, -1));
  });

  it('starts a new example at each header, even after one left without its output', () => {
    const text = 'Example 1\nInput: 3 and 4\nExample 2\nOutput: 7\nExample 3\nInput: 2 and 2\nOutput: 4';
    expect(parseInstances(result(text), false, SELF_INSTRUCT_SETTINGS)).toEqual([
      { input: '3 and 4', output: '' },
      { input: '', output: '7' },
      { input: '2 and 2', output: '4' },
    ]);
  });
});

describe('filterInstances', () => {
  const rng = () => createRng(123);
  const ok: Instance = { input: 'The sky is green.', output: 'False' };

  it.each<[string, Instance]>([
    ['whose input equals its output', { input: 'Paris', output: 'Paris' }],
    ['whose output is empty', { input: 'What is 2 + 2?', output: '  ' }],
    ['whose input ends with ":"', { input: 'Sentence:', output: 'True' }],
    ['whose output ends with ":"', { input: 'A long story', output: 'Here is the summary:' }],
  ])('drops an instance %s and keeps the rest', (_, bad) => {
    expect(filterInstances([bad, ok], rng())).toEqual([ok]);
  });

  it('keeps instances with an empty input, or a colon inside', () => {
    const kept = [
      { input: '', output: 'A haiku about rain.' },
      { input: 'Time: 10:30', output: 'Half past ten' },
    ];
    expect(filterInstances(kept, rng())).toHaveLength(2);
  });

  it('drops every instance when one input comes with different outputs', () => {
    const conflicting = [ok, { input: 'Birds can fly.', output: 'True' }, { input: 'Birds can fly.', output: 'False' }];
    expect(filterInstances(conflicting, rng())).toEqual([]);
  });

  it('keeps instances that share an empty input but differ in output', () => {
    expect(filterInstances([{ input: '', output: 'Poem one' }, { input: '', output: 'Poem two' }], rng())).toHaveLength(2);
  });

  it('removes exact duplicates, comparing trimmed text', () => {
    expect(filterInstances([ok, { input: ` ${ok.input}`, output: `${ok.output} ` }], rng())).toEqual([ok]);
  });

  it('keeps instances that share an output but differ in input', () => {
    expect(filterInstances([ok, { input: 'Fish can walk.', output: 'False' }], rng())).toHaveLength(2);
  });

  it('keeps at most 5 by default, or max, drawn the same way for the same seed', () => {
    const eight = Array.from({ length: 8 }, (_, i) => ({ input: `Input ${i}`, output: `Output ${i}` }));
    const five = filterInstances(eight, rng());
    expect(five).toHaveLength(5);
    expect(new Set(five.map((i) => i.input)).size).toBe(5);
    expect(filterInstances(eight, rng())).toEqual(five);
    expect(filterInstances(eight, rng(), 2)).toHaveLength(2);
  });
});
