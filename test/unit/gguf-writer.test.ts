// The GGUF v3 writer's layout, byte by byte where it matters: header, typed metadata, tensor infos,
// alignment of the data section and of every tensor.
import { describe, expect, test } from 'vitest';
import { readGguf, tensorData } from '../gguf/gguf-reader';
import { bool, f32, GgufType, i32, str, u32, writeGguf, type GgufModel } from '../gguf/gguf-writer';

const MODEL: GgufModel = {
  metadata: {
    'general.architecture': str('llama'),
    'general.alignment': u32(32),
    'test.i32': i32(-7),
    'test.f32': f32(0.5),
    'test.bool': bool(true),
    'test.strings': { type: 'string[]', value: ['<0x0A>', '▁'] },
    'test.floats': { type: 'f32[]', value: [1, -1] },
    'test.ints': { type: 'i32[]', value: [6, 3] },
  },
  tensors: [
    { name: 'a', shape: [3], data: Float32Array.of(1, 2, 3) },
    { name: 'b', shape: [2, 2], data: Float32Array.of(4, 5, 6, 7) },
  ],
};

describe('writeGguf', () => {
  const bytes = writeGguf(MODEL);
  const view = new DataView(bytes.buffer);

  test('starts with "GGUF", version 3, then u64 tensor and metadata counts', () => {
    expect(new TextDecoder().decode(bytes.subarray(0, 4))).toBe('GGUF');
    expect(view.getUint32(4, true)).toBe(3);
    expect(view.getBigUint64(8, true)).toBe(2n);
    expect(view.getBigUint64(16, true)).toBe(8n);
  });

  test('writes a key as a u64-length string, then the u32 type and the value', () => {
    expect(view.getBigUint64(24, true)).toBe(BigInt('general.architecture'.length));
    expect(new TextDecoder().decode(bytes.subarray(32, 52))).toBe('general.architecture');
    expect(view.getUint32(52, true)).toBe(GgufType.STRING);
    expect(view.getBigUint64(56, true)).toBe(5n);
    expect(new TextDecoder().decode(bytes.subarray(64, 69))).toBe('llama');
  });

  test('round-trips every metadata type with its GGUF type code, in order', () => {
    const { version, metadata } = readGguf(bytes);
    expect(version).toBe(3);
    expect([...metadata.entries()]).toEqual([
      ['general.architecture', { type: GgufType.STRING, value: 'llama' }],
      ['general.alignment', { type: GgufType.UINT32, value: 32 }],
      ['test.i32', { type: GgufType.INT32, value: -7 }],
      ['test.f32', { type: GgufType.FLOAT32, value: 0.5 }],
      ['test.bool', { type: GgufType.BOOL, value: true }],
      ['test.strings', { type: GgufType.ARRAY, value: ['<0x0A>', '▁'] }],
      ['test.floats', { type: GgufType.ARRAY, value: [1, -1] }],
      ['test.ints', { type: GgufType.ARRAY, value: [6, 3] }],
    ]);
  });

  test('tensor infos carry the shape innermost first, type F32 and aligned data offsets', () => {
    const { tensors } = readGguf(bytes);
    expect(tensors).toEqual([
      { name: 'a', shape: [3], ggmlType: 0, offset: 0 },
      // 12 bytes of "a", padded up to the 32-byte alignment.
      { name: 'b', shape: [2, 2], ggmlType: 0, offset: 32 },
    ]);
  });

  test('the data section starts aligned and holds each tensor at its offset', () => {
    const contents = readGguf(bytes);
    expect(contents.dataStart % 32).toBe(0);
    // Zero padding between "a" (12 bytes) and "b".
    expect([...bytes.subarray(contents.dataStart + 12, contents.dataStart + 32)]).toEqual(new Array(20).fill(0));
    expect([...tensorData(bytes, contents, 'a')]).toEqual([1, 2, 3]);
    expect([...tensorData(bytes, contents, 'b')]).toEqual([4, 5, 6, 7]);
    expect(bytes.length % 32).toBe(0);
  });

  test('general.alignment sets the alignment', () => {
    const wide = writeGguf({ ...MODEL, metadata: { ...MODEL.metadata, 'general.alignment': u32(64) } });
    const contents = readGguf(wide);
    expect(contents.dataStart % 64).toBe(0);
    expect(contents.tensors[1]!.offset).toBe(64);
  });
});

test('refuses a tensor whose data does not fill its shape', () => {
  expect(() => writeGguf({ metadata: {}, tensors: [{ name: 'x', shape: [2, 2], data: new Float32Array(3) }] })).toThrow(/shape \[2, 2\] but 3 values/);
});

test('refuses an alignment that is not a u32 multiple of 8', () => {
  expect(() => writeGguf({ metadata: { 'general.alignment': u32(12) }, tensors: [] })).toThrow(/multiple of 8/);
});
