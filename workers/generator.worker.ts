// The generator worker owns the model: it serves the engine host's verbs through comlink.
// Progress and streamed text reach the page through comlink-proxied callbacks.
import { expose } from 'comlink';
import type { GeneratorApi } from '../src/lib/clients';
import { EngineHost, type Engine } from '../src/lib/engine';
import { WebLlmEngine } from '../src/lib/webllm';
import { releaseCallback } from './release-callback';

async function createHost(): Promise<EngineHost> {
  const engines: Engine[] = [new WebLlmEngine()];
  // Only the e2e test build (vite build --mode e2e) adds the deterministic test engine; in every
  // other build this branch, and the test code it imports, is removed at build time.
  if (import.meta.env.MODE === 'e2e') {
    const { ScriptedEngine } = await import('../test/scripted-engine');
    engines.push(new ScriptedEngine({ delayMs: 15 }));
  }
  return new EngineHost(engines);
}

// Expose at once, before any await: a message that arrives before comlink listens is lost.
const host = createHost();

const api: GeneratorApi = {
  probe: async () => (await host).probe(),
  load: async (modelId, onProgress) => (await host).load(modelId, onProgress).finally(() => releaseCallback(onProgress)),
  complete: async (request, onText) => (await host).complete(request, onText).finally(() => releaseCallback(onText)),
  interrupt: () => void host.then((ready) => ready.interrupt()),
  unload: async () => (await host).unload(),
};

expose(api);
