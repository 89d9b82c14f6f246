// The engine bench page: the real wllama engine (src/lib/wllama) on this isolated page, as the
// generator worker runs it, with the thread count and the prompt cache set by the bench.
import wasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import compatWasmUrl from '@wllama/wllama-compat/wasm/wllama.wasm?url';
import compatWorkerUrl from '@wllama/wllama-compat/wasm/wllama.js?url';
import { WllamaEngine, type WllamaAssets } from '../../src/lib/wllama';
import { createForcedCompatWllama } from '../../test/gguf/forced-compat';
import type { CompletionRequest } from '../../src/lib/vocabulary';
import type { EngineBench, ReplayReport, SpeedReport } from './protocol';

/** The model as a File: wllama reads it by Blob.slice, with no download into its cache. */
async function modelFile(url: string): Promise<File> {
  return new File([await (await fetch(url)).blob()], 'bench.gguf');
}

const ASSETS: WllamaAssets = { wasm: wasmUrl, compat: { wasm: compatWasmUrl, worker: compatWorkerUrl } };

/** `compat` runs wllama's compatibility build (what Safari runs), forced as the e2e build does. */
async function loaded(url: string, threads: number, compat = false): Promise<WllamaEngine> {
  const engine = new WllamaEngine({ assets: ASSETS, threads: () => threads, ...(compat ? { create: createForcedCompatWllama } : {}) });
  await engine.loadFile(await modelFile(url), () => {});
  return engine;
}

const greedy = (prompt: string, maxTokens: number): CompletionRequest => ({ mode: 'text', purpose: 'instructions', prompt, params: { temperature: 0, topP: 1, maxTokens } });

const bench: EngineBench = {
  info: () => ({ isolated: crossOriginIsolated, cores: navigator.hardwareConcurrency }),

  async speed(modelUrl, threads, answers, tokens, compat = false): Promise<SpeedReport> {
    const engine = await loaded(modelUrl, threads, compat);
    const runsOn = engine.runsOn() ?? '?';
    // The first answer warms llama.cpp's buffers and thread pool; it is not timed.
    await engine.complete(greedy('a', 4));
    const report: SpeedReport = { runsOn, tokensPerSecond: [], answers: [] };
    for (let i = 0; i < answers; i++) {
      const prompt = String.fromCharCode(98 + i);
      const result = await engine.complete(greedy(prompt, tokens));
      report.tokensPerSecond.push(result.tokensPerSecond ?? 0);
      report.answers.push({ prompt, text: result.text });
    }
    await engine.unload();
    return report;
  },

  async replay(modelUrl, requests, tokens): Promise<ReplayReport> {
    // The counts do not depend on threads; one keeps a busy machine from slowing the replay down.
    const engine = await loaded(modelUrl, 1);
    const report: ReplayReport = { runsOn: engine.runsOn() ?? '?', calls: 0, processed: 0, cached: 0, failures: [] };
    for (const request of requests) {
      try {
        const result = await engine.complete({ ...request, params: { ...request.params, maxTokens: Math.min(tokens, request.params.maxTokens) } });
        const cached = result.cachedPromptTokens ?? 0;
        report.calls++;
        report.cached += cached;
        report.processed += result.promptTokens - cached;
      } catch (error) {
        report.failures.push(error instanceof Error ? error.message : String(error));
      }
    }
    await engine.unload();
    return report;
  },
};

Object.assign(globalThis, { engineBench: bench });
