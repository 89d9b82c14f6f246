// JSON output mode: the requests carry response_format with a JSON Schema string and ask for that
// JSON in the prompt, and the parsers read good, messy, malformed, truncated and wrong-shape JSON
// (test/fixtures/method/json-responses.ts) without ever throwing.
import { describe, expect, it } from 'vitest';
import {
  alpacaRequest,
  classifyRequest,
  defaultSettings,
  instancesRequest,
  instructionRequest,
  parseAlpacaTasks,
  parseClassification,
  parseInstances,
  parseInstructions,
} from '../../src/lib/method';
import type { CompletionRequest, CompletionResult, FinishReason, MethodSettings, Strategy } from '../../src/lib/vocabulary';
import { ALPACA_JSON, CLASSIFICATION_INSTANCES_JSON, CLASSIFY_JSON, INSTANCES_JSON, INSTRUCTIONS_JSON } from '../fixtures/method/json-responses';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';
import { SELF_INSTRUCT_SETTINGS } from '../fixtures/method/settings';

function json(strategy: Strategy = 'self-instruct', change: Partial<MethodSettings> = {}): MethodSettings {
  return { ...defaultSettings(strategy), outputMode: 'json', ...change };
}

function result(text: string, finishReason: FinishReason = 'stop'): CompletionResult {
  return { text, finishReason, promptTokens: 100, completionTokens: 50, durationMs: 10 };
}

function schemaOf(request: CompletionRequest): Record<string, unknown> {
  expect(request.responseFormat?.type).toBe('json_object');
  return JSON.parse(request.responseFormat!.schema) as Record<string, unknown>;
}

function promptText(request: CompletionRequest): string {
  return request.mode === 'chat' ? request.messages.map((message) => message.content).join('\n') : request.prompt;
}

const INSTRUCTION = 'Decide whether the review below is positive or negative.';

describe('requests in JSON mode', () => {
  it.each<[string, () => CompletionRequest, string, string]>([
    ['instructions', () => instructionRequest(['Write a poem about tea.'], 1, json()), 'instructions', '{"instructions": ['],
    ['classify', () => classifyRequest(INSTRUCTION, SEED_TASKS, json()), 'is_classification', '{"is_classification": true}'],
    ['input-first instances', () => instancesRequest('Sort these words.', false, SEED_TASKS, json()), 'instances', '{"instances": [{"input":'],
    ['output-first instances', () => instancesRequest(INSTRUCTION, true, SEED_TASKS, json()), 'instances', '{"instances": [{"label":'],
    ['alpaca tasks', () => alpacaRequest(SEED_TASKS.slice(0, 3), 1, json('alpaca')), 'tasks', '{"tasks": [{"instruction":'],
  ])('%s: sends a schema requiring "%s" and shows that JSON in the prompt', (_, build, key, shown) => {
    const request = build();
    const schema = schemaOf(request);
    expect(schema).toMatchObject({ type: 'object', required: [key], additionalProperties: false });
    expect(Object.keys(schema.properties as object)).toEqual([key]);
    expect(promptText(request)).toContain(shown);
  });

  it('caps the lists in the schema at the settings\' maxima', () => {
    expect(schemaOf(instructionRequest(['Write a poem.'], 1, json()))).toMatchObject({ properties: { instructions: { maxItems: 7 } } });
    expect(schemaOf(instancesRequest('Sort.', false, SEED_TASKS, json(undefined, { maxInstances: 4 })))).toMatchObject({
      properties: { instances: { maxItems: 4 } },
    });
    expect(schemaOf(alpacaRequest(SEED_TASKS.slice(0, 3), 1, json('alpaca')))).toMatchObject({ properties: { tasks: { maxItems: 20 } } });
  });

  it('puts the label before the input in the output-first schema, as output-first generation needs', () => {
    const items = (schemaOf(instancesRequest(INSTRUCTION, true, SEED_TASKS, json())).properties as { instances: { items: { properties: object } } }).instances.items;
    expect(Object.keys(items.properties)).toEqual(['label', 'input']);
  });

  it('sends no response format in text mode', () => {
    expect(instructionRequest(['Write a poem.'], 1, SELF_INSTRUCT_SETTINGS).responseFormat).toBeUndefined();
    expect(alpacaRequest(SEED_TASKS.slice(0, 3), 1, defaultSettings('alpaca')).responseFormat).toBeUndefined();
  });

  it('gives classify room for the JSON answer even when maxTokens was set for "Yes"', () => {
    expect(classifyRequest(INSTRUCTION, SEED_TASKS, json()).params.maxTokens).toBeGreaterThanOrEqual(16);
    expect(classifyRequest(INSTRUCTION, SEED_TASKS, SELF_INSTRUCT_SETTINGS).params.maxTokens).toBe(3);
  });

  it('answers the classify demonstrations in JSON that parseClassification reads back as their class', () => {
    const request = classifyRequest(INSTRUCTION, SEED_TASKS, json());
    const turns = request.mode === 'chat' ? request.messages.slice(1, -1) : [];
    expect(turns.length).toBeGreaterThan(0);
    for (let i = 0; i < turns.length; i += 2) {
      const seed = SEED_TASKS.find((task) => turns[i]!.content.includes(task.instruction))!;
      expect(parseClassification(turns[i + 1]!.content, json())).toBe(seed.isClassification);
    }
  });

  it.each([true, false])('shows instance demonstrations that parseInstances reads back exactly (classification: %s)', (isClassification) => {
    const request = instancesRequest('Sort these words.', isClassification, SEED_TASKS, json());
    const demos = request.mode === 'chat' ? request.messages.filter((m) => m.role === 'assistant') : [];
    const seeds = SEED_TASKS.filter((t) => t.isClassification === isClassification).slice(0, 3);
    expect(demos.map((m) => parseInstances(result(m.content), isClassification, json()))).toEqual(seeds.map((t) => t.instances));
  });

  it('keeps chat JSON requests free of stop sequences, which could cut the JSON', () => {
    expect(instancesRequest('Sort.', false, SEED_TASKS, json()).params.stop).toBeUndefined();
    expect(classifyRequest('Sort.', SEED_TASKS, json()).params.stop).toBeUndefined();
  });
});

describe('parseInstructions in JSON mode', () => {
  it.each(INSTRUCTIONS_JSON)('$name', ({ text, finishReason, expected }) => {
    expect(parseInstructions(result(text, finishReason), json())).toEqual(expected);
  });
});

describe('parseClassification in JSON mode', () => {
  it.each(CLASSIFY_JSON)('$name', ({ text, expected }) => {
    expect(parseClassification(text, json())).toBe(expected);
  });
});

describe('parseInstances in JSON mode', () => {
  it.each(INSTANCES_JSON)('$name', ({ text, finishReason, expected }) => {
    expect(parseInstances(result(text, finishReason), false, json())).toEqual(expected);
  });

  it.each(CLASSIFICATION_INSTANCES_JSON)('$name', ({ text, finishReason, expected }) => {
    expect(parseInstances(result(text, finishReason), true, json())).toEqual(expected);
  });
});

describe('parseAlpacaTasks in JSON mode', () => {
  it.each(ALPACA_JSON)('$name', ({ text, finishReason, expected }) => {
    expect(parseAlpacaTasks(result(text, finishReason), json('alpaca'))).toEqual(expected);
  });

  it('keeps at most maxNewPerPrompt tasks', () => {
    const tasks = Array.from({ length: 25 }, (_, i) => ({ instruction: `Name a city that starts with letter number ${i}.`, input: '', output: 'Rome' }));
    expect(parseAlpacaTasks(result(JSON.stringify({ tasks })), json('alpaca'))).toHaveLength(20);
    expect(parseAlpacaTasks(result(JSON.stringify({ tasks })), json('alpaca', { maxNewPerPrompt: 5 }))).toHaveLength(5);
  });
});

describe('the JSON parsers never throw', () => {
  const garbage = ['', '{', '}', '{"', '{"tasks": [', '{"tasks": [}', '[[[', '{"a":"\\', 'null', '{"instances": null}', '{"tasks": [null, 1, "x"]}', '\u0000{}'];

  it.each(garbage)('on %j, in any finish state', (text) => {
    for (const finishReason of ['stop', 'length', 'abort'] as const) {
      expect(parseInstructions(result(text, finishReason), json())).toEqual([]);
      expect(parseClassification(text, json())).toBe(false);
      expect(parseInstances(result(text, finishReason), true, json())).toEqual([]);
      expect(parseAlpacaTasks(result(text, finishReason), json('alpaca'))).toEqual([]);
    }
  });
});
