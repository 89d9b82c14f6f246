// A GGUF v3 writer with just what a test model needs: typed metadata, f32 or block-quantized
// tensors (quantize.ts), alignment.
// DataView and TextEncoder only, no Node APIs, so the same bytes come out in Node and in a page.
// Layout facts: ggml's docs/gguf.md and ../shared/research/wllama_probe.md §2.
import { encodedByteLength, encodeTensor, GgmlType, type TensorEncoding } from './quantize';

export const GGUF_MAGIC = 'GGUF';
export const GGUF_VERSION = 3;
export const DEFAULT_ALIGNMENT = 32;

/** The value type codes of ggml's `enum gguf_type`. */
export const GgufType = {
  UINT8: 0,
  INT8: 1,
  UINT16: 2,
  INT16: 3,
  UINT32: 4,
  INT32: 5,
  FLOAT32: 6,
  BOOL: 7,
  STRING: 8,
  ARRAY: 9,
  UINT64: 10,
  INT64: 11,
  FLOAT64: 12,
} as const;

/** A metadata value, tagged with the GGUF type it is written as. */
export type GgufValue =
  | { type: 'u32'; value: number }
  | { type: 'i32'; value: number }
  | { type: 'f32'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'string[]'; value: readonly string[] }
  | { type: 'f32[]'; value: readonly number[] }
  | { type: 'i32[]'; value: readonly number[] };

export interface GgufTensor {
  name: string;
  /** ggml's `ne`: the innermost (contiguous) dimension first, so [K, M] is M rows of K floats. */
  shape: readonly number[];
  data: Float32Array;
  /** How the data is stored; f32 unless said. */
  encoding?: TensorEncoding;
}

export interface GgufModel {
  /** Written in insertion order. `general.alignment` (u32), when present, sets the alignment. */
  metadata: Record<string, GgufValue>;
  tensors: readonly GgufTensor[];
}

export const u32 = (value: number): GgufValue => ({ type: 'u32', value });
export const i32 = (value: number): GgufValue => ({ type: 'i32', value });
export const f32 = (value: number): GgufValue => ({ type: 'f32', value });
export const bool = (value: boolean): GgufValue => ({ type: 'bool', value });
export const str = (value: string): GgufValue => ({ type: 'string', value });

/**
 * The file: header (magic, version, tensor count, metadata count), metadata, tensor infos, zero
 * padding to the alignment, then each tensor's data at an aligned offset relative to the start of
 * the data section. Little-endian throughout.
 */
export function writeGguf(model: GgufModel): Uint8Array {
  const alignment = alignmentOf(model);
  const out = new ByteWriter();
  out.bytes(new TextEncoder().encode(GGUF_MAGIC));
  out.u32(GGUF_VERSION);
  out.u64(model.tensors.length);
  out.u64(Object.keys(model.metadata).length);
  for (const [key, value] of Object.entries(model.metadata)) {
    out.string(key);
    writeValue(out, value);
  }
  let offset = 0;
  const offsets: number[] = [];
  for (const tensor of model.tensors) {
    checkTensor(tensor);
    offsets.push(offset);
    out.string(tensor.name);
    out.u32(tensor.shape.length);
    for (const n of tensor.shape) out.u64(n);
    out.u32(GgmlType[tensor.encoding ?? 'F32']);
    out.u64(offset);
    offset = alignUp(offset + encodedByteLength(tensor.encoding ?? 'F32', tensor.data.length), alignment);
  }
  out.padTo(alignment);
  const dataStart = out.length;
  model.tensors.forEach((tensor, i) => {
    out.padTo(alignment);
    if (out.length !== dataStart + offsets[i]!) throw new Error(`Tensor ${tensor.name} landed off its offset.`);
    out.tensor(tensor.encoding ?? 'F32', tensor.data);
  });
  out.padTo(alignment);
  return out.finish();
}

export function alignUp(n: number, alignment: number): number {
  return Math.ceil(n / alignment) * alignment;
}

function alignmentOf(model: GgufModel): number {
  const declared = model.metadata['general.alignment'];
  if (!declared) return DEFAULT_ALIGNMENT;
  if (declared.type !== 'u32' || declared.value <= 0 || declared.value % 8 !== 0) {
    throw new Error('general.alignment must be a u32 multiple of 8.');
  }
  return declared.value;
}

function checkTensor({ name, shape, data }: GgufTensor): void {
  const count = shape.reduce((product, n) => product * n, 1);
  if (count !== data.length) throw new Error(`Tensor ${name} has shape [${shape.join(', ')}] but ${data.length} values.`);
}

function writeValue(out: ByteWriter, { type, value }: GgufValue): void {
  switch (type) {
    case 'u32':
      out.u32(GgufType.UINT32).u32(value);
      return;
    case 'i32':
      out.u32(GgufType.INT32).i32(value);
      return;
    case 'f32':
      out.u32(GgufType.FLOAT32).f32(value);
      return;
    case 'bool':
      out.u32(GgufType.BOOL).u8(value ? 1 : 0);
      return;
    case 'string':
      out.u32(GgufType.STRING).string(value);
      return;
    case 'string[]':
      out.u32(GgufType.ARRAY).u32(GgufType.STRING).u64(value.length);
      for (const item of value) out.string(item);
      return;
    case 'f32[]':
      out.u32(GgufType.ARRAY).u32(GgufType.FLOAT32).u64(value.length);
      for (const item of value) out.f32(item);
      return;
    case 'i32[]':
      out.u32(GgufType.ARRAY).u32(GgufType.INT32).u64(value.length);
      for (const item of value) out.i32(item);
      return;
  }
}

/** An append-only little-endian buffer that doubles when full. */
class ByteWriter {
  #buffer = new Uint8Array(1 << 16);
  #view = new DataView(this.#buffer.buffer);
  #length = 0;
  readonly #encoder = new TextEncoder();

  get length(): number {
    return this.#length;
  }

  u8(n: number): this {
    this.#reserve(1).setUint8(this.#length - 1, n);
    return this;
  }

  u32(n: number): this {
    this.#reserve(4).setUint32(this.#length - 4, n, true);
    return this;
  }

  i32(n: number): this {
    this.#reserve(4).setInt32(this.#length - 4, n, true);
    return this;
  }

  f32(n: number): this {
    this.#reserve(4).setFloat32(this.#length - 4, n, true);
    return this;
  }

  u64(n: number): this {
    this.#reserve(8).setBigUint64(this.#length - 8, BigInt(n), true);
    return this;
  }

  /** gguf_string: a u64 byte length, then UTF-8 without a terminator. */
  string(text: string): this {
    const encoded = this.#encoder.encode(text);
    return this.u64(encoded.length).bytes(encoded);
  }

  bytes(data: Uint8Array): this {
    this.#reserve(data.length);
    this.#buffer.set(data, this.#length - data.length);
    return this;
  }

  tensor(encoding: TensorEncoding, data: Float32Array): this {
    const start = this.#length;
    encodeTensor(encoding, data, this.#reserve(encodedByteLength(encoding, data.length)), start);
    return this;
  }

  padTo(alignment: number): this {
    return this.bytes(new Uint8Array(alignUp(this.#length, alignment) - this.#length));
  }

  finish(): Uint8Array {
    return this.#buffer.slice(0, this.#length);
  }

  // Grows the buffer, moves the end past `size` new bytes and returns the view to write them with.
  #reserve(size: number): DataView {
    const needed = this.#length + size;
    if (needed > this.#buffer.length) {
      const grown = new Uint8Array(Math.max(needed, this.#buffer.length * 2));
      grown.set(this.#buffer.subarray(0, this.#length));
      this.#buffer = grown;
      this.#view = new DataView(grown.buffer);
    }
    this.#length = needed;
    return this.#view;
  }
}
