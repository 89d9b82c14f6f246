// ggml's tensor encodings that a test or benchmark model is written in: f32 as it is, and the two
// simplest block quantizations, Q8_0 and Q4_0 (blocks of 32 values sharing one f16 scale), laid out
// as ggml's reference quantizers in ggml-quants.c write them. A benchmark model in Q4_0 is what the
// app's users run (4-bit GGUFs), and its decode is bound by arithmetic rather than by memory, as
// theirs is. DataView only, no Node APIs.

/** The tensor types of ggml's `enum ggml_type` that this writer can encode. */
export const GgmlType = { F32: 0, Q4_0: 2, Q8_0: 8 } as const;
export type TensorEncoding = keyof typeof GgmlType;

const BLOCK = 32;
/** Bytes per block of 32 values: an f16 scale, then the quants. */
const BLOCK_BYTES = { Q4_0: 2 + BLOCK / 2, Q8_0: 2 + BLOCK } as const;

/** The bytes `count` values take in `encoding`. */
export function encodedByteLength(encoding: TensorEncoding, count: number): number {
  if (encoding === 'F32') return count * 4;
  checkBlocks(count);
  return (count / BLOCK) * BLOCK_BYTES[encoding];
}

/** Writes `values` in `encoding` into `view` at `offset` (little-endian). */
export function encodeTensor(encoding: TensorEncoding, values: Float32Array, view: DataView, offset: number): void {
  if (encoding === 'F32') {
    for (let i = 0; i < values.length; i++) view.setFloat32(offset + i * 4, values[i]!, true);
    return;
  }
  checkBlocks(values.length);
  const quantizeBlock = encoding === 'Q8_0' ? quantizeQ8Block : quantizeQ4Block;
  for (let block = 0; block < values.length / BLOCK; block++) {
    quantizeBlock(values.subarray(block * BLOCK, (block + 1) * BLOCK), view, offset + block * BLOCK_BYTES[encoding]);
  }
}

/** The values that `encoding`'s bytes at `offset` stand for: what llama.cpp computes with. */
export function decodeTensor(encoding: TensorEncoding, view: DataView, offset: number, count: number): Float32Array {
  const values = new Float32Array(count);
  if (encoding === 'F32') {
    for (let i = 0; i < count; i++) values[i] = view.getFloat32(offset + i * 4, true);
    return values;
  }
  checkBlocks(count);
  for (let block = 0; block < count / BLOCK; block++) {
    const at = offset + block * BLOCK_BYTES[encoding];
    const scale = f16ToNumber(view.getUint16(at, true));
    for (let j = 0; j < BLOCK; j++) {
      const quant = encoding === 'Q8_0' ? view.getInt8(at + 2 + j) : ((view.getUint8(at + 2 + (j % 16)) >> (j < 16 ? 0 : 4)) & 0x0f) - 8;
      values[block * BLOCK + j] = quant * scale;
    }
  }
  return values;
}

// Q8_0: d = max|x| / 127, q = round(x / d).
function quantizeQ8Block(values: Float32Array, view: DataView, at: number): void {
  const amax = values.reduce((max, value) => Math.max(max, Math.abs(value)), 0);
  const scale = amax / 127;
  const inverse = scale ? 1 / scale : 0;
  view.setUint16(at, numberToF16(scale), true);
  values.forEach((value, j) => view.setInt8(at + 2 + j, Math.round(value * inverse)));
}

// Q4_0: d = (the value of largest magnitude, with its sign) / -8, q = x / d + 8 in 0…15; byte j holds
// value j in its low nibble and value j + 16 in its high one.
function quantizeQ4Block(values: Float32Array, view: DataView, at: number): void {
  const extreme = values.reduce((best, value) => (Math.abs(value) > Math.abs(best) ? value : best), 0);
  const scale = extreme / -8;
  const inverse = scale ? 1 / scale : 0;
  view.setUint16(at, numberToF16(scale), true);
  const quant = (value: number): number => Math.min(15, Math.trunc(value * inverse + 8.5));
  for (let j = 0; j < BLOCK / 2; j++) view.setUint8(at + 2 + j, quant(values[j]!) | (quant(values[j + BLOCK / 2]!) << 4));
}

function checkBlocks(count: number): void {
  if (count % BLOCK !== 0) throw new Error(`A block-quantized tensor needs a multiple of ${BLOCK} values, not ${count}.`);
}

const f32Bits = new DataView(new ArrayBuffer(4));

/** IEEE half precision, rounded to nearest even, for the scales (finite values well inside its range). */
export function numberToF16(value: number): number {
  f32Bits.setFloat32(0, value);
  const bits = f32Bits.getUint32(0);
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (exponent <= 0) {
    // Subnormal half: shift the mantissa (with its hidden bit) down, rounding to nearest even.
    if (exponent < -10) return sign;
    const full = mantissa | 0x800000;
    const shift = 14 - exponent;
    const half = full >>> shift;
    const rest = full & ((1 << shift) - 1);
    const midpoint = 1 << (shift - 1);
    return sign | (half + (rest > midpoint || (rest === midpoint && half & 1) ? 1 : 0));
  }
  if (exponent >= 31) return sign | 0x7c00;
  const half = (exponent << 10) | (mantissa >>> 13);
  const rest = mantissa & 0x1fff;
  // A carry out of the mantissa moves into the exponent, which is the right rounding too.
  return sign | (half + (rest > 0x1000 || (rest === 0x1000 && half & 1) ? 1 : 0));
}

export function f16ToNumber(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  if (exponent === 0) return sign * mantissa * 2 ** -24;
  if (exponent === 31) return mantissa ? NaN : sign * Infinity;
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15);
}
