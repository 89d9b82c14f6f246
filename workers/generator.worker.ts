// The generator worker owns the model: it serves the engine host's verbs through comlink.
// Progress and streamed text reach the page through comlink-proxied callbacks.
import { expose } from 'comlink';
// Vite serves wllama's wasm from our own origin; wllama never reaches for a CDN (see WllamaEngine).
import wllamaWasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import type { GeneratorApi } from '../src/lib/clients';
import { EngineHost, type Engine } from '../src/lib/engine';
import { WebLlmEngine } from '../src/lib/webllm';
import { GGUF_MODELS, WllamaEngine } from '../src/lib/wllama';
import { releaseCallback } from './release-callback';

async function createHost(): Promise<EngineHost> {
  const engines: Engine[] = [new WebLlmEngine()];
  // Only the e2e test build (vite build --mode e2e) adds the deterministic test engine and the
  // tiny test GGUFs; in every other build this branch, and the test code it imports, is removed
  // at build time.
  if (import.meta.env.MODE === 'e2e') {
    const { ScriptedEngine } = await import('../test/scripted-engine');
    const { testGgufModels } = await import('../test/gguf/test-models');
    const models = [...GGUF_MODELS, ...testGgufModels(self.location.origin)];
    engines.push(new WllamaEngine({ wasmUrl: wllamaWasmUrl, models }), new ScriptedEngine({ delayMs: 15 }));
  } else {
    engines.push(new WllamaEngine({ wasmUrl: wllamaWasmUrl }));
  }
  return new EngineHost(engines);
}

// Expose at once, before any await: a message that arrives before comlink listens is lost.
const host = createHost();

const api: GeneratorApi = {
  probe: async () => (await host).probe(),
  load: async (modelId, onProgress) => (await host).load(modelId, onProgress).finally(() => releaseCallback(onProgress)),
  loadFile: async (file, onProgress) => (await host).loadFile(file, onProgress).finally(() => releaseCallback(onProgress)),
  complete: async (request, onText) => (await host).complete(request, onText).finally(() => releaseCallback(onText)),
  interrupt: () => void host.then((ready) => ready.interrupt()),
  unload: async () => (await host).unload(),
  cancelLoad: async () => (await host).cancelLoad(),
  storedModels: async () => (await host).storedModels(),
  deleteStored: async (modelId) => (await host).deleteStored(modelId),
};

expose(api);
