// AsciiTokenIds: a text's token ids through the vocabulary's trie are the ids of `tokenize`'s
// tokens looked up one by one, -1 for a token outside the vocabulary.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { tokenize } from '../../src/lib/rouge';
import { AsciiTokenIds } from '../../src/lib/rouge/ascii-token-ids';

const { streams }: { streams: Record<string, string[]> } = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/rouge/dedup-cases.json', import.meta.url)), 'utf8'));
const texts = Object.values(streams).flat();

function trieOf(words: readonly string[]): { trie: AsciiTokenIds; ids: Map<string, number> } {
  const trie = new AsciiTokenIds();
  const ids = new Map<string, number>();
  for (const word of words) {
    if (ids.has(word)) continue;
    ids.set(word, ids.size);
    trie.add(word, ids.get(word)!);
  }
  return { trie, ids };
}

test('gives the ids of tokenize’s tokens, -1 outside the vocabulary, on the ROUGE fixtures', () => {
  const { trie, ids } = trieOf(texts.filter((_, i) => i % 3 === 0).flatMap(tokenize));
  for (const text of texts) expect(Array.from(trie.idsOf(text))).toEqual(tokenize(text).map((token) => ids.get(token) ?? -1));
});

test.each([
  ['Name a spice.', [0, 1, 2]],
  // Prefixes and extensions of vocabulary words are other tokens.
  ['nam names spices spic', [-1, -1, -1, -1]],
  // Lowercasing comes first, as in rouge_score: the Kelvin sign is a "k", and "İ" gives an "i" and a combining dot.
  ['KELVIN \u212Aelvin İ', [3, 3, 4]],
  ['a2b 42, a', [5, 6, 1]],
  ['', []],
  ['!!! ¿? —', []],
  ['spice', [2]],
])('"%s" reads as %o', (text, expected) => {
  const { trie } = trieOf(['name', 'a', 'spice', 'kelvin', 'i', 'a2b', '42']);
  expect(Array.from(trie.idsOf(text))).toEqual(expected);
});

test('a long text grows its buffer; each call’s view is its own text’s ids', () => {
  const { trie } = trieOf(['w']);
  expect(trie.idsOf(Array.from({ length: 500 }, () => 'w x').join(' '))).toHaveLength(1000);
  expect(Array.from(trie.idsOf('w'))).toEqual([0]);
});

test('refuses a vocabulary word that tokenize could not make', () => {
  expect(() => new AsciiTokenIds().add('Café', 0)).toThrow(/not a token/);
});
