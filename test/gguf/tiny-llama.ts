// A tiny llama-architecture model (about 470 KB of f32) whose greedy next token is a table lookup
// on the current token, so a test knows exactly what llama.cpp will write. Every layer still runs
// (RMSNorm, RoPE, attention with a KV cache, SwiGLU), on small seeded weights that cannot move the
// argmax. No Node APIs: it builds the same bytes in Node and in a page. Design and vocabulary
// facts: ../shared/research/wllama_probe.md §2.
import { bool, f32, str, u32, writeGguf, type GgufTensor, type GgufValue } from './gguf-writer';
import type { TensorEncoding } from './quantize';

export const N_EMBD = 64;
const N_HEAD = 4;
const N_LAYER = 2;
const N_FF = 128;

/** The model's size; the tests' models are tiny, a benchmark's model (bench/engine.bench.ts) is not. */
export interface LlamaShape {
  embd: number;
  heads: number;
  layers: number;
  ff: number;
  /** How the layers' matrices are stored (f32 unless said); embeddings and norms stay f32. */
  encoding?: TensorEncoding;
}
const TINY: LlamaShape = { embd: N_EMBD, heads: N_HEAD, layers: N_LAYER, ff: N_FF };

/** Token ids: 0 `<unk>`, 1 `<s>`, 2 `</s>`, then the 256 byte tokens, then SentencePiece's `▁`. */
export const BOS = 1;
export const EOS = 2;
const FIRST_BYTE_TOKEN = 3;
export const VOCAB_SIZE = FIRST_BYTE_TOKEN + 256 + 1;

/** The byte-fallback token that stands for one byte: every character of a prompt becomes these. */
export const byteToken = (byte: number): number => FIRST_BYTE_TOKEN + byte;

/** Renders `<|role|>content` lines and ends at `<|assistant|>`, so a chat reply follows a `>`. */
export const CHAT_TEMPLATE =
  "{% for message in messages %}{{ '<|' + message['role'] + '|>' + message['content'] + '\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|assistant|>' }}{% endif %}";

// After RMSNorm a one-hot embedding reads sqrt(embd) (8 for the tiny shape); times this gain the
// winning logit is 32 and every other one stays near 0, far beyond what the layers' noise can change.
const outputGain = (embd: number): number => 32 / Math.sqrt(embd);
const LAYER_NOISE = 0.02;
// A layer's noise adds up over the width twice (x → V → output), so a wider model gets smaller noise
// to keep the same share of the signal as the tiny one: without it, a 768-wide, 12-layer model loses
// the lookup and writes other letters.
const layerNoise = (embd: number): number => LAYER_NOISE * Math.sqrt(N_EMBD / embd);

export interface TinyLlamaOptions {
  name: string;
  /** The token greedy decoding writes after `token`, whatever came before it. */
  next: (token: number) => number;
  /** llama.context_length; the default leaves room for the method's few-shot prompts. */
  contextLength?: number;
  /** Seeds the layers' noise. */
  seed?: number;
  shape?: LlamaShape;
}

/**
 * The GGUF bytes. Each distinct successor gets its own embedding direction: a token embeds as the
 * direction of its successor, and the output row of a successor reads only that direction. So the
 * logit of `next(t)` after `t` is about 32 and all others about 0.
 */
export function buildTinyLlama({ name, next, contextLength = 4096, seed = 1, shape = TINY }: TinyLlamaOptions): Uint8Array {
  const { embd, layers, ff, encoding = 'F32' } = shape;
  const successors = Array.from({ length: VOCAB_SIZE }, (_, token) => next(token));
  const directions = new Map<number, number>();
  for (const successor of successors) {
    if (successor < 0 || successor >= VOCAB_SIZE) throw new Error(`Successor ${successor} is outside the vocabulary.`);
    if (!directions.has(successor)) directions.set(successor, directions.size);
  }
  if (directions.size > embd) throw new Error(`${directions.size} distinct successors need more than ${embd} dimensions.`);

  const embedding = new Float32Array(VOCAB_SIZE * embd);
  successors.forEach((successor, token) => (embedding[token * embd + directions.get(successor)!] = 1));
  const output = new Float32Array(VOCAB_SIZE * embd);
  for (const [successor, direction] of directions) output[successor * embd + direction] = outputGain(embd);

  const noise = uniformNoise(seed, layerNoise(embd));
  const tensors: GgufTensor[] = [{ name: 'token_embd.weight', shape: [embd, VOCAB_SIZE], data: embedding }];
  for (let layer = 0; layer < layers; layer++) {
    const block = (part: string, dims: [number, number]): GgufTensor => ({ name: `blk.${layer}.${part}.weight`, shape: dims, data: noise(dims[0] * dims[1]), encoding });
    tensors.push(
      { name: `blk.${layer}.attn_norm.weight`, shape: [embd], data: ones(embd) },
      block('attn_q', [embd, embd]),
      block('attn_k', [embd, embd]),
      block('attn_v', [embd, embd]),
      block('attn_output', [embd, embd]),
      { name: `blk.${layer}.ffn_norm.weight`, shape: [embd], data: ones(embd) },
      block('ffn_gate', [embd, ff]),
      block('ffn_up', [embd, ff]),
      block('ffn_down', [ff, embd]),
    );
  }
  tensors.push(
    { name: 'output_norm.weight', shape: [embd], data: ones(embd) },
    { name: 'output.weight', shape: [embd, VOCAB_SIZE], data: output },
  );
  return writeGguf({ metadata: metadata(name, contextLength, shape), tensors });
}

/** The weights a model of `shape` holds: embeddings, output, and each layer's matrices and norms. */
export function parameterCount({ embd, layers, ff }: LlamaShape): number {
  return 2 * VOCAB_SIZE * embd + embd + layers * (4 * embd * embd + 3 * embd * ff + 2 * embd);
}

/** Continues the alphabet: `abc` → `defg…`, `z` → `a`, and after anything else `a`. */
export function alphabetModel(shape?: LlamaShape): Uint8Array {
  return buildTinyLlama({ name: 'tiny-alphabet', next: nextLetter, ...(shape ? { shape } : {}) });
}

/**
 * Writes "\xC3c\xC3c…": a two-byte lead byte, then an ASCII letter where its continuation byte
 * should be. llama-server holds back an unfinished sequence at the end of a stream, but this one
 * looks finished, so it reaches JSON as invalid UTF-8 (the probe's crash: "invalid UTF-8 byte at
 * index 1: 0x63").
 */
export function invalidUtf8Model(): Uint8Array {
  return buildTinyLlama({ name: 'tiny-invalid-utf8', next: (token) => (token === byteToken(0xc3) ? byteToken(0x63) : byteToken(0xc3)) });
}

/** What the alphabet model writes greedily after `text`: `count` letters. */
export function alphabetAfter(text: string, count: number): string {
  const last = text.at(-1) ?? '';
  let code = /[a-y]/.test(last) ? last.charCodeAt(0) + 1 : A;
  let letters = '';
  for (let i = 0; i < count; i++, code = code === Z ? A : code + 1) letters += String.fromCharCode(code);
  return letters;
}

const A = 'a'.charCodeAt(0);
const Z = 'z'.charCodeAt(0);

function nextLetter(token: number): number {
  const byte = token - FIRST_BYTE_TOKEN;
  return byte >= A && byte < Z ? byteToken(byte + 1) : byteToken(A);
}

function metadata(name: string, contextLength: number, { embd, heads, layers, ff, encoding = 'F32' }: LlamaShape): Record<string, GgufValue> {
  const tokens = ['<unk>', '<s>', '</s>', ...Array.from({ length: 256 }, (_, byte) => `<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`), '\u2581'];
  // llama.cpp's token types: 1 normal, 2 unknown, 3 control, 6 byte.
  const types = tokens.map((_, id) => (id === 0 ? 2 : id < FIRST_BYTE_TOKEN ? 3 : id < VOCAB_SIZE - 1 ? 6 : 1));
  const scores = tokens.map((_, id) => (id === VOCAB_SIZE - 1 ? -1 : 0));
  return {
    'general.architecture': str('llama'),
    'general.name': str(name),
    'general.alignment': u32(32),
    'general.file_type': u32(FILE_TYPES[encoding]),
    'llama.vocab_size': u32(VOCAB_SIZE),
    'llama.context_length': u32(contextLength),
    'llama.embedding_length': u32(embd),
    'llama.block_count': u32(layers),
    'llama.feed_forward_length': u32(ff),
    'llama.attention.head_count': u32(heads),
    'llama.attention.head_count_kv': u32(heads),
    'llama.rope.dimension_count': u32(embd / heads),
    'llama.rope.freq_base': f32(10000),
    'llama.attention.layer_norm_rms_epsilon': f32(1e-5),
    'tokenizer.ggml.model': str('llama'),
    'tokenizer.ggml.tokens': { type: 'string[]', value: tokens },
    'tokenizer.ggml.scores': { type: 'f32[]', value: scores },
    'tokenizer.ggml.token_type': { type: 'i32[]', value: types },
    'tokenizer.ggml.bos_token_id': u32(BOS),
    'tokenizer.ggml.eos_token_id': u32(EOS),
    'tokenizer.ggml.unknown_token_id': u32(0),
    'tokenizer.ggml.add_bos_token': bool(true),
    'tokenizer.ggml.add_eos_token': bool(false),
    // Without it SentencePiece would put a space before the prompt's first character.
    'tokenizer.ggml.add_space_prefix': bool(false),
    'tokenizer.chat_template': str(CHAT_TEMPLATE),
  };
}

// llama.cpp's `enum llama_ftype`: what most of the file's weights are stored in.
const FILE_TYPES: Record<TensorEncoding, number> = { F32: 0, Q4_0: 2, Q8_0: 7 };

function ones(n: number): Float32Array {
  return new Float32Array(n).fill(1);
}

// mulberry32, uniform in [-scale, scale]: integer arithmetic and one division, so every JavaScript
// engine makes the same floats (Box–Muller's log and cos are not bit-specified).
function uniformNoise(seed: number, scale: number): (n: number) => Float32Array {
  let state = seed >>> 0;
  const draw = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return (n) => Float32Array.from({ length: n }, () => (draw() * 2 - 1) * scale);
}
