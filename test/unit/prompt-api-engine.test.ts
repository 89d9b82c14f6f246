// PromptApiEngine (src/lib/prompt-api) over a test double of Chrome's LanguageModel global: what it
// offers for each availability, a browser-managed download with its progress, chat requests as
// initial prompts plus a prompt, JSON mode, stop sequences, token counts, interrupts, and failures
// in our words.
import { afterEach, expect, test } from 'vitest';
import type { LanguageModelApi } from '../../src/lib/prompt-api';
import { BUILT_IN_MODEL_ID, PromptApiEngine } from '../../src/lib/prompt-api';
import type { LoadProgress } from '../../src/lib/engine';
import type { CompletionRequest } from '../../src/lib/vocabulary';
import { installLanguageModelDouble, type LanguageModelDoubleConfig, type LanguageModelLogEntry } from '../language-model-double';

const scope = globalThis as Record<string, unknown>;
afterEach(() => {
  delete scope.LanguageModel;
  delete scope.__languageModelAnswer;
  delete scope.__languageModelLog;
});

function double(config: LanguageModelDoubleConfig): LanguageModelApi {
  return installLanguageModelDouble(config) as LanguageModelApi;
}

const log = () => scope.__languageModelLog as LanguageModelLogEntry[];

async function loaded(config: LanguageModelDoubleConfig = { availability: 'available' }): Promise<PromptApiEngine> {
  const engine = new PromptApiEngine(double(config));
  await engine.probe();
  await engine.load(BUILT_IN_MODEL_ID, () => {});
  return engine;
}

const chat = (extra: Partial<CompletionRequest> = {}): CompletionRequest => ({
  purpose: 'instructions',
  mode: 'chat',
  params: { temperature: 0.7, topP: 0.9, maxTokens: 100 },
  messages: [
    { role: 'system', content: 'You write tasks.' },
    { role: 'user', content: 'Task: add numbers' },
    { role: 'assistant', content: 'Yes' },
    { role: 'user', content: 'Write three more tasks.' },
  ],
  ...extra,
}) as CompletionRequest;

test('available: offered first as recommended, with nothing to download', async () => {
  const engine = new PromptApiEngine(double({ availability: 'available' }));
  expect(await engine.probe()).toBe('available');
  expect(engine.catalog()).toEqual([{ id: BUILT_IN_MODEL_ID, label: 'Chrome built-in model', recommended: true, browserManaged: 'available' }]);
});

test('downloadable: offered as a browser-managed download, whose progress the load reports', async () => {
  const engine = new PromptApiEngine(double({ availability: 'downloadable', progress: [0, 0.5, 1] }));
  expect(await engine.probe()).toBe('downloadable');
  expect(engine.catalog()).toEqual([{ id: BUILT_IN_MODEL_ID, label: 'Chrome built-in model', recommended: false, browserManaged: 'downloadable' }]);
  const progress: LoadProgress[] = [];
  await engine.load(BUILT_IN_MODEL_ID, (step) => progress.push(step));
  expect(progress.map((step) => step.fraction)).toEqual([0, 0, 0.5, 1]);
  expect(progress.at(-1)?.text).toBe('Chrome is downloading its built-in model: 100%');
  expect(engine.catalog()[0]?.browserManaged).toBe('available');
});

test('unavailable, or no LanguageModel global at all: not offered', async () => {
  for (const engine of [new PromptApiEngine(double({ availability: 'unavailable' })), new PromptApiEngine(undefined)]) {
    expect(await engine.probe()).toBe('unavailable');
    expect(engine.catalog()).toEqual([]);
  }
});

test('a chat request: the system prompt and the turns before the last become initial prompts, the last user message the prompt; token counts come from the session', async () => {
  const engine = await loaded();
  const streamed: string[] = [];
  const result = await engine.complete(chat(), (text) => streamed.push(text));
  expect(result).toMatchObject({ text: 'You said: Write three more tasks.', finishReason: 'stop', promptTokens: 7 + 4, completionTokens: 6 });
  expect(streamed.at(-1)).toBe(result.text);
  expect(streamed.length).toBeGreaterThan(1);
  const created = log().filter((entry) => entry.kind === 'create').at(-1);
  expect(created?.initialPrompts).toEqual([
    { role: 'system', content: 'You write tasks.' },
    { role: 'user', content: 'Task: add numbers' },
    { role: 'assistant', content: 'Yes' },
  ]);
  // Each call's own session is destroyed after it; the model's session stays.
  expect(log().at(-1)?.kind).toBe('destroy');
});

test('JSON mode passes the request schema as responseConstraint', async () => {
  const engine = await loaded();
  const schema = { type: 'object', properties: { is_classification: { type: 'boolean' } } };
  await engine.complete(chat({ responseFormat: { type: 'json_object', schema: JSON.stringify(schema) } }));
  expect(log().find((entry) => entry.kind === 'prompt')?.responseConstraint).toEqual(schema);
});

test('the answer ends at the first stop sequence, as the worker engines end theirs', async () => {
  const engine = await loaded();
  scope.__languageModelAnswer = () => '1. Add two numbers.\n2. Name a colour.\n3. Count to ten.';
  const result = await engine.complete(chat({ params: { temperature: 1, topP: 1, maxTokens: 50, stop: ['3.'] } }));
  expect(result.text).toBe('1. Add two numbers.\n2. Name a colour.\n');
  expect(result.finishReason).toBe('stop');
});

test('a completion-style request is refused: the API has no raw completion', async () => {
  const engine = await loaded();
  const request = { purpose: 'instructions', mode: 'text', prompt: 'Task 1:', params: { temperature: 1, topP: 1, maxTokens: 10 } } as CompletionRequest;
  await expect(engine.complete(request)).rejects.toMatchObject({ reason: 'completion-failed', message: expect.stringContaining('no raw completion') });
});

test('interrupt ends the call in flight with finishReason abort', async () => {
  const engine = await loaded({ availability: 'available', stepMs: 5 });
  const call = engine.complete(chat(), () => engine.interrupt());
  await expect(call).resolves.toMatchObject({ finishReason: 'abort' });
});

test('a call before a load asks for a load', async () => {
  const engine = new PromptApiEngine(double({ availability: 'available' }));
  await engine.probe();
  await expect(engine.complete(chat())).rejects.toMatchObject({ reason: 'model-not-loaded' });
});

test('unload during the download cancels it', async () => {
  const engine = new PromptApiEngine(double({ availability: 'downloadable', progress: [0, 0.2, 0.4, 0.6, 0.8, 1], stepMs: 5 }));
  await engine.probe();
  const load = engine.load(BUILT_IN_MODEL_ID, (step) => step.fraction >= 0.2 && void engine.unload());
  await expect(load).rejects.toMatchObject({ reason: 'cancelled' });
});

test('Chrome refusing to download without a click reads as advice to click again', async () => {
  const api = double({ availability: 'downloadable' });
  api.create = async () => {
    throw new DOMException('Requires a user gesture.', 'NotAllowedError');
  };
  const engine = new PromptApiEngine(api);
  await engine.probe();
  await expect(engine.load(BUILT_IN_MODEL_ID, () => {})).rejects.toMatchObject({ reason: 'not-offered', message: expect.stringContaining('Click Load model again') });
});
