import wasmUrl from '@wllama/wllama/esm/wasm/wllama.wasm?url';
import { WllamaEngine } from '../../src/lib/wllama';
const bench = {
  async replay(modelUrl: string, requests: any[], tokens: number) {
    const options: any = { wasmUrl, assets: { wasm: wasmUrl }, threads: () => 1 };
    const engine = new WllamaEngine(options);
    await engine.loadFile(new File([await (await fetch(modelUrl)).blob()], 'tiny.gguf'), () => {});
    const by: Record<string, { processed: number; cached: number }> = {};
    const perCall: number[] = [];
    for (const request of requests) {
      const result = await engine.complete({ ...request, params: { ...request.params, maxTokens: Math.min(tokens, request.params.maxTokens) } });
      const cached = result.cachedPromptTokens ?? -1;
      const p = (by[request.purpose] ??= { processed: 0, cached: 0 });
      p.cached += cached; p.processed += result.promptTokens - cached; perCall.push(result.promptTokens - cached);
    }
    await engine.unload();
    return { by, perCall };
  },
};
Object.assign(globalThis, { replayBench: bench });
