// The generator worker owns the model: it serves the engine host's verbs through comlink.
// Progress and streamed text reach the page through comlink-proxied callbacks.
import { expose } from 'comlink';
import { installFailureHandler } from '../src/lib/failure';
// Vite serves wllama's wasm from our own origin; wllama never reaches for a CDN (see WllamaEngine).
import wllamaWasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import { createGeneratorService, EngineHost, probeDevice, type Engine } from '../src/lib/engine';
import { fetchSelfHostedModels, selfHostedManifestUrl } from '../src/lib/models';
import { WebLlmEngine } from '../src/lib/webllm';
import { GGUF_MODELS, WllamaEngine } from '../src/lib/wllama';
import { releasingCallbacks } from './releasing-callbacks';

async function createHost(): Promise<EngineHost> {
  const selfHosted = await fetchSelfHostedModels(selfHostedManifestUrl(self.location.href));
  const gguf = [...selfHosted.models.gguf, ...GGUF_MODELS];
  const engines: Engine[] = [new WebLlmEngine(selfHosted.models.mlc)];
  // Only the e2e test build (vite build --mode e2e) adds the deterministic test engine and the
  // tiny test GGUFs, and stops a quiet GGUF download sooner; in every other build this branch, and
  // the test code it imports, is removed at build time.
  if (import.meta.env.MODE === 'e2e') {
    const { ScriptedEngine } = await import('../test/scripted-engine');
    const { E2E_STALL_MS, testGgufModels } = await import('../test/gguf/test-models');
    const models = [...gguf, ...testGgufModels(self.location.origin)];
    engines.push(new WllamaEngine({ wasmUrl: wllamaWasmUrl, models, stallMs: E2E_STALL_MS }), new ScriptedEngine({ delayMs: 15 }));
  } else {
    engines.push(new WllamaEngine({ wasmUrl: wllamaWasmUrl, models: gguf }));
  }
  return new EngineHost(engines, () => probeDevice(), selfHosted.problems);
}

installFailureHandler();
// Expose at once, before any await: a message that arrives before comlink listens is lost.
expose(releasingCallbacks(createGeneratorService(createHost())));
