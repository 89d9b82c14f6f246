// One wllama instance: one worker running llama.cpp, one model. Watches what wllama itself does
// not: its worker dying, and llama.cpp's log, which says why a load failed.
// The package's "main" points at a file it does not ship, hence the path to its ES build.
import type {
  ChatCompletionChunk,
  ChatCompletionParams,
  LoadedContextInfo,
  LoadModelParams,
  RawCompletionChunk,
  RawCompletionParams,
  StreamParams,
  WllamaCompat,
  WllamaConfig,
  WllamaLogger,
} from '@wllama/wllama/esm/index.js';

/** The part of wllama's `Wllama` this adapter uses; a test can stand in for it. */
export interface WllamaLike {
  loadModel(blobs: Blob[], params: LoadModelParams): Promise<void>;
  loadModelFromUrl(url: string, params: LoadModelParams & UrlLoadOptions): Promise<void>;
  getLoadedContextInfo(): LoadedContextInfo;
  getNumThreads(): number;
  /** What wllama's worker runs: `compat` is its compatibility build (Asyncify, 32-bit memory). */
  getWorkerResources(): { compat: boolean };
  createChatCompletion(options: ChatCompletionParams & StreamParams<ChatCompletionChunk>): Promise<void>;
  createCompletion(options: RawCompletionParams & StreamParams<RawCompletionChunk>): Promise<void>;
  exit(): Promise<void>;
}

interface UrlLoadOptions {
  useCache?: boolean;
  signal?: AbortSignal;
  progressCallback?: (progress: { loaded: number; total: number }) => void;
}

/** llama.cpp's builds, on our own origin. */
export interface WllamaAssets {
  /** The default build's wasm (JSPI and Memory64). */
  wasm: string;
  /** wllama's compatibility build (@wllama/wllama-compat), for browsers without JSPI or Memory64. */
  compat?: WllamaCompat;
}

export type CreateWllama = (assets: WllamaAssets, config: WllamaConfig) => Promise<WllamaLike>;

/**
 * A started instance. `died` rejects when its worker dies or `end` is called, since wllama then
 * leaves its pending calls unsettled; race every call against it.
 */
export interface Instance {
  wllama: WllamaLike;
  died: Promise<never>;
  end: (reason: Error) => void;
  /** llama.cpp's most recent log lines. */
  log: string[];
}

const LOG_LINES_KEPT = 40;

export async function startInstance(create: CreateWllama, assets: WllamaAssets): Promise<Instance> {
  const log: string[] = [];
  let end: (error: Error) => void = () => {};
  const died = new Promise<never>((_, reject) => (end = reject));
  died.catch(() => {});
  const keep = (args: unknown[]) => {
    log.push(args.map(String).join(' '));
    if (log.length > LOG_LINES_KEPT) log.shift();
  };
  // wllama routes llama.cpp's log here, and also its worker's `error` event, which it does not
  // otherwise act on: a pending call would wait forever, so that event ends it.
  const logger: WllamaLogger = {
    debug: () => {},
    log: (...args: unknown[]) => keep(args),
    warn: (...args: unknown[]) => keep(args),
    error: (...args: unknown[]) => {
      const [first] = args;
      if (first instanceof Event && first.type === 'error') {
        const message = 'message' in first && typeof first.message === 'string' ? first.message : '';
        end(new Error(`the model's worker failed: ${message || 'no message'}`));
      }
      keep(args);
    },
  };
  const wllama = await create(assets, { logger, suppressNativeLog: false, allowOffline: true });
  return { wllama, died, end, log };
}

/**
 * The real wllama, loaded on first use, without its CDN fallback: both builds come from our origin.
 * wllama picks the compatibility build where its own checks say so (no JSPI or no Memory64: Safari),
 * but not on Firefox (its recommended 'safari' preset): there the default build runs on the CPU,
 * faster than the compatibility one, which is "not usable" with WebGPU on Firefox.
 */
export async function createWllama(assets: WllamaAssets, config: WllamaConfig): Promise<WllamaLike> {
  const { Wllama } = await import('@wllama/wllama/esm/index.js');
  const wllama = new Wllama({ default: assets.wasm }, config);
  // Without compat assets wllama would fetch its compatibility build from cdn.jsdelivr.net; null
  // runs the default build or fails here, offline alike.
  wllama.setCompat(assets.compat ?? null, 'safari');
  return wllama;
}

/** False after a load that llama.cpp rejected: wllama resolves anyway, with an empty context. */
export function hasModel(wllama: WllamaLike): boolean {
  try {
    const info = wllama.getLoadedContextInfo() as LoadedContextInfo & { success?: boolean };
    return info.success !== false && info.n_vocab > 0;
  } catch {
    return false;
  }
}
