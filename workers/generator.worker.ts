// The generator worker owns the model: it serves the engine host's verbs through comlink.
// Progress and streamed text reach the page through comlink-proxied callbacks.
import { expose } from 'comlink';
import { installFailureHandler } from '../src/lib/failure';
// Vite serves wllama's builds from our own origin; wllama never reaches for a CDN (see createWllama).
// The compatibility build (Safari) is only fetched where wllama runs it, and the service worker does
// not precache it (vite.config.ts): its wasm is 19 MB.
import wllamaWasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import compatWasmUrl from '@wllama/wllama-compat/wasm/wllama.wasm?url';
import compatWorkerUrl from '@wllama/wllama-compat/wasm/wllama.js?url';
import { createGeneratorService, EngineHost, probeDevice, type Engine } from '../src/lib/engine';
import { fetchSelfHostedModels, selfHostedManifestUrl } from '../src/lib/models';
import { WebLlmEngine } from '../src/lib/webllm';
import { GGUF_MODELS, WllamaEngine, type WllamaAssets } from '../src/lib/wllama';
import { releasingCallbacks } from './releasing-callbacks';

async function wllamaAssets(): Promise<WllamaAssets> {
  // Vite's dev server rewrites the JS files it serves (it appends a source-map comment, which breaks
  // the wrapper wllama puts around the compat worker's code): there wllama gets the code itself.
  const worker = import.meta.env.DEV ? { code: (await import('@wllama/wllama-compat/wasm/wllama.js?raw')).default } : compatWorkerUrl;
  return { wasm: wllamaWasmUrl, compat: { wasm: compatWasmUrl, worker } };
}

async function createHost(): Promise<EngineHost> {
  const selfHosted = await fetchSelfHostedModels(selfHostedManifestUrl(self.location.href));
  const gguf = [...selfHosted.models.gguf, ...GGUF_MODELS];
  const engines: Engine[] = [new WebLlmEngine(selfHosted.models.mlc)];
  const assets = await wllamaAssets();
  // Only the e2e test build (vite build --mode e2e) adds the deterministic test engine and the
  // tiny test GGUFs (one of them on wllama's compatibility build, as on Safari), and stops a quiet
  // GGUF download sooner; in every other build this branch, and the test code it imports, is
  // removed at build time.
  if (import.meta.env.MODE === 'e2e') {
    const { ScriptedEngine } = await import('../test/scripted-engine');
    const { E2E_STALL_MS, testCompatGgufModels, testGgufModels } = await import('../test/gguf/test-models');
    const { createForcedCompatWllama } = await import('../test/gguf/forced-compat');
    const models = [...gguf, ...testGgufModels(self.location.origin)];
    engines.push(
      new WllamaEngine({ assets, models, stallMs: E2E_STALL_MS }),
      new WllamaEngine({ assets, models: testCompatGgufModels(self.location.origin), create: createForcedCompatWllama }),
      new ScriptedEngine({ delayMs: 15 }),
    );
  } else {
    engines.push(new WllamaEngine({ assets, models: gguf }));
  }
  return new EngineHost(engines, () => probeDevice(), selfHosted.problems);
}

installFailureHandler();
// Expose at once, before any await: a message that arrives before comlink listens is lost.
expose(releasingCallbacks(createGeneratorService(createHost())));
