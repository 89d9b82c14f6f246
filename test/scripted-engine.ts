// A deterministic stand-in for a small chat model behind the Engine interface, for Node tests and
// the e2e build's generator worker (so: no Node APIs). Each answer is a pure function of the
// request, written in the layouts of src/lib/method's prompts (chat or raw completion, free text or
// JSON, Self-Instruct or Alpaca) with the untidiness of a real small model, and with some
// candidates and instances that the method's filters must throw out; judge prompts get a verdict
// (test/fixtures/method/scripted-judge.ts). Like a real engine it cuts
// the answer at the request's stop sequences and at maxTokens (a token being a word here).
import { UnknownModelError, type DeviceReport, type Engine, type LoadProgress, type ModelOption, type StoredModel } from '../src/lib/engine';
import { createRng } from '../src/lib/method';
import type { ChatMessage, CompletionRequest, CompletionResult, FinishReason } from '../src/lib/vocabulary';
import { alpacaAnswer, instructionsAnswer, isAlpacaPrompt } from './fixtures/method/scripted-generation';
import { judgeAnswer } from './fixtures/method/scripted-judge';
import type { ScriptedPrompt } from './fixtures/method/scripted-prompt';
import { classifyAnswer, instancesAnswer } from './fixtures/method/scripted-task-answers';

export const SCRIPTED_MODEL_ID = 'scripted-test-model';
/** The size the scripted model reports for its stand-in weights. */
export const SCRIPTED_MODEL_BYTES = 123_456_789;

export interface ScriptedEngineOptions {
  /** Pause before each streamed chunk, so a browser test can act mid-run. */
  delayMs?: number;
}

const CHUNKS = 4;

export class ScriptedEngine implements Engine {
  readonly #delayMs: number;
  #inFlight: { interrupted: boolean } | undefined;
  /** Stands in for a weight cache: a loaded model counts as stored until it is deleted. */
  #stored = false;

  constructor(options: ScriptedEngineOptions = {}) {
    this.#delayMs = options.delayMs ?? 0;
  }

  catalog(_device: DeviceReport): ModelOption[] {
    return [{ id: SCRIPTED_MODEL_ID, label: 'Scripted test engine (deterministic)', recommended: true }];
  }

  async load(modelId: string, onProgress: (progress: LoadProgress) => void): Promise<void> {
    if (modelId !== SCRIPTED_MODEL_ID) throw new UnknownModelError(modelId);
    for (const fraction of [0, 0.25, 0.75, 1]) {
      onProgress({ fraction, text: `Loading scripted model: ${Math.round(fraction * 100)}%` });
      await sleep(5);
    }
    this.#stored = true;
  }

  // Unlike a real engine it answers without a `load` first, so Node tests can skip it.
  async complete(request: CompletionRequest, onText?: (textSoFar: string) => void): Promise<CompletionResult> {
    const call = { interrupted: false };
    this.#inFlight = call;
    try {
      const { text, finishReason } = limited(answer(request), request);
      let sent = '';
      for (const chunk of chunksOf(text)) {
        await sleep(this.#delayMs);
        if (call.interrupted) return resultOf(request, sent, 'abort');
        sent += chunk;
        onText?.(sent);
      }
      return resultOf(request, sent, finishReason);
    } finally {
      if (this.#inFlight === call) this.#inFlight = undefined;
    }
  }

  interrupt(): void {
    if (this.#inFlight) this.#inFlight.interrupted = true;
  }

  async unload(): Promise<void> {}

  async storedModels(): Promise<StoredModel[]> {
    return this.#stored ? [{ id: SCRIPTED_MODEL_ID, bytes: SCRIPTED_MODEL_BYTES }] : [];
  }

  async deleteStored(): Promise<void> {
    this.#stored = false;
  }
}

function answer(request: CompletionRequest): string {
  const rng = createRng(hash(canonical(request)));
  const prompt = promptOf(request);
  switch (request.purpose) {
    case 'instructions':
      return isAlpacaPrompt(prompt) ? alpacaAnswer(prompt, rng) : instructionsAnswer(prompt, rng);
    case 'classify':
      return classifyAnswer(prompt, rng);
    case 'instances':
      return instancesAnswer(prompt, rng);
    case 'judge':
      return judgeAnswer(prompt, rng);
  }
}

function promptOf(request: CompletionRequest): ScriptedPrompt {
  const messages = messagesOf(request);
  return {
    system: messages.find((message) => message.role === 'system')?.content ?? '',
    user: messages.findLast((message) => message.role === 'user')?.content ?? '',
    all: messages.map((message) => message.content).join('\n'),
    completion: request.mode === 'text',
    ...(request.responseFormat ? { schema: request.responseFormat.schema } : {}),
  };
}

// The text a real engine would return: up to the first stop sequence (left out, finishing with
// 'stop'), and no more than maxTokens words (finishing with 'length').
function limited(text: string, request: CompletionRequest): { text: string; finishReason: FinishReason } {
  const stops = (request.params.stop ?? []).map((stop) => text.indexOf(stop)).filter((at) => at >= 0);
  const stopped = stops.length > 0 ? text.slice(0, Math.min(...stops)) : text;
  const words = stopped.match(/\s*\S+/g) ?? [];
  if (words.length <= request.params.maxTokens) return { text: stopped, finishReason: 'stop' };
  return { text: words.slice(0, request.params.maxTokens).join(''), finishReason: 'length' };
}

function messagesOf(request: CompletionRequest): ChatMessage[] {
  return request.mode === 'chat' ? request.messages : [{ role: 'user', content: request.prompt }];
}

function resultOf(request: CompletionRequest, text: string, finishReason: FinishReason): CompletionResult {
  const promptTokens = messagesOf(request).reduce((sum, message) => sum + wordCount(message.content), 0);
  const completionTokens = wordCount(text);
  return { text, finishReason, promptTokens, completionTokens, durationMs: 5 + completionTokens };
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => word !== '').length;
}

function chunksOf(text: string): string[] {
  const pieces = text.split(/(?<=\s)(?=\S)/);
  const size = Math.ceil(pieces.length / CHUNKS);
  return Array.from({ length: Math.ceil(pieces.length / size) }, (_, i) => pieces.slice(i * size, (i + 1) * size).join(''));
}

// JSON with sorted keys, so equal requests hash alike whatever order their fields were set in.
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

// FNV-1a over UTF-16 code units.
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
