import { connectWorker, GeneratorClient } from '../../src/lib/clients';
import { createGeneratorService, EngineHost, type Engine, type GeneratorApi } from '../../src/lib/engine';
import { ScriptedEngine, type ScriptedEngineOptions } from '../scripted-engine';
import type { ServedApi } from './comlink-channels';

/**
 * The generator as the page sees it: a GeneratorClient over comlink to the generator service, with
 * the scripted engine (or another `engine`) alone behind its engine host, on a device without WebGPU.
 */
export function scriptedGenerator(serve: (api: object) => ServedApi, options: ScriptedEngineOptions = {}, engine: Engine = new ScriptedEngine(options)): GeneratorClient {
  const host = new EngineHost([engine], async () => ({ webgpu: false, shaderF16: false }));
  return new GeneratorClient(connectWorker<GeneratorApi>(serve(createGeneratorService(host)).worker, 'model worker'));
}
