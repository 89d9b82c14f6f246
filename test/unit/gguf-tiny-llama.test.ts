// The tiny llama model's file: llama.cpp's expected tensors and vocabulary, and weights whose
// greedy next token is the table's successor for every token (checked here in plain arithmetic;
// test/browser/wllama.test.ts checks it in llama.cpp itself).
import { expect, test } from 'vitest';
import { readGguf, tensorData } from '../gguf/gguf-reader';
import { alphabetAfter, alphabetModel, BOS, buildTinyLlama, byteToken, invalidUtf8Model, N_EMBD, VOCAB_SIZE } from '../gguf/tiny-llama';

const bytes = alphabetModel();
const contents = readGguf(bytes);

test('is a llama model of 21 f32 tensors in under 500 KB, the same bytes on every build', () => {
  expect(contents.metadata.get('general.architecture')?.value).toBe('llama');
  expect(contents.tensors).toHaveLength(2 * 9 + 3);
  expect(contents.tensors.every((tensor) => tensor.ggmlType === 0)).toBe(true);
  expect(contents.tensors.find((tensor) => tensor.name === 'blk.1.ffn_down.weight')?.shape).toEqual([128, 64]);
  expect(contents.tensors.find((tensor) => tensor.name === 'token_embd.weight')?.shape).toEqual([N_EMBD, VOCAB_SIZE]);
  expect(bytes.length).toBeLessThan(500_000);
  expect(Buffer.from(alphabetModel()).equals(bytes)).toBe(true);
});

test('names byte tokens as llama.cpp looks them up, <0xNN> in upper-case hex', () => {
  const tokens = contents.metadata.get('tokenizer.ggml.tokens')?.value as string[];
  expect(tokens).toHaveLength(VOCAB_SIZE);
  expect(tokens.slice(0, 3)).toEqual(['<unk>', '<s>', '</s>']);
  expect(tokens[byteToken(0x0a)]).toBe('<0x0A>');
  expect(tokens[byteToken(0xff)]).toBe('<0xFF>');
  expect(contents.metadata.get('tokenizer.ggml.add_space_prefix')?.value).toBe(false);
});

/** The greedy next token with the layers' small contribution left out: argmax of output · RMSNorm(embedding). */
function greedyNext(model: Uint8Array, token: number): number {
  const read = readGguf(model);
  const embedding = tensorData(model, read, 'token_embd.weight').subarray(token * N_EMBD, (token + 1) * N_EMBD);
  const rms = Math.sqrt(embedding.reduce((sum, x) => sum + x * x, 0) / N_EMBD);
  const output = tensorData(model, read, 'output.weight');
  let best = -1;
  let bestLogit = -Infinity;
  for (let candidate = 0; candidate < VOCAB_SIZE; candidate++) {
    let logit = 0;
    for (let i = 0; i < N_EMBD; i++) logit += output[candidate * N_EMBD + i]! * (embedding[i]! / rms);
    if (logit > bestLogit) [best, bestLogit] = [candidate, logit];
  }
  return best;
}

test('the alphabet model continues letters, wraps z to a, and starts at a after anything else', () => {
  const letter = (c: string) => byteToken(c.charCodeAt(0));
  expect(greedyNext(bytes, letter('c'))).toBe(letter('d'));
  expect(greedyNext(bytes, letter('z'))).toBe(letter('a'));
  expect(greedyNext(bytes, letter('>'))).toBe(letter('a'));
  expect(greedyNext(bytes, BOS)).toBe(letter('a'));
});

test('the invalid-UTF-8 model alternates the lead byte 0xC3 and the letter c', () => {
  const model = invalidUtf8Model();
  expect(greedyNext(model, byteToken(0x61))).toBe(byteToken(0xc3));
  expect(greedyNext(model, byteToken(0xc3))).toBe(byteToken(0x63));
});

test('alphabetAfter predicts the alphabet model’s text', () => {
  expect(alphabetAfter('abc', 5)).toBe('defgh');
  expect(alphabetAfter('xy', 4)).toBe('zabc');
  expect(alphabetAfter('<|assistant|>', 3)).toBe('abc');
});

test('refuses a successor table that needs more directions than the embedding has', () => {
  expect(() => buildTinyLlama({ name: 'x', next: (token) => token })).toThrow(/distinct successors/);
});
