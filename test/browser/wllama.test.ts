// The real wllama engine (llama.cpp in WebAssembly) in the e2e site's generator worker, driven
// through the page's GeneratorClient with tiny GGUF models built here: no GPU, no network.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { GeneratorClient } from '../../src/lib/clients';
import type { LoadOutcome, LoadProgress, ProbeResult } from '../../src/lib/engine';
import { classifyRequest, defaultSettings, instancesRequest, parseClassification, parseInstances } from '../../src/lib/method';
import type { CompletionRequest, CompletionResult, MethodSettings } from '../../src/lib/vocabulary';
import { SEED_TASKS } from '../fixtures/method/seed-tasks';
import { SELF_INSTRUCT_SETTINGS } from '../fixtures/method/settings';
import { ALPHABET_MODEL_ID, INVALID_UTF8_MODEL_ID, TEST_MODEL_PATH } from '../gguf/test-models';
import { alphabetAfter, alphabetModel, invalidUtf8Model } from '../gguf/tiny-llama';
import { foreignRequests, launchChromium, openWatchedPage, serveSite, type WatchedPage } from './site';

const ALPHABET = alphabetModel();
const MODELS: Record<string, Uint8Array> = {
  'tiny-alphabet.gguf': ALPHABET,
  'tiny-invalid-utf8.gguf': invalidUtf8Model(),
  'cut-short.gguf': ALPHABET.slice(0, 200_000),
};

/** How long a load's last progress report may trail its outcome. */
const PROGRESS_GRACE_MS = 30_000;

let site: Awaited<ReturnType<typeof serveSite>>;
let browser: Browser;
let watched: WatchedPage;
let page: Page;
const served: string[] = [];

beforeAll(async () => {
  site = await serveSite('dist-e2e');
  browser = await launchChromium({ webgpu: false });
  const context = await browser.newContext();
  // The generator worker fetches the test models from the site's own origin; only this route has them.
  await context.route(`**${TEST_MODEL_PATH}*.gguf`, async (route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop()!;
    served.push(`${route.request().method()} ${name}`);
    const body = MODELS[name];
    await (body ? route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from(body) }) : route.fulfill({ status: 404 }));
  });
  watched = await openWatchedPage(browser, site.url, context);
  page = watched.page;
  await page.waitForFunction(() => '__studio' in globalThis);
});
afterAll(async () => {
  try {
    // Over every test in this file: nothing left 127.0.0.1, and the page threw nothing.
    expect(foreignRequests(watched.requests)).toEqual([]);
    expect(watched.errors.filter((error) => error.startsWith('page:'))).toEqual([]);
  } finally {
    await browser?.close();
    await site?.close();
  }
});

type Hook = { __studio: { generator: GeneratorClient } };

async function probe(): Promise<ProbeResult> {
  return page.evaluate(() => (globalThis as unknown as Hook).__studio.generator.probe());
}

/** Loads a catalog model, or a file given to a file input, and collects the progress reports. */
async function load(source: { modelId: string } | { file: string }): Promise<{ outcome: LoadOutcome; progress: LoadProgress[] }> {
  if ('file' in source) {
    await page.evaluate(() => {
      document.querySelector('#test-gguf-input')?.remove();
      const input = Object.assign(document.createElement('input'), { type: 'file', id: 'test-gguf-input', hidden: true });
      document.body.append(input);
    });
    const bytes = MODELS[source.file] ?? new TextEncoder().encode('not a model');
    await page.setInputFiles('#test-gguf-input', { name: source.file, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  }
  return page.evaluate(
    async ({ source, graceMs }) => {
      const { generator } = (globalThis as unknown as Hook).__studio;
      const progress: LoadProgress[] = [];
      const onProgress = (report: LoadProgress) => void progress.push(report);
      const input = document.querySelector<HTMLInputElement>('#test-gguf-input');
      const outcome = 'file' in source ? await generator.loadFile(input!.files![0]!, onProgress) : await generator.load(source.modelId, onProgress);
      // Progress comes through its own message port and may trail the outcome, by more than a
      // moment on a busy machine.
      for (let waited = 0; outcome.ok && !progress.some((report) => report.fraction === 1) && waited < graceMs; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return { outcome, progress };
    },
    { source, graceMs: PROGRESS_GRACE_MS },
  );
}

interface Completion {
  result?: CompletionResult;
  error?: { name: string; message: string; reason?: string };
  streamed: string[];
}

/** Completes through the page's generator; `abortAfter` aborts once that many pieces streamed in. */
async function complete(request: CompletionRequest, abortAfter?: number): Promise<Completion> {
  return page.evaluate(
    async ({ request, abortAfter }) => {
      const { generator } = (globalThis as unknown as Hook).__studio;
      const streamed: string[] = [];
      const controller = new AbortController();
      const onText = (text: string) => {
        streamed.push(text);
        if (streamed.length === abortAfter) controller.abort();
      };
      try {
        return { result: await generator.complete(request, { onText, signal: controller.signal }), streamed };
      } catch (error) {
        const { name, message, reason } = error as Error & { reason?: string };
        return { error: { name, message, reason }, streamed };
      }
    },
    { request, abortAfter },
  );
}

/** The site's server sends COOP and COEP, so the page is isolated and llama.cpp gets its threads (threadCount). */
async function expectedRunsOn(): Promise<string> {
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  const threads = cores < 2 ? 1 : Math.min(Math.max(2, Math.floor(cores / 2)), 8);
  return `CPU, ${threads} thread${threads === 1 ? '' : 's'}`;
}

const greedy = (maxTokens: number, stop?: string[]) => ({ temperature: 0, topP: 1, maxTokens, ...(stop ? { stop } : {}) });
const text = (prompt: string, maxTokens: number, stop?: string[]): CompletionRequest => ({ mode: 'text', purpose: 'instructions', prompt, params: greedy(maxTokens, stop) });
const chat = (content: string, maxTokens: number, stop?: string[]): CompletionRequest => ({
  mode: 'chat',
  purpose: 'instructions',
  messages: [{ role: 'user', content }],
  params: greedy(maxTokens, stop),
});

test('the GGUF models are offered without WebGPU, the first recommended, and the test models with them', async () => {
  const { device, models } = await probe();
  expect(device.webgpu).toBe(false);
  const gguf = models.filter((model) => model.id.startsWith('gguf:'));
  expect(gguf[0]).toMatchObject({ id: 'gguf:qwen2.5-1.5b-instruct-q4_k_m', recommended: true });
  expect(gguf.map((model) => model.id)).toEqual(expect.arrayContaining([ALPHABET_MODEL_ID, INVALID_UTF8_MODEL_ID]));
});

test('the page is cross-origin isolated, so llama.cpp runs multi-threaded, and a call reports the prompt tokens it took from the cache', async () => {
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  const { outcome } = await load({ modelId: ALPHABET_MODEL_ID });
  expect(outcome).toMatchObject({ ok: true, runsOn: await expectedRunsOn() });
  // This machine has two cores at least: more than one thread.
  expect(outcome).toMatchObject({ runsOn: expect.stringMatching(/^CPU, ([2-8]) threads$/) });
  const first = (await complete(text('The same long prefix, then a', 4))).result!;
  const second = (await complete(text('The same long prefix, then b', 4))).result!;
  expect(first.text).toBe('bcde');
  expect(second.text).toBe('cdef');
  // The second prompt shares all but its last letter with the first: llama.cpp evaluates only that.
  expect(second.cachedPromptTokens).toBeGreaterThanOrEqual('The same long prefix, then '.length);
  expect(second.promptTokens).toBe(first.promptTokens);
});

describe('a model by URL', () => {
  let loaded: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    loaded = await load({ modelId: ALPHABET_MODEL_ID });
  });

  test('loads from a 127.0.0.1 URL with download progress up to ready', async () => {
    const { outcome, progress } = loaded;
    expect(outcome).toEqual({ ok: true, modelId: ALPHABET_MODEL_ID, runsOn: await expectedRunsOn() });
    expect(served).toContain('GET tiny-alphabet.gguf');
    // llama.cpp's wasm comes from the site itself (Vite's asset URL), never from a CDN.
    expect(watched.requests.some((url) => /^http:\/\/127\.0\.0\.1:\d+\/assets\/wllama-[\w-]+\.wasm$/.test(url))).toBe(true);
    const fractions = progress.map((report) => report.fraction);
    expect(fractions[0]).toBe(0);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    // wllama reports the download (at most every 100 ms, so once for a tiny file), then llama.cpp loads.
    expect(progress.some((report) => report.fraction > 0 && report.fraction < 1)).toBe(true);
  });

  test('streams a raw completion that is exactly the greedy continuation', async () => {
    const { result, streamed } = await complete(text('abc', 16));
    expect(result).toMatchObject({ text: alphabetAfter('abc', 16), finishReason: 'length', completionTokens: 16 });
    expect(result!.text).toBe('defghijklmnopqrs');
    expect(result!.promptTokens).toBeGreaterThanOrEqual(3);
    expect(result!.tokensPerSecond).toBeGreaterThan(0);
    expect(streamed.length).toBeGreaterThan(1);
    streamed.forEach((piece) => expect(result!.text.startsWith(piece)).toBe(true));
  });

  test('streams a chat completion through the model’s chat template', async () => {
    const { result } = await complete(chat('hi', 16));
    // The template ends the prompt at "<|assistant|>", and after ">" the model starts at "a".
    expect(result).toMatchObject({ text: 'abcdefghijklmnop', finishReason: 'length' });
  });

  test.each([
    ['text', text('abc', 32, ['h'])],
    ['chat', chat('hi', 32, ['f'])],
  ])('a %s stop sequence ends the answer with finishReason stop', async (_mode, request) => {
    const { result } = await complete(request);
    expect(result).toMatchObject({ text: request.mode === 'text' ? 'defg' : 'abcde', finishReason: 'stop' });
  });

  test('an abort mid-stream returns what came so far with finishReason abort, and the model answers again', async () => {
    const { result, streamed } = await complete(text('a', 2000), 5);
    expect(result!.finishReason).toBe('abort');
    expect(streamed.length).toBeGreaterThanOrEqual(5);
    expect(result!.text.length).toBeLessThan(2000);
    expect(alphabetAfter('a', result!.text.length)).toBe(result!.text);
    const again = await complete(text('x', 4));
    expect(again.result).toMatchObject({ text: 'yzab', finishReason: 'length' });
  });
});

describe('the method’s steps on the tiny model', () => {
  const jsonChat: MethodSettings = { ...defaultSettings('self-instruct'), outputMode: 'json' };
  beforeAll(async () => {
    expect((await load({ modelId: ALPHABET_MODEL_ID })).outcome.ok).toBe(true);
  });

  test('a classify step in text mode runs and parses (a toy model says neither yes nor no)', async () => {
    const request = classifyRequest('Sort these fruits by colour.', SEED_TASKS, SELF_INSTRUCT_SETTINGS, 7);
    const { result } = await complete(request);
    expect(result!.finishReason).toMatch(/^(stop|length)$/);
    expect(result!.text).toMatch(/^[a-z]*$/);
    expect(parseClassification(result!.text, SELF_INSTRUCT_SETTINGS)).toBe(false);
  });

  test('in JSON output mode the response format constrains the answer to the step’s schema', async () => {
    const request = classifyRequest('Sort these fruits by colour.', SEED_TASKS, jsonChat, 7);
    expect(request.responseFormat).toBeDefined();
    // A toy model spends its tokens on the whitespace the JSON grammar allows: give it room.
    const { result } = await complete({ ...request, params: { ...request.params, maxTokens: 256 } });
    expect(result!.finishReason).toBe('stop');
    expect(JSON.parse(result!.text)).toEqual({ is_classification: expect.any(Boolean) });
  });

  test('an instances step runs and its parser returns a list, empty or not', async () => {
    const request = instancesRequest('Sort these fruits by colour.', false, SEED_TASKS, SELF_INSTRUCT_SETTINGS, 7);
    const { result } = await complete(request);
    expect(result!.text.length).toBeGreaterThan(0);
    expect(Array.isArray(parseInstances(result!, false, SELF_INSTRUCT_SETTINGS))).toBe(true);
  });
});

describe('a model file from disk', () => {
  test('loads a .gguf File without fetching any model, and completes on it', async () => {
    const before = watched.requests.length;
    const { outcome, progress } = await load({ file: 'tiny-alphabet.gguf' });
    expect(outcome).toEqual({ ok: true, modelId: 'gguf-file:tiny-alphabet.gguf', runsOn: await expectedRunsOn() });
    expect(progress[0]).toMatchObject({ fraction: 0, text: expect.stringMatching(/Opening tiny-alphabet\.gguf/) });
    expect(progress.at(-1)!.fraction).toBe(1);
    expect(watched.requests.slice(before).filter((url) => url.includes('.gguf'))).toEqual([]);
    expect((await complete(text('q', 3))).result!.text).toBe('rst');
  });

  test.each([
    ['a file that is not GGUF', 'notes.gguf', /not a GGUF model file/],
    ['a GGUF cut short', 'cut-short.gguf', /llama\.cpp could not load this model \(.*not within the file bounds/],
  ])('%s is a bad-model-file failure with advice', async (_case, name, message) => {
    const { outcome } = await load({ file: name });
    expect(outcome).toMatchObject({ ok: false, failure: { reason: 'bad-model-file', message: expect.stringMatching(message) } });
    expect((await complete(text('abc', 3))).error).toMatchObject({ name: 'ModelNotLoadedError', reason: 'model-not-loaded' });
  });
});

describe('a model that writes invalid UTF-8', () => {
  test('in chat, llama-server replaces the bad bytes with U+FFFD and the model keeps working', async () => {
    expect((await load({ modelId: INVALID_UTF8_MODEL_ID })).outcome.ok).toBe(true);
    expect((await complete(chat('hi', 8))).result).toMatchObject({ text: '\uFFFDc'.repeat(4), finishReason: 'length' });
  });

  test('in a raw completion it kills wllama’s worker: a named error, then a reload works', async () => {
    expect((await load({ modelId: INVALID_UTF8_MODEL_ID })).outcome.ok).toBe(true);
    const { error } = await complete(text('hi', 8));
    expect(error).toMatchObject({ name: 'ModelCrashedError', reason: 'model-lost', message: expect.stringMatching(/Invalid typed array length.*Load the model again/) });
    expect((await complete(text('abc', 3))).error).toMatchObject({ name: 'ModelNotLoadedError', reason: 'model-not-loaded' });

    expect((await load({ modelId: ALPHABET_MODEL_ID })).outcome).toEqual({ ok: true, modelId: ALPHABET_MODEL_ID, runsOn: await expectedRunsOn() });
    expect((await complete(text('abc', 4))).result!.text).toBe('defg');
  });
});
