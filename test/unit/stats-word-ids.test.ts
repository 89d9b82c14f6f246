// WordTokenIds numbers raw texts' words through a trie, without making the words: its ids must be
// those of numbering wordTokens' words one by one, Unicode texts included.
import { expect, test } from 'vitest';
import { createRng } from '../../src/lib/method';
import { TokenIds, WordTokenIds } from '../../src/lib/stats/word-ids';
import { wordTokens } from '../../src/lib/stats/words';

/** Each text's ids from both numberings, the texts read in order. */
function bothIds(texts: readonly string[]): { trie: number[][]; tokens: number[][]; size: [number, number] } {
  const trie = new WordTokenIds();
  const tokens = new TokenIds<string>();
  return {
    trie: texts.map((text) => [...trie.idsOf(text)]),
    tokens: texts.map((text) => [...tokens.idsOf(wordTokens(text))]),
    size: [trie.size, tokens.size],
  };
}

test('ASCII and Unicode texts get the ids of their wordTokens, an ASCII word the same id in either', () => {
  const texts = [
    'Name a spice.',
    'NAME the_two   spices, then 42 more!',
    '',
    '  ...  ',
    'Explain why a café is not a cafe.',
    'Name a café in Paris: “Café de Flore”.',
    // The Kelvin sign lowercases to an ASCII k, the dotted capital I to i and a combining mark.
    'A 5 \u212A temperature; İstanbul and istanbul.',
    '日本語のテキストを要約してください。',
    'naïve Naïve NAÏVE naive',
    'x1 1x x_1 a-b a—b',
    'Name a spice.',
  ];
  const { trie, tokens, size } = bothIds(texts);
  expect(trie).toEqual(tokens);
  expect(size[0]).toBe(size[1]);
  // "a" in an ASCII text and in a Unicode one.
  expect(trie[5]![1]).toBe(trie[0]![1]);
});

test('seeded texts of many words: the trie grows past its first size and still agrees', () => {
  const rng = createRng(11);
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const word = () => Array.from({ length: 1 + rng.int(9) }, () => letters[rng.int(letters.length)]).join('');
  const texts = Array.from({ length: 3_000 }, () => Array.from({ length: rng.int(15) }, word).join(rng.next() < 0.1 ? ', é ' : ' '));
  const { trie, tokens, size } = bothIds(texts);
  // Far more words than the trie's first 1,024 nodes could hold.
  expect(size[1]).toBeGreaterThan(10_000);
  expect(trie).toEqual(tokens);
  expect(size[0]).toBe(size[1]);
});
