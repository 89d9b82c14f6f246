// The pool view's full-text index: words folded for case and accents, each query word a word
// prefix, all of them required, and documents added, removed and compacted while it serves.
import { describe, expect, test } from 'vitest';
import { searchWords } from '../../src/lib/pool-view/search-words';
import { TextIndex } from '../../src/lib/pool-view/text-index';

/** The documents a search matches, as a list. */
function matches(index: TextIndex, search: string): number[] | 'all' {
  const mask = index.match(search);
  return mask ? [...mask.keys()].filter((doc) => mask[doc] === 1) : 'all';
}

function indexOf(...docs: string[][]): TextIndex {
  const index = new TextIndex();
  docs.forEach((texts, doc) => index.add(doc, texts));
  return index;
}

describe('searchWords', () => {
  test.each([
    ['Café-Crème', ['cafe', 'creme']],
    ['NAÏVE résumé', ['naive', 'resume']],
    ['Ångström, Øre and İstanbul', ['angstrom', 'øre', 'and', 'istanbul']],
    ['ﬁle №5', ['file', 'no5']],
    ["don't stop—2 times", ['don', 't', 'stop', '2', 'times']],
    ['Straße 東京 Москва', ['straße', '東京', 'москва']],
    ['  ...  ', []],
  ])('%s → %j', (text, words) => {
    expect(searchWords(text)).toEqual(words);
  });
});

describe('TextIndex', () => {
  const index = indexOf(
    ['Write a poem about the sea.', 'The sea at dusk', 'Waves roll in.'],
    ['Classify the sentiment of a review.', 'I loved this café!', 'Positive'],
    ['Write a short story.', '', 'Once upon a time, a résumé…'],
  );

  test('an empty search, or one without words, matches everything', () => {
    expect(matches(index, '')).toBe('all');
    expect(matches(index, ' -- ')).toBe('all');
  });

  test('a word matches any word it begins, in the instruction, an input or an output', () => {
    expect(matches(index, 'wav')).toEqual([0]);
    expect(matches(index, 'sent')).toEqual([1]);
    expect(matches(index, 'once')).toEqual([2]);
    expect(matches(index, 'w')).toEqual([0, 2]);
    expect(matches(index, 'ave')).toEqual([]);
  });

  test('case and accents do not matter, on either side', () => {
    expect(matches(index, 'CAFE')).toEqual([1]);
    expect(matches(index, 'Résumé')).toEqual([2]);
    expect(matches(index, 'resu')).toEqual([2]);
  });

  test('every word must match, in any order, however many terms share a prefix', () => {
    expect(matches(index, 'write sea')).toEqual([0]);
    expect(matches(index, 'sea write')).toEqual([0]);
    expect(matches(index, 'write s')).toEqual([0, 2]);
    expect(matches(index, 'write review')).toEqual([]);
    expect(matches(index, 'a a a the')).toEqual([0, 1]);
  });

  test('added and removed documents show in the next search, before and after a compaction', () => {
    const growing = indexOf(['Name a spice.'], ['Name a colour.']);
    growing.compact();
    growing.add(2, ['Name a city.', 'Paris']);
    growing.remove(0);
    expect(matches(growing, 'name')).toEqual([1, 2]);
    expect(matches(growing, 'pari')).toEqual([2]);
    expect(matches(growing, 'spice')).toEqual([]);
    growing.compact();
    expect(matches(growing, 'name')).toEqual([1, 2]);
    expect(matches(growing, 'spi')).toEqual([]);
    growing.add(3, ['Name a spice again.']);
    expect(matches(growing, 'spice name')).toEqual([3]);
  });

  test('documents must come in rising order', () => {
    const index = indexOf(['a'], ['b']);
    expect(() => index.add(1, ['c'])).toThrow(/out of order/);
  });

  test('a large index compacts by itself and still answers the same', () => {
    const big = new TextIndex();
    const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
    for (let doc = 0; doc < 30_000; doc++) big.add(doc, [`${words[doc % 5]} ${words[(doc * 3) % 5]} n${doc}`]);
    const expected = Array.from({ length: 30_000 }, (_, doc) => doc).filter((doc) => [doc % 5, (doc * 3) % 5].includes(2) && [doc % 5, (doc * 3) % 5].includes(4));
    expect(matches(big, 'gam eps')).toEqual(expected);
    expect(matches(big, 'n2999')).toEqual([2999, 29990, 29991, 29992, 29993, 29994, 29995, 29996, 29997, 29998, 29999]);
  });
});
