// Reads back what gguf-writer.ts writes (and the same subset of any GGUF v3 file), so tests can
// check a file's layout field by field. Like the writer, it uses no Node APIs.
import { GGUF_MAGIC, GgufType, DEFAULT_ALIGNMENT, alignUp } from './gguf-writer';
import { decodeTensor, GgmlType, type TensorEncoding } from './quantize';

export type GgufReadValue = number | boolean | string | GgufReadValue[];

export interface GgufTensorInfo {
  name: string;
  shape: number[];
  ggmlType: number;
  /** Relative to the start of the data section. */
  offset: number;
}

export interface GgufContents {
  version: number;
  metadata: Map<string, { type: number; value: GgufReadValue }>;
  tensors: GgufTensorInfo[];
  /** Absolute byte offset of the data section. */
  dataStart: number;
}

export function readGguf(bytes: Uint8Array): GgufContents {
  const input = new ByteReader(bytes);
  const magic = new TextDecoder().decode(input.bytes(4));
  if (magic !== GGUF_MAGIC) throw new Error(`Not a GGUF file (magic "${magic}").`);
  const version = input.u32();
  const tensorCount = input.u64();
  const kvCount = input.u64();
  const metadata = new Map<string, { type: number; value: GgufReadValue }>();
  for (let i = 0; i < kvCount; i++) {
    const key = input.string();
    const type = input.u32();
    metadata.set(key, { type, value: readValue(input, type) });
  }
  const tensors: GgufTensorInfo[] = [];
  for (let i = 0; i < tensorCount; i++) {
    const name = input.string();
    const dims = input.u32();
    const shape = Array.from({ length: dims }, () => input.u64());
    tensors.push({ name, shape, ggmlType: input.u32(), offset: input.u64() });
  }
  const alignment = metadata.get('general.alignment')?.value;
  const dataStart = alignUp(input.position, typeof alignment === 'number' ? alignment : DEFAULT_ALIGNMENT);
  return { version, metadata, tensors, dataStart };
}

/** A tensor's values (dequantized where it is quantized), read from the data section. */
export function tensorData(bytes: Uint8Array, contents: GgufContents, name: string): Float32Array {
  const info = contents.tensors.find((tensor) => tensor.name === name);
  if (!info) throw new Error(`No tensor ${name}.`);
  const encoding = (Object.keys(GgmlType) as TensorEncoding[]).find((key) => GgmlType[key] === info.ggmlType);
  if (!encoding) throw new Error(`Tensor ${name} has ggml type ${info.ggmlType}, which this reader does not decode.`);
  const count = info.shape.reduce((product, n) => product * n, 1);
  return decodeTensor(encoding, new DataView(bytes.buffer, bytes.byteOffset), contents.dataStart + info.offset, count);
}

function readValue(input: ByteReader, type: number): GgufReadValue {
  switch (type) {
    case GgufType.UINT8:
      return input.u8();
    case GgufType.UINT32:
      return input.u32();
    case GgufType.INT32:
      return input.i32();
    case GgufType.FLOAT32:
      return input.f32();
    case GgufType.BOOL:
      return input.u8() !== 0;
    case GgufType.STRING:
      return input.string();
    case GgufType.UINT64:
      return input.u64();
    case GgufType.ARRAY: {
      const itemType = input.u32();
      const count = input.u64();
      return Array.from({ length: count }, () => readValue(input, itemType));
    }
    default:
      throw new Error(`GGUF value type ${type} is not supported by this reader.`);
  }
}

class ByteReader {
  readonly #view: DataView;
  readonly #bytes: Uint8Array;
  position = 0;

  constructor(bytes: Uint8Array) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  u8(): number {
    return this.#view.getUint8(this.#advance(1));
  }

  u32(): number {
    return this.#view.getUint32(this.#advance(4), true);
  }

  i32(): number {
    return this.#view.getInt32(this.#advance(4), true);
  }

  f32(): number {
    return this.#view.getFloat32(this.#advance(4), true);
  }

  // Sizes and offsets in a test model fit a double exactly.
  u64(): number {
    return Number(this.#view.getBigUint64(this.#advance(8), true));
  }

  string(): string {
    return new TextDecoder().decode(this.bytes(this.u64()));
  }

  bytes(length: number): Uint8Array {
    const start = this.#advance(length);
    return this.#bytes.subarray(start, start + length);
  }

  #advance(size: number): number {
    const at = this.position;
    if (at + size > this.#bytes.length) throw new Error(`GGUF ends early at byte ${at}.`);
    this.position += size;
    return at;
  }
}
