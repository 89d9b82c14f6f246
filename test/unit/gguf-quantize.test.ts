// The benchmark model's 4-bit and 8-bit encodings, checked against values worked out by hand from
// ggml's reference quantizers: f16 scales, the quants' layout, and what they decode to.
import { describe, expect, test } from 'vitest';
import { readGguf, tensorData } from '../gguf/gguf-reader';
import { writeGguf } from '../gguf/gguf-writer';
import { decodeTensor, encodedByteLength, encodeTensor, f16ToNumber, numberToF16, type TensorEncoding } from '../gguf/quantize';

function encoded(encoding: TensorEncoding, values: number[]): DataView {
  const view = new DataView(new ArrayBuffer(encodedByteLength(encoding, values.length)));
  encodeTensor(encoding, Float32Array.from(values), view, 0);
  return view;
}

describe('f16', () => {
  test.each([
    [1, 0x3c00],
    [0.5, 0x3800],
    [-2, 0xc000],
    [65504, 0x7bff],
    [2 ** -14, 0x0400],
    [2 ** -24, 0x0001],
    [0, 0x0000],
    // Halfway between 1 and the next half (1 + 2^-10) rounds to the even one; just past it rounds up.
    [1 + 2 ** -11, 0x3c00],
    [1 + 3 * 2 ** -11, 0x3c02],
  ])('%s is %i', (value, bits) => {
    expect(numberToF16(value)).toBe(bits);
  });

  test('reads back what it writes', () => {
    for (const value of [1, 0.5, -2, 65504, 2 ** -14, 2 ** -24, 0.0625, -0.375]) expect(f16ToNumber(numberToF16(value))).toBe(value);
  });
});

describe('Q8_0', () => {
  // Max |x| is 127, so the scale is 1 and every quant is its value rounded.
  const values = Array.from({ length: 32 }, (_, j) => (j === 0 ? 127 : j === 1 ? -127 : j - 16.4));
  const view = encoded('Q8_0', values);

  test('a block is an f16 scale then 32 signed bytes: 34 bytes', () => {
    expect(view.byteLength).toBe(34);
    expect(view.getUint16(0, true)).toBe(0x3c00);
    expect([view.getInt8(2), view.getInt8(3), view.getInt8(4), view.getInt8(33)]).toEqual([127, -127, -14, 15]);
  });

  test('decodes to quant × scale', () => {
    expect([...decodeTensor('Q8_0', view, 0, 32)]).toEqual(values.map((value) => Math.round(value) + 0));
  });
});

describe('Q4_0', () => {
  // The largest magnitude is -8 (negative), so the scale is -8 / -8 = 1 and a quant is x + 8.
  const values = Array.from({ length: 32 }, (_, j) => (j === 0 ? -8 : (j % 15) - 7));
  const view = encoded('Q4_0', values);

  test('a block is an f16 scale then 16 bytes: value j in the low nibble, value j + 16 in the high one', () => {
    expect(view.byteLength).toBe(18);
    expect(view.getUint16(0, true)).toBe(0x3c00);
    // Byte 0: value 0 (-8 → 0) low, value 16 ((16 % 15) - 7 = -6 → 2) high.
    expect(view.getUint8(2)).toBe(0x20);
    // Byte 1: value 1 (-6 → 2) low, value 17 (-5 → 3) high.
    expect(view.getUint8(3)).toBe(0x32);
  });

  test('decodes to (quant - 8) × scale, exact for whole values within the range', () => {
    expect([...decodeTensor('Q4_0', view, 0, 32)]).toEqual(values);
  });

  test('rounds to the nearest step and keeps within 0…15', () => {
    const scaled = encoded('Q4_0', Array.from({ length: 32 }, (_, j) => (j === 0 ? 1.6 : j === 1 ? -1.6 : 0.14)));
    // Scale 1.6 / -8 = -0.2: 1.6 → -8 steps (quant 0), -1.6 → +8 steps (15, the top), 0.14 → -0.7 → quant 7.
    expect([...decodeTensor('Q4_0', scaled, 0, 32).slice(0, 3)].map((value) => Number(value.toFixed(3)))).toEqual([1.6, -1.4, 0.2]);
  });

  test('refuses a tensor that is not whole blocks', () => {
    expect(() => encodedByteLength('Q4_0', 40)).toThrow(/multiple of 32/);
  });
});

test('the writer stores a quantized tensor with its ggml type and block size, and the reader decodes it', () => {
  const values = Float32Array.from({ length: 64 }, (_, j) => (j % 16) - 8);
  const bytes = writeGguf({ metadata: {}, tensors: [{ name: 'q', shape: [32, 2], data: values, encoding: 'Q4_0' }, { name: 'f', shape: [2], data: Float32Array.of(1, 2) }] });
  const contents = readGguf(bytes);
  // Two Q4_0 blocks are 36 bytes, so the next tensor starts at the 32-byte alignment after them.
  expect(contents.tensors.map(({ ggmlType, offset }) => ({ ggmlType, offset }))).toEqual([{ ggmlType: 2, offset: 0 }, { ggmlType: 0, offset: 64 }]);
  expect([...tensorData(bytes, contents, 'q')]).toEqual([...values]);
  expect([...tensorData(bytes, contents, 'f')]).toEqual([1, 2]);
});
